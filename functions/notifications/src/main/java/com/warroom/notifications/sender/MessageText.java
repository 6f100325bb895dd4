package com.warroom.notifications.sender;

import com.warroom.outbox.OutboxRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a notification says, in a subject and plain text a person reads, from its kind and the facts the order gave
 * ({@code amount}, {@code currency}, {@code item}; any other fact is listed after).
 */
record MessageText(String subject, String body) {

    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String ITEM = "item";

    static MessageText of(OutboxRecord record) {
        Map<String, String> facts = new TreeMap<>(record.facts());
        String price = price(facts.remove(AMOUNT), facts.remove(CURRENCY));
        String item = facts.remove(ITEM);
        String what = (item == null ? "" : " for " + item);
        StringBuilder body = new StringBuilder();
        String subject = switch (record.kind()) {
            case PAYMENT_SUCCESS -> {
                body.append("We received your payment").append(price.isEmpty() ? "" : " of " + price).append(what)
                        .append(" (order ").append(record.orderId()).append("). It is ready for you now.");
                yield "Payment received: order " + record.orderId();
            }
            case PAYMENT_REMINDER -> {
                body.append("Your order ").append(record.orderId()).append(what).append(" is still waiting for payment")
                        .append(price.isEmpty() ? "" : " of " + price).append('.');
                yield "Reminder: order " + record.orderId() + " is waiting for payment";
            }
        };
        facts.forEach((name, value) -> body.append('\n').append(name).append(": ").append(value));
        return new MessageText(subject, body.toString());
    }

    private static String price(String amount, String currency) {
        if (amount == null) {
            return "";
        }
        return currency == null ? amount : currency + " " + amount;
    }

    /** The one text a WhatsApp message carries. */
    String asOneMessage() {
        return subject + "\n\n" + body;
    }
}
