package com.warroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    private static final String ROUTE = "POST /v1/admin/system-flags/set";

    @Test
    void isValid_whenPrintableAsciiUpTo255_isTrue() {
        assertThat(IdempotencyKey.isValid("a")).isTrue();
        assertThat(IdempotencyKey.isValid("x".repeat(255))).isTrue();
        assertThat(IdempotencyKey.isValid(" !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~")).isTrue();
        assertThat(IdempotencyKey.isValid("3f1c2a9e-5a8b-4c1d-9e2f-0a1b2c3d4e5f")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "caf\u00e9", "key\u0000", "tab\there", "line\nbreak", "del\u007f", "\u2603"})
    void isValid_whenEmptyOrNotPrintableAscii_isFalse(String value) {
        assertThat(IdempotencyKey.isValid(value)).isFalse();
    }

    @Test
    void isValid_when256Characters_isFalse() {
        assertThat(IdempotencyKey.isValid("x".repeat(256))).isFalse();
        assertThatThrownBy(() -> new IdempotencyKey(ROUTE, "sub", "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemKey_whenSameRouteCallerAndKey_isTheSame() {
        assertThat(new IdempotencyKey(ROUTE, "alice", "k-1").itemKey())
                .isEqualTo(new IdempotencyKey(ROUTE, "alice", "k-1").itemKey())
                .startsWith("request#")
                .hasSize("request#".length() + 64);
    }

    @Test
    void itemKey_whenCallerRouteOrKeyDiffer_differs() {
        String base = new IdempotencyKey(ROUTE, "alice", "k-1").itemKey();
        assertThat(new IdempotencyKey(ROUTE, "bob", "k-1").itemKey()).isNotEqualTo(base);
        assertThat(new IdempotencyKey("POST /v1/admin/config/changes", "alice", "k-1").itemKey()).isNotEqualTo(base);
        assertThat(new IdempotencyKey(ROUTE, "alice", "k-2").itemKey()).isNotEqualTo(base);
        // the parts cannot run into each other
        assertThat(new IdempotencyKey(ROUTE, "alice#", "k").itemKey()).isNotEqualTo(new IdempotencyKey(ROUTE, "alice", "#k").itemKey());
    }

    @Test
    void fingerprint_whenMethodPathOrBodyDiffer_differs() {
        Fingerprint base = Fingerprint.of("POST", "/v1/admin/approvals/a-1/approve", "{}");
        assertThat(Fingerprint.of("POST", "/v1/admin/approvals/a-1/approve", "{}")).isEqualTo(base);
        assertThat(Fingerprint.of("POST", "/v1/admin/approvals/a-2/approve", "{}")).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/v1/admin/approvals/a-1/approve", "{ }")).isNotEqualTo(base);
        assertThat(Fingerprint.of("PUT", "/v1/admin/approvals/a-1/approve", "{}")).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/a", "b{}")).isNotEqualTo(Fingerprint.of("POST", "/ab", "{}"));
        assertThat(base.hex()).matches("[0-9a-f]{64}");
    }
}
