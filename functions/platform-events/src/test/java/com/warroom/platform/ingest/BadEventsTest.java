package com.warroom.platform.ingest;

import static com.warroom.platform.PlatformStack.contribution;
import static com.warroom.platform.PlatformStack.detail;
import static com.warroom.platform.PlatformStack.eventBridge;
import static com.warroom.platform.PlatformStack.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.platform.PlatformStack;
import com.warroom.platform.ingest.PlatformEventIngest.Outcome;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an event can be bad: parked in the dead-letter queue with the original body and a reason naming the field,
 * and nothing of it written (no platform-events item, no journal entry, no round totals).
 */
@ExtendWith(EmbeddedStackExtension.class)
class BadEventsTest {

    private static PlatformStack world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PlatformStack(stack);
    }

    @BeforeEach
    void reset() {
        world.drainDeadLetters();
    }

    private static Arguments bad(String name, String type, UnaryOperator<ObjectNode> event, String reason) {
        return Arguments.of(name, type, event, reason);
    }

    private static UnaryOperator<ObjectNode> detailField(String field, Object value) {
        return event -> {
            ObjectNode detail = (ObjectNode) event.get("detail");
            if (value == null) {
                detail.remove(field);
            } else {
                detail.set(field, Json.mapper().valueToTree(value));
            }
            return event;
        };
    }

    private static UnaryOperator<ObjectNode> eventField(String field, Object value) {
        return event -> {
            if (value == null) {
                event.remove(field);
            } else {
                event.set(field, Json.mapper().valueToTree(value));
            }
            return event;
        };
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("no id", "ContributionConfirmed", eventField("id", null), "id: is required"),
                bad("id with a space", "ContributionConfirmed", eventField("id", "e 1"), "id: must be 1 to 100 of A-Z a-z 0-9 . _ @ -"),
                bad("id too long", "ContributionConfirmed", eventField("id", "e".repeat(101)), "id: must be 1 to 100 of"),
                bad("id a number", "ContributionConfirmed", eventField("id", 42), "id: must be a string"),
                bad("unknown detail-type", "ContributionConfirmed", eventField("detail-type", "PresaleStarted"),
                        "detail-type: unknown detail-type PresaleStarted"),
                bad("no detail-type", "ContributionConfirmed", eventField("detail-type", null), "detail-type: is required"),
                bad("another source", "ContributionConfirmed", eventField("source", "aws.s3"), "source: must be warroom.platform, not aws.s3"),
                bad("no time", "ContributionConfirmed", eventField("time", null), "time: is required"),
                bad("bad time", "ContributionConfirmed", eventField("time", "yesterday"), "time: must be an ISO-8601 time"),
                bad("no detail", "ContributionConfirmed", eventField("detail", null), "detail: is required"),
                bad("detail not an object", "ContributionConfirmed", eventField("detail", "x"), "detail: must be a JSON object"),
                bad("amount with too many decimals", "ContributionConfirmed", detailField("amount", "1.0000001"),
                        "detail.amount: has more decimals than USDC allows (6)"),
                bad("negative amount", "ContributionConfirmed", detailField("amount", "-1"), "detail.amount: must be a decimal string"),
                bad("zero amount", "ContributionConfirmed", detailField("amount", "0"), "detail.amount: must be greater than zero"),
                bad("amount a number", "ContributionConfirmed", detailField("amount", 1.5), "detail.amount: must be a string"),
                bad("amount with an exponent", "ContributionConfirmed", detailField("amount", "1e3"), "detail.amount: must be a decimal string"),
                bad("no amount", "ContributionConfirmed", detailField("amount", null), "detail.amount: is required"),
                bad("unknown asset", "ContributionConfirmed", detailField("asset", "DOGE"), "detail.asset: not an asset Warroom keeps books in"),
                bad("asset lower case", "ContributionConfirmed", detailField("asset", "usdc"), "detail.asset: not an asset"),
                bad("no asset", "ContributionConfirmed", detailField("asset", null), "detail.asset: is required"),
                bad("roundId with a colon", "ContributionConfirmed", detailField("roundId", "r:1"), "detail.roundId: must be 1 to 100 of"),
                bad("no roundId", "ContributionConfirmed", detailField("roundId", null), "detail.roundId: is required"),
                bad("userId with a slash", "ContributionConfirmed", detailField("userId", "u/1"), "detail.userId: must be 1 to 100 of"),
                bad("no userId", "ContributionConfirmed", detailField("userId", null), "detail.userId: is required"),
                bad("empty txHash", "ContributionConfirmed", detailField("txHash", ""), "detail.txHash: must be 1 to 200 printable ASCII"),
                bad("txHash with a space", "ContributionConfirmed", detailField("txHash", "0x 1"), "detail.txHash: must be 1 to 200"),
                bad("unknown detail field", "ContributionConfirmed", detailField("note", "hi"),
                        "detail.note: unknown field; the fields of ContributionConfirmed are [roundId, userId, amount, asset, txHash]"),
                bad("negative contributorCount", "RoundFinalized", detailField("contributorCount", -1),
                        "detail.contributorCount: must be a whole number >= 0"),
                bad("contributorCount a string", "RoundFinalized", detailField("contributorCount", "2"),
                        "detail.contributorCount: must be a whole number >= 0"),
                bad("totalRaised with too many decimals", "RoundFinalized", detailField("totalRaised", "0.0000001"),
                        "detail.totalRaised: has more decimals than USDC allows (6)"),
                bad("no reference", "FeeCharged", detailField("reference", null), "detail.reference: is required"),
                bad("ruleId with a colon", "FeeCharged", detailField("ruleId", "a:b"), "detail.ruleId: must be 1 to 100 of"),
                bad("unknown fee rule", "FeeCharged", detailField("ruleId", "made_up"), "detail.ruleId: no fee rule made_up in the config"),
                bad("referral amount too precise", "ReferralClaimed", detailField("amount", "0.0000000001"),
                        "detail.amount: has more decimals than USDC allows (6)"),
                bad("refund without userId", "RefundIssued", detailField("userId", null), "detail.userId: is required"));
    }

    static ObjectNode goodDetail(String type, String round, String user) {
        return switch (type) {
            case "ContributionConfirmed" -> contribution(round, user, "1", "USDC");
            case "RoundFinalized" -> PlatformStack.finalization(round, "1", "USDC", 1);
            case "FeeCharged" -> PlatformStack.fee("presale_success", "1", "USDC");
            case "ReferralClaimed" -> PlatformStack.referral(user, "1", "USDC");
            case "RefundIssued" -> PlatformStack.refund(round, user, "1", "USDC");
            default -> detail();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badEvent_isParkedWithTheReasonNamingTheField_andNothingIsWritten(String name, String type, UnaryOperator<ObjectNode> spoil,
                                                                        String reason) {
        String round = newId("r");
        String user = newId("u");
        String id = newId("e");
        ObjectNode event = (ObjectNode) Json.readTree(eventBridge(id, type, goodDetail(type, round, user)));
        String body = Json.write(spoil.apply(event));

        Outcome outcome = world.take(body);

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.body()).isEqualTo(body);
            assertThat(letter.reason()).startsWith(reason);
        });
        assertThat(world.events.find(id)).isEmpty();
        assertThat(world.posted("platform:" + id)).isFalse();
        assertThat(world.rounds.total(round, "USDC")).isEmpty();
        assertThat(world.rounds.finalization(round)).isEmpty();
        assertThat(world.balance("referral_owed:" + user, "USDC")).isZero();
    }
}
