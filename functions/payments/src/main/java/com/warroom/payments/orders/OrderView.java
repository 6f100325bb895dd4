package com.warroom.payments.orders;

import com.warroom.payments.Order;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.outbox.OutboxItem;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Entitlement;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order as the API shows it: its fields, whether its seal held, its payment events oldest first (each notification
 * as received, each check with what Midtrans said and what was applied), the entitlement it granted and its
 * notifications.
 */
final class OrderView {

    private OrderView() {
    }

    /** The parts of the view that live outside the order item. */
    record Story(List<PaymentEvent> events, Optional<Entitlement> entitlement, List<OutboxItem> notifications) {
        static final Story NEW = new Story(List.of(), Optional.empty(), List.of());
    }

    static Map<String, Object> of(Order order, boolean intact, Story story) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", order.orderId());
        view.put("userId", order.userId());
        view.put("item", order.item());
        view.put("amount", DecimalAmount.format(order.amount()));
        view.put("currency", order.amount().currency());
        view.put("status", order.status());
        view.put("version", order.version());
        view.put("createdAt", time(order.times().createdAt()));
        view.put("updatedAt", time(order.times().updatedAt()));
        order.times().paidAt().ifPresent(paidAt -> view.put("paidAt", time(paidAt)));
        if (order.refundedMinor() > 0) {
            view.put("refunded", DecimalAmount.format(new Money(order.amount().currency(), order.refundedMinor())));
        }
        view.put("integrity", intact ? "intact" : "tampered");
        if (!order.customer().isEmpty()) {
            Map<String, Object> customer = new LinkedHashMap<>();
            order.customer().email().ifPresent(email -> customer.put("email", email));
            order.customer().phone().ifPresent(phone -> customer.put("phone", phone));
            view.put("customer", customer);
        }
        view.put("events", story.events().stream()
                .sorted(Comparator.comparing(PaymentEvent::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(PaymentEvent::eventKey))
                .map(OrderView::event).toList());
        view.put("entitlement", story.entitlement().map(OrderView::entitlement).orElse(null));
        view.put("notifications", story.notifications().stream().map(OrderView::notification).toList());
        return view;
    }

    private static Map<String, Object> event(PaymentEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", event.kind());
        view.put("eventKey", event.eventKey());
        view.put("at", event.at());
        if (event.isNotification()) {
            Object raw = json(event.raw());
            JsonNode fields = raw instanceof JsonNode node ? node : Json.mapper().createObjectNode();
            view.put("transactionStatus", text(fields, "transaction_status"));
            view.put("statusCode", text(fields, "status_code"));
            view.put("fraudStatus", text(fields, "fraud_status"));
            view.put("grossAmount", text(fields, "gross_amount"));
            view.put("transactionId", text(fields, "transaction_id"));
            view.put("paymentType", text(fields, "payment_type"));
            view.put("raw", raw);
        } else {
            Object check = json(event.check());
            JsonNode fields = check instanceof JsonNode node ? node : Json.mapper().createObjectNode();
            view.put("source", text(fields, "source"));
            JsonNode midtrans = fields.get("midtrans");
            view.put("midtrans", midtrans == null || midtrans.isNull() ? null : midtrans);
            view.put("applied", text(fields, "applied"));
            view.put("outcome", text(fields, "outcome"));
        }
        return view;
    }

    private static Map<String, Object> entitlement(Entitlement entitlement) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", entitlement.item());
        view.put("grantedAt", entitlement.grantedAt());
        entitlement.revokedAt().ifPresent(revokedAt -> view.put("revokedAt", revokedAt));
        return view;
    }

    private static Map<String, Object> notification(OutboxItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.id());
        view.put("kind", item.kind().wireName());
        view.put("status", item.status());
        view.put("attempts", item.attempts());
        item.lastError().ifPresent(error -> view.put("lastError", error));
        return view;
    }

    // stored text that is not JSON (an item edited outside Warroom) is shown as the text it is
    private static Object json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.readTree(text);
        } catch (UncheckedIOException e) {
            return text;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String time(Instant instant) {
        return SortableTime.format(instant);
    }
}
