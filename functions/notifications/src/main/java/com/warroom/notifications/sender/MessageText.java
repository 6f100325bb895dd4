package com.warroom.notifications.sender;

import com.warroom.outbox.OutboxRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a notification says, in a subject and plain text a person reads, from its kind and the facts its cause gave
 * (an order's {@code amount}, {@code currency}, {@code item}; an EXP reward's {@code exp}; any other fact is listed
 * after). An EXP notice says it in Indonesian, then in English: the platform knows no user's language.
 */
record MessageText(String subject, String body) {

    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String ITEM = "item";
    static final String EXP = "exp";

    static MessageText of(OutboxRecord record) {
        Map<String, String> facts = new TreeMap<>(record.facts());
        String price = price(facts.remove(AMOUNT), facts.remove(CURRENCY));
        String item = facts.remove(ITEM);
        String what = (item == null ? "" : " for " + item);
        StringBuilder body = new StringBuilder();
        String subject = switch (record.kind()) {
            case PAYMENT_SUCCESS -> {
                body.append("We received your payment").append(price.isEmpty() ? "" : " of " + price).append(what)
                        .append(" (order ").append(record.subjectId()).append("). It is ready for you now.");
                yield "Payment received: order " + record.subjectId();
            }
            case PAYMENT_REMINDER -> {
                body.append("Your order ").append(record.subjectId()).append(what).append(" is still waiting for payment")
                        .append(price.isEmpty() ? "" : " of " + price).append('.');
                yield "Reminder: order " + record.subjectId() + " is waiting for payment";
            }
            case EXP_GRANTED -> {
                String exp = facts.remove(EXP) + " EXP";
                body.append("Terima kasih! Bug yang Anda laporkan (tiket ").append(record.subjectId())
                        .append(") sudah kami reproduksi dan perbaiki. Anda mendapatkan ").append(exp).append(".\n\n")
                        .append("Thank you! The bug you reported (ticket ").append(record.subjectId())
                        .append(") was reproduced and fixed. You earned ").append(exp).append('.');
                yield "Anda mendapatkan " + exp + " / You earned " + exp;
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
