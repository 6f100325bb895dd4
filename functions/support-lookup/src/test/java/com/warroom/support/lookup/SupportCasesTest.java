package com.warroom.support.lookup;

import static com.warroom.support.lookup.LookupWorld.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.OrderStatus;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.Wallet;
import com.warroom.topology.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "done when", end to end through the route: a person found by wallet address and by order id gets the
 * right suggested answer for "paid but no access" and for "refund failed", worded in Indonesian and English from the
 * card's own (masked) facts.
 */
@ExtendWith(EmbeddedStackExtension.class)
class SupportCasesTest {

    private static LookupWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new LookupWorld(stack);
    }

    @Test
    void paidButNoAccess_foundByWalletAndByOrderId_suggestsPaidNoAccess() {
        String userId = fresh("u");
        String address = LookupWorld.evmAddress();
        String orderId = fresh("ord");
        world.user(userId, new Wallet("evm:1", address));
        // Midtrans settled it, but the entitlement never came: no entitlement row
        world.order(orderId, userId, "course-rust", OrderStatus.PAID, Optional.of(fresh("sara") + "@example.com"), Duration.ofHours(3));
        world.midtransNotification(orderId, java.util.UUID.randomUUID().toString());

        for (String q : List.of(address, orderId)) {
            for (Role role : List.of(Role.SUPPORT, Role.OPS)) {
                JsonNode card = world.card(q, role);

                assertThat(card.path("user").path("userId").asText()).as(q).isEqualTo(userId);
                assertThat(card.path("orders").get(0).path("entitled").asBoolean()).isFalse();
                JsonNode first = card.path("suggestions").get(0);
                assertThat(first.path("caseId").asText()).as(q + " as " + role).isEqualTo("paid_no_access");
                assertThat(first.path("answer").path("id").asText()).contains(orderId);
                assertThat(first.path("answer").path("en").asText()).contains(orderId);
                assertThat(first.path("title").asText()).isNotBlank();
                assertThat(first.path("nextStep").asText()).isNotBlank();
                assertThat(caseIds(card)).doesNotContain("general");
                // support's answer never holds more of the wallet than support's card shows
                if (role == Role.SUPPORT) {
                    assertThat(card.path("suggestions").toString()).doesNotContain(address.substring(2, 38));
                }
            }
        }
    }

    @Test
    void refundFailed_foundByWalletAndByPayoutId_suggestsRefundFailed() {
        String userId = fresh("u");
        String address = LookupWorld.evmAddress();
        Wallet wallet = new Wallet("evm:1", address);
        String payoutId = fresh("refund");
        world.user(userId, wallet);
        world.payout(payoutId, userId, PayoutKind.REFUND, wallet, PayoutStatus.FAILED, Duration.ofHours(2),
                Optional.of("FAILED"), Optional.empty(), Optional.of("the rail rejected the transfer: insufficient treasury balance"));

        for (String q : List.of(address, payoutId)) {
            JsonNode card = world.card(q, Role.SUPPORT);

            assertThat(card.path("payouts").get(0).path("status").asText()).isEqualTo("FAILED");
            JsonNode first = card.path("suggestions").get(0);
            assertThat(first.path("caseId").asText()).as(q).isEqualTo("refund_failed");
            assertThat(first.path("answer").path("id").asText()).isNotBlank();
            assertThat(first.path("answer").path("en").asText()).isNotBlank();
            assertThat(first.path("nextStep").asText()).contains(payoutId);
            // the rail's reason is for staff: it may be in the next step, never in what is sent to the user
            assertThat(first.path("answer").toString()).doesNotContain("insufficient treasury balance");
            assertThat(card.path("suggestions").toString()).doesNotContain(address.substring(2, 38));
        }
    }

    @Test
    void nothingWrong_suggestsTheGeneralAnswer() {
        String userId = fresh("u");
        world.user(userId, new Wallet("evm:1", LookupWorld.evmAddress()));

        assertThat(caseIds(world.card(userId, Role.SUPPORT))).containsExactly("general");
    }

    private static List<String> caseIds(JsonNode card) {
        return StreamSupport.stream(card.path("suggestions").spliterator(), false).map(s -> s.path("caseId").asText()).toList();
    }
}
