package com.warroom.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PaymentCheckTest {

    private static final String KEY = "notification:" + "a".repeat(64);

    @Test
    void toJson_andParse_roundTrip_bothSources() {
        assertThat(PaymentCheck.webhook("O-1", KEY).toJson())
                .isEqualTo("{\"orderId\":\"O-1\",\"eventKey\":\"" + KEY + "\",\"source\":\"webhook\"}");
        assertThat(PaymentCheck.reconcile("O-1").toJson()).isEqualTo("{\"orderId\":\"O-1\",\"source\":\"reconcile\"}");
        assertThat(PaymentCheck.parse(PaymentCheck.webhook("O-1", KEY).toJson())).contains(PaymentCheck.webhook("O-1", KEY));
        assertThat(PaymentCheck.parse(PaymentCheck.reconcile("O-1").toJson())).contains(PaymentCheck.reconcile("O-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"orderId\":\"O-1\"}", "{\"orderId\":\"O-1\",\"source\":\"webhook\"}",
            "{\"orderId\":\"O-1\",\"source\":\"webhook\",\"eventKey\":\"notification:xyz\"}",
            "{\"orderId\":\"O 1\",\"source\":\"reconcile\"}", "{\"orderId\":\"O-1\",\"source\":\"cron\"}",
            "{\"orderId\":\"O-1\",\"source\":\"reconcile\",\"eventKey\":\"x\"}"})
    void parse_whenTheBodyIsNoCheck_isEmpty(String body) {
        assertThat(PaymentCheck.parse(body)).isEqualTo(Optional.empty());
    }

    @Test
    void webhook_withoutAnEventKey_isRefused() {
        assertThatThrownBy(() -> new PaymentCheck("O-1", Optional.empty(), PaymentCheck.Source.WEBHOOK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
