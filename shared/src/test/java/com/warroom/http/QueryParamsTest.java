package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

    private static final Set<String> ALLOWED = Set.of("flag", "round", "limit");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,8}");
    private static final String LIMIT_RULE = "must be a whole number from 1 to 100";

    private static QueryParams params(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new QueryParams(m, ALLOWED);
    }

    @Test
    void constructor_whenOnlyAllowedParams_expectValid() {
        QueryParams q = params("flag", "payout", "limit", "10");
        assertThat(q.valid()).isTrue();
        assertThat(q.required("flag")).contains("payout");
        assertThat(q.optionalLong("limit", 1, 100)).contains(10L);
        assertThat(q.valid()).isTrue();
    }

    @Test
    void constructor_whenUnknownParams_expectEachReportedSorted() {
        QueryParams q = params("zeta", "1", "Flag", "x", "alpha", "2", "flag", "payout");
        assertThat(q.valid()).isFalse();
        assertThat(q.errors()).extracting(FieldError::field).containsExactly("Flag", "alpha", "zeta");
        assertThat(q.errors()).allSatisfy(e ->
                assertThat(e.message()).isEqualTo("unknown query parameter; allowed are [flag, limit, round]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void required_whenBlank_expectIsRequired(String value) {
        QueryParams q = params("flag", value);
        assertThat(q.required("flag")).isEmpty();
        assertThat(q.errors()).containsExactly(new FieldError("flag", "is required"));
    }

    @Test
    void required_whenMissing_expectIsRequired() {
        QueryParams q = params();
        assertThat(q.required("flag")).isEmpty();
        assertThat(q.errors()).containsExactly(new FieldError("flag", "is required"));
    }

    @Test
    void optionalMatching_whenAbsent_expectEmptyWithoutError() {
        QueryParams q = params();
        assertThat(q.optionalMatching("round", ID, "a round id")).isEmpty();
        assertThat(q.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "R1", "r 1", "r1;drop", "123456789", "r1\n"})
    void optionalMatching_whenNotMatchingTheWholeValue_expectRuleAsMessage(String value) {
        QueryParams q = params("round", value);
        assertThat(q.optionalMatching("round", ID, "must be 1 to 8 of a-z, 0-9, '-'")).isEmpty();
        assertThat(q.errors()).containsExactly(new FieldError("round", "must be 1 to 8 of a-z, 0-9, '-'"));
    }

    @Test
    void optionalMatching_whenMatching_expectValue() {
        assertThat(params("round", "r-1").optionalMatching("round", ID, "rule")).contains("r-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100", "50"})
    void optionalLong_whenWithinInclusiveRange_expectValue(String value) {
        QueryParams q = params("limit", value);
        assertThat(q.optionalLong("limit", 1, 100)).contains(Long.parseLong(value));
        assertThat(q.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "1.5", "10.0", "1e2", "abc", "", " 5", "5 ", "0x10",
        "99999999999999999999", "1,2"})
    void optionalLong_whenFractionalOutOfRangeOrNotANumber_expectRangeMessage(String value) {
        QueryParams q = params("limit", value);
        assertThat(q.optionalLong("limit", 1, 100)).isEmpty();
        assertThat(q.errors()).containsExactly(new FieldError("limit", LIMIT_RULE));
    }

    @Test
    void optionalLong_whenAbsent_expectEmptyWithoutError() {
        QueryParams q = params();
        assertThat(q.optionalLong("limit", 1, 100)).isEmpty();
        assertThat(q.valid()).isTrue();
    }

    @Test
    void optionalLong_whenFullLongRange_expectExtremesAccepted() {
        assertThat(params("limit", String.valueOf(Long.MIN_VALUE)).optionalLong("limit", Long.MIN_VALUE, Long.MAX_VALUE))
                .contains(Long.MIN_VALUE);
        assertThat(params("limit", String.valueOf(Long.MAX_VALUE)).optionalLong("limit", Long.MIN_VALUE, Long.MAX_VALUE))
                .contains(Long.MAX_VALUE);
    }

    @Test
    void errors_whenManyProblems_expectAllCollected() {
        QueryParams q = params("limit", "0", "round", "R!", "page", "2");
        q.required("flag");
        q.optionalMatching("round", ID, "bad round");
        q.optionalLong("limit", 1, 100);
        q.reject("round", "round and flag together");
        assertThat(q.valid()).isFalse();
        assertThat(q.errors()).containsExactly(
                new FieldError("page", "unknown query parameter; allowed are [flag, limit, round]"),
                new FieldError("flag", "is required"),
                new FieldError("round", "bad round"),
                new FieldError("limit", LIMIT_RULE),
                new FieldError("round", "round and flag together"));
    }
}
