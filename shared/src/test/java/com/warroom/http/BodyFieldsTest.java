package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFieldsTest {

    private static final Set<String> ALLOWED = Set.of("flag", "enabled", "count", "reason");

    private static BodyFields fields(String body) {
        BodyFields.Parsed parsed = BodyFields.parse(body, ALLOWED);
        assertThat(parsed).isInstanceOf(BodyFields.Parsed.Fields.class);
        return ((BodyFields.Parsed.Fields) parsed).fields();
    }

    private static Problem invalid(String body) {
        BodyFields.Parsed parsed = BodyFields.parse(body, ALLOWED);
        assertThat(parsed).isInstanceOf(BodyFields.Parsed.Invalid.class);
        return ((BodyFields.Parsed.Invalid) parsed).problem();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n\t"})
    void parse_whenBodyAbsent_expectMalformedJsonRequiringAnObject(String body) {
        Problem p = invalid(body);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-json");
        assertThat(p.detail()).isEqualTo("a JSON object body is required");
    }

    @Test
    void parse_whenNotJson_expectMalformedJsonWithLineAndColumn() {
        Problem p = invalid("{\"flag\": \"contribute\",\n  \"enabled\": fals}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).endsWith("/malformed-json");
        assertThat(p.detail()).startsWith("the body is not valid JSON (line 2, column ");
        assertThat(p.detail()).doesNotContain("Jackson", "com.fasterxml", "Exception");
    }

    @Test
    void parse_whenDuplicateKeys_expectMalformedJson() {
        Problem p = invalid("{\"enabled\": true, \"enabled\": false}");
        assertThat(p.type()).endsWith("/malformed-json");
        assertThat(p.detail()).startsWith("the body is not valid JSON (line 1,");
    }

    @Test
    void parse_whenDuplicateKeysNested_expectMalformedJson() {
        assertThat(invalid("{\"reason\": {\"a\": 1, \"a\": 2}}").type()).endsWith("/malformed-json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"flag\":\"payout\"} x", "{\"flag\":\"payout\"}{\"enabled\":true}", "{} []", "{},"})
    void parse_whenTrailingTokens_expectMalformedJson(String body) {
        assertThat(invalid(body).type()).endsWith("/malformed-json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"flag\":\"payout\"}]", "\"flag\"", "42", "true", "null"})
    void parse_whenJsonButNotAnObject_expectMustBeAnObject(String body) {
        Problem p = invalid(body);
        assertThat(p.detail()).isEqualTo("the body must be a JSON object");
        assertThat(p.status()).isEqualTo(400);
    }

    @Test
    void parse_whenObjectWithAllowedFields_expectNoErrors() {
        BodyFields f = fields("{\"flag\":\"payout\",\"enabled\":false,\"count\":3,\"reason\":\"incident\"}");
        assertThat(f.requiredString("flag")).contains("payout");
        assertThat(f.requiredBoolean("enabled")).contains(false);
        assertThat(f.optionalCount("count")).contains(3L);
        assertThat(f.requiredString("reason")).contains("incident");
        assertThat(f.valid()).isTrue();
        assertThat(f.errors()).isEmpty();
    }

    @Test
    void parse_whenUnknownFields_expectEachNamedWithTheAllowedList() {
        BodyFields f = fields("{\"flag\":\"payout\",\"scope\":\"global\",\"Enabled\":true}");
        assertThat(f.valid()).isFalse();
        assertThat(f.errors()).containsExactly(
                new FieldError("scope", "unknown field; allowed fields are [count, enabled, flag, reason]"),
                new FieldError("Enabled", "unknown field; allowed fields are [count, enabled, flag, reason]"));
    }

    @Test
    void requiredString_whenMissingOrNull_expectIsRequired() {
        BodyFields f = fields("{\"reason\":null}");
        assertThat(f.requiredString("flag")).isEmpty();
        assertThat(f.requiredString("reason")).isEmpty();
        assertThat(f.errors()).containsExactly(new FieldError("flag", "is required"), new FieldError("reason", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "{}", "[\"payout\"]", "1.5"})
    void requiredString_whenNotAString_expectMustBeAString(String value) {
        BodyFields f = fields("{\"flag\":" + value + "}");
        assertThat(f.requiredString("flag")).isEmpty();
        assertThat(f.errors()).containsExactly(new FieldError("flag", "must be a string"));
    }

    @Test
    void requiredString_whenEmptyString_expectAcceptedAsIs() {
        // emptiness is the caller's rule to apply (e.g. with reject); the reader only checks the type
        assertThat(fields("{\"flag\":\"\"}").requiredString("flag")).contains("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "\"false\"", "1", "0", "{}", "[]"})
    void requiredBoolean_whenNotABoolean_expectMustBeTrueOrFalse(String value) {
        BodyFields f = fields("{\"enabled\":" + value + "}");
        assertThat(f.requiredBoolean("enabled")).isEmpty();
        assertThat(f.errors()).containsExactly(new FieldError("enabled", "must be true or false"));
    }

    @Test
    void requiredBoolean_whenMissingOrNull_expectIsRequired() {
        assertThat(fields("{}").requiredBoolean("enabled")).isEmpty();
        BodyFields f = fields("{\"enabled\":null}");
        f.requiredBoolean("enabled");
        assertThat(f.errors()).containsExactly(new FieldError("enabled", "is required"));
    }

    @Test
    void optionalCount_whenAbsentOrNull_expectEmptyWithoutError() {
        BodyFields absent = fields("{}");
        assertThat(absent.optionalCount("count")).isEmpty();
        assertThat(absent.valid()).isTrue();
        BodyFields nul = fields("{\"count\":null}");
        assertThat(nul.optionalCount("count")).isEmpty();
        assertThat(nul.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "9223372036854775807"})
    void optionalCount_whenWholeNumberInRange_expectValue(String value) {
        BodyFields f = fields("{\"count\":" + value + "}");
        assertThat(f.optionalCount("count")).contains(Long.parseLong(value));
        assertThat(f.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1.0", "0.0", "1e3", "2E0", "9223372036854775808", "-9223372036854775809",
        "\"3\"", "true", "[1]", "{}"})
    void optionalCount_whenFractionalNegativeTooLargeOrNotANumber_expectError(String value) {
        BodyFields f = fields("{\"count\":" + value + "}");
        assertThat(f.optionalCount("count")).isEmpty();
        assertThat(f.errors()).containsExactly(new FieldError("count", "must be a whole number >= 0"));
    }

    @Test
    void errors_whenManyProblems_expectAllCollectedInOrder() {
        BodyFields f = fields("{\"enabled\":\"yes\",\"count\":-2,\"extra\":1,\"reason\":7}");
        f.requiredString("flag");
        f.requiredBoolean("enabled");
        f.optionalCount("count");
        f.requiredString("reason");
        f.reject("reason", "must not be blank");

        assertThat(f.valid()).isFalse();
        assertThat(f.errors()).containsExactly(
                new FieldError("extra", "unknown field; allowed fields are [count, enabled, flag, reason]"),
                new FieldError("flag", "is required"),
                new FieldError("enabled", "must be true or false"),
                new FieldError("count", "must be a whole number >= 0"),
                new FieldError("reason", "must be a string"),
                new FieldError("reason", "must not be blank"));

        Problem p = Problem.validation(f.errors());
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "validation");
        assertThat(p.errors()).hasSize(6);
        assertThat(p.detail()).isEqualTo("extra: unknown field; allowed fields are [count, enabled, flag, reason]; "
                + "flag: is required; enabled: must be true or false; count: must be a whole number >= 0; "
                + "reason: must be a string; reason: must not be blank");
    }

    @Test
    void errors_whenReturned_expectUnmodifiableSnapshot() {
        BodyFields f = fields("{}");
        List<FieldError> before = f.errors();
        f.reject("flag", "bad");
        assertThat(before).isEmpty();
        assertThatThrownBy(() -> f.errors().add(new FieldError("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reject_whenCalled_expectInvalid() {
        BodyFields f = fields("{\"flag\":\"payout\"}");
        f.reject("flag", "unknown flag; known flags are ...");
        assertThat(f.valid()).isFalse();
        assertThat(f.errors()).containsExactly(new FieldError("flag", "unknown flag; known flags are ..."));
    }

    // ---- stream limits (issue 8) ----

    @Test
    void parse_whenNestedTooDeep_expectMalformedJsonSayingSo() {
        Problem p = invalid("{\"flag\":" + "[".repeat(100_000));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-json");
        assertThat(p.detail()).contains("nested too deeply");
    }

    @Test
    void parse_whenNumberOver1000Digits_expectMalformedJsonSayingSo() {
        Problem p = invalid("{\"count\":" + "9".repeat(1001) + "}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-json");
        assertThat(p.detail()).contains("number is too long");
    }

    // ---- free text (issue 8) ----

    @ParameterizedTest
    @ValueSource(strings = {"nul \\u0000 inside", "bell \\u0007 inside", "tab\\there", "carriage\\rreturn", "escape \\u001b[31m red",
        "delete \\u007f char", "c1 \\u0085 next line", "c1 \\u009b csi", "bidi \\u202e override", "bidi \\u202a embedding",
        "isolate \\u2066 inside", "isolate \\u2069 end", "\\u200b\\u200c\\u200d\\u2060\\ufeff", " \\u200b \\ufeff ",
        "lone \\ud800 high", "lone \\udc00 low", "reversed \\udc00\\ud800 pair"})
    void requiredText_whenTextHasForbiddenCharacters_expectFieldError(String escaped) {
        BodyFields f = fields("{\"reason\":\"" + escaped + "\"}");
        assertThat(f.requiredText("reason", 1, 500)).isEmpty();
        assertThat(f.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\\nline two", "emoji \\ud83d\\ude80 ok", "zero\\u200bwidth between words",
        "\\u05e9\\u05dc\\u05d5\\u05dd right-to-left text", "caf\\u00e9 \\u00a0 nbsp"})
    void optionalText_whenTextIsPrintable_expectAccepted(String escaped) {
        BodyFields f = fields("{\"reason\":\"" + escaped + "\"}");
        assertThat(f.optionalText("reason", 1, 500)).isPresent();
        assertThat(f.valid()).isTrue();
    }

    @Test
    void optionalText_whenNulInside_expectFieldError() {
        BodyFields f = fields("{\"reason\":\"a\\u0000b\"}");
        assertThat(f.optionalText("reason", 1, 500)).isEmpty();
        assertThat(f.errors()).extracting(FieldError::field).containsExactly("reason");
    }
}
