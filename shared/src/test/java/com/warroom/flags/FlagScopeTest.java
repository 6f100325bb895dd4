package com.warroom.flags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FlagScopeTest {

    @Test
    void parse_whenGlobal_expectTheGlobalScope() {
        assertThat(FlagScope.parse("global")).containsSame(FlagScope.GLOBAL);
        assertThat(FlagScope.GLOBAL.key()).isEqualTo("global");
    }

    @Test
    void parse_whenRoundWithId_expectRoundScopeWithThatId() {
        assertThat(FlagScope.parse("round:r-2026.11_a")).contains(new FlagScope.Round("r-2026.11_a"));
        assertThat(FlagScope.parse("round:r-2026.11_a").orElseThrow().key()).isEqualTo("round:r-2026.11_a");
    }

    @Test
    void parse_whenUserWithId_expectUserScopeWithThatId() {
        assertThat(FlagScope.parse("user:U42")).contains(new FlagScope.User("U42"));
        assertThat(FlagScope.parse("user:U42").orElseThrow().key()).isEqualTo("user:U42");
    }

    @Test
    void parse_whenIdIs128Characters_expectAccepted() {
        String id = "a".repeat(128);
        assertThat(FlagScope.parse("round:" + id)).contains(new FlagScope.Round(id));
        assertThat(FlagScope.validId(id)).isTrue();
    }

    @Test
    void parse_whenIdIs129Characters_expectRejected() {
        String id = "a".repeat(129);
        assertThat(FlagScope.parse("round:" + id)).isEmpty();
        assertThat(FlagScope.parse("user:" + id)).isEmpty();
        assertThat(FlagScope.validId(id)).isFalse();
    }

    @Test
    void parse_whenKeyRoundTrips_expectSameScope() {
        for (FlagScope scope : new FlagScope[] {FlagScope.GLOBAL, new FlagScope.Round("r1"), new FlagScope.User("u.1")}) {
            assertThat(FlagScope.parse(scope.key())).contains(scope);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "round:",            // empty id
        "user:",
        "round:.r1",         // id must start with a letter or digit
        "round:_r1",
        "round:-r1",
        "round:r 1",         // spaces
        "round: r1",
        "round:r1 ",
        "user:jos\u00e9",    // non-ASCII letter
        "user:\u0661\u0662", // Arabic-Indic digits are digits to Unicode, not to the ID rule
        "user:u1\n",
        "round:a:b",         // a second colon belongs to the id, which cannot hold one
        "round:r/1",
        "round:r|1",
        "team:r1",           // unknown kind
        "Round:r1",          // kinds are case-sensitive
        "GLOBAL",
        "Global",
        "global:",
        "global:x",
        " global",
        "global ",
        ":r1",
        "r1",
    })
    void parse_whenTextIsNotAScope_expectEmpty(String text) {
        assertThat(FlagScope.parse(text)).isEmpty();
    }

    @Test
    void parse_whenNull_expectEmpty() {
        assertThat(FlagScope.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".a", "a b", "\u00e9", "a\u00e9", "a:b", "a\n"})
    void validId_whenNotAnId_expectFalse(String id) {
        assertThat(FlagScope.validId(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "a.b", "a_b", "a-b", "a..", "9-_."})
    void validId_whenLettersDigitsAndPunctuationAfterTheFirst_expectTrue(String id) {
        assertThat(FlagScope.validId(id)).isTrue();
    }
}
