package com.warroom.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.idempotency.ProcessedMessages;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading flag-changes messages strictly, and the line the war room reads. */
class FlagChangeTest {

    private static final String GOOD = FlagChanges.body(Flag.CONTRIBUTE, "round:R1", false, "Pausing while we investigate", 3);

    @Test
    void parse_whenTheMessageIsAFlagRecord_readsTheChange() {
        assertThat(FlagChange.parse(GOOD)).isEqualTo(new FlagChange.Parsed.Readable(new FlagChange(Flag.CONTRIBUTE,
                new FlagScope.Round("R1"), false, "Pausing while we investigate", FlagChanges.ALICE, 3)));
    }

    @Test
    void parse_whenThereIsNoEmail_namesTheSubjectAsTheAuthor() {
        String body = "{\"flag\":\"payout\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"r\",\"updatedBy\":\"ops-bob\",\"version\":1}";
        assertThat(FlagChange.parse(body)).isInstanceOfSatisfying(FlagChange.Parsed.Readable.class,
                readable -> assertThat(readable.change().actor()).isEqualTo("ops-bob"));
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("not JSON", "flag=contribute", "not JSON"),
                Arguments.of("JSON then more", GOOD + " {}", "not JSON"),
                Arguments.of("duplicate key", "{\"flag\":\"payout\",\"flag\":\"refund\"}", "not JSON"),
                Arguments.of("an array", "[" + GOOD + "]", "not a JSON object"),
                Arguments.of("unknown flag", GOOD.replace("\"contribute\"", "\"withdraw\""), "unknown flag 'withdraw'"),
                Arguments.of("bad scope", GOOD.replace("round:R1", "planet:earth"), "scope must be"),
                Arguments.of("enabled as text", GOOD.replace("\"enabled\":false", "\"enabled\":\"false\""), "enabled must be"),
                Arguments.of("no version", GOOD.replace("\"version\":3,", ""), "version must be"),
                Arguments.of("version 0", GOOD.replace("\"version\":3", "\"version\":0"), "version must be"),
                Arguments.of("fractional version", GOOD.replace("\"version\":3", "\"version\":3.5"), "version must be"),
                Arguments.of("no reason", GOOD.replace("\"reason\":\"Pausing while we investigate\"", "\"reason\":null"), "reason is missing"),
                Arguments.of("no author", "{\"flag\":\"payout\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"r\",\"version\":1}",
                        "updatedByEmail or updatedBy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void parse_whenTheMessageIsNotAFlagChange_saysWhy(String name, String body, String why) {
        assertThat(FlagChange.parse(body)).isInstanceOfSatisfying(FlagChange.Parsed.Unreadable.class,
                unreadable -> assertThat(unreadable.why()).contains(why));
    }

    @Test
    void changeId_ofAChange_isItsFlagScopeAndVersion() {
        var change = new FlagChange(Flag.CONTRIBUTE, new FlagScope.Round("R1"), false, "r", "a", 3);
        assertThat(change.changeId()).isEqualTo("contribute@round:R1#v3");
        assertThat(ProcessedMessages.key(OpsNoticePoster.CONSUMER, change.changeId())).isEqualTo("message#ops-notices#contribute@round:R1#v3");
    }

    @Test
    void of_whenTheReasonHasLineBreaks_buildsOneLineWithSubjectAndAttributes() {
        var change = new FlagChange(Flag.CONTRIBUTE, new FlagScope.Round("R1"), false, "Suspicious contributions\non R1,\r\n pausing",
                "alice@ops.example", 3);

        OpsNotice notice = OpsNotice.of(change);

        assertThat(notice.text()).isEqualTo("contribute disabled for round:R1 by alice@ops.example: Suspicious contributions on R1, pausing");
        assertThat(notice.subject()).isEqualTo("Warroom: contribute disabled for round:R1");
        assertThat(notice.attributes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "flag", new OpsNotice.Attribute("String", "contribute"),
                "scope", new OpsNotice.Attribute("String", "round:R1"),
                "enabled", new OpsNotice.Attribute("String", "false"),
                "version", new OpsNotice.Attribute("Number", "3")));
    }

    @Test
    void of_whenTheScopeIsGlobalOrLong_saysEverywhereAndKeepsTheSubjectWithinSnsLimit() {
        String longRound = "R" + "x".repeat(127);
        assertThat(OpsNotice.of(new FlagChange(Flag.FEED_POSTING, FlagScope.GLOBAL, true, "Spam filter deployed", "ops-bob", 2)).text())
                .isEqualTo("feed.posting enabled everywhere (global) by ops-bob: Spam filter deployed");
        assertThat(OpsNotice.of(new FlagChange(Flag.CLAIM_REFERRAL, new FlagScope.Round(longRound), false, "r", "a", 1)).subject())
                .hasSize(OpsNotice.MAX_SUBJECT_LENGTH).endsWith("…");
    }
}
