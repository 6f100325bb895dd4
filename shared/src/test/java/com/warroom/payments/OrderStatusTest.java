package com.warroom.payments;

import static com.warroom.payments.OrderStatus.CANCELLED;
import static com.warroom.payments.OrderStatus.EXPIRED;
import static com.warroom.payments.OrderStatus.FAILED;
import static com.warroom.payments.OrderStatus.PAID;
import static com.warroom.payments.OrderStatus.PARTIALLY_REFUNDED;
import static com.warroom.payments.OrderStatus.PENDING;
import static com.warroom.payments.OrderStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void canMoveTo_onlyForward() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(PENDING::canMoveTo)).containsExactlyInAnyOrder(PAID, EXPIRED, CANCELLED, FAILED);
        assertThat(Arrays.stream(OrderStatus.values()).filter(PAID::canMoveTo)).containsExactlyInAnyOrder(PARTIALLY_REFUNDED, REFUNDED);
        assertThat(Arrays.stream(OrderStatus.values()).filter(PARTIALLY_REFUNDED::canMoveTo))
                .containsExactlyInAnyOrder(PARTIALLY_REFUNDED, REFUNDED);
        for (OrderStatus end : EnumSet.of(REFUNDED, EXPIRED, CANCELLED, FAILED)) {
            assertThat(end.isFinal()).as(end.name()).isTrue();
        }
        for (OrderStatus any : OrderStatus.values()) {
            assertThat(any.canMoveTo(PENDING)).as("nothing goes back to PENDING from " + any).isFalse();
        }
    }

    @Test
    void parse_knowsOnlyTheStates() {
        assertThat(OrderStatus.parse("PAID")).contains(PAID);
        assertThat(OrderStatus.parse("paid")).isEmpty();
        assertThat(OrderStatus.parse(null)).isEmpty();
    }
}
