package com.warroom.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a notification tells the user, and what it is about (an order, a support ticket). */
public enum NotificationKind {
    /** The order is paid: created only by the PAID transition, in its transaction. */
    PAYMENT_SUCCESS("payment.success", Subject.ORDER),
    /** The order is still unpaid: sent only while the {@code notification.reminder} flag is enabled. */
    PAYMENT_REMINDER("payment.reminder", Subject.ORDER),
    /** A reported bug was reproduced and fixed and its reporter earned EXP: created only with the ledger entry, in its transaction. */
    EXP_GRANTED("exp.granted", Subject.TICKET);

    /** What a kind of notification is about; its id is the kind's wire name and the subject's id. */
    public enum Subject {
        ORDER("orderId"),
        TICKET("ticketId");

        private final String field;

        Subject(String field) {
            this.field = field;
        }

        /** The attribute (and JSON field) that holds the subject's id: {@code orderId}, {@code ticketId}. */
        public String field() {
            return field;
        }
    }

    private final String wireName;
    private final Subject subject;

    NotificationKind(String wireName, Subject subject) {
        this.wireName = wireName;
        this.subject = subject;
    }

    public String wireName() {
        return wireName;
    }

    public Subject subject() {
        return subject;
    }

    /** The kind whose wire name is {@code text} ({@code payment.success}). */
    public static Optional<NotificationKind> fromWire(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    /** The kinds about {@code subject}, in declaration order. */
    public static List<NotificationKind> about(Subject subject) {
        return Arrays.stream(values()).filter(k -> k.subject == subject).toList();
    }

    /** The deterministic outbox id of this kind of notification for its subject (an order, a ticket): one per subject and kind. */
    public String idFor(String subjectId) {
        return wireName + ":" + subjectId;
    }
}
