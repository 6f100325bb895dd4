package com.warroom.outbox;

import java.util.Locale;

/** How an outbox item reaches its user: by email (SES), by WhatsApp, or not at all (no contact was given). */
public enum DeliveryChannel {
    EMAIL,
    WHATSAPP,
    NONE;

    /** {@code email}, {@code whatsapp}, {@code none}: the value stored and shown. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a notification's contacts ask for: email when there is an address, else WhatsApp for a phone. */
    static DeliveryChannel preferredFor(Notification notification) {
        if (notification.email().isPresent()) {
            return EMAIL;
        }
        return notification.phone().isPresent() ? WHATSAPP : NONE;
    }

    static DeliveryChannel fromWire(String text) {
        return text == null ? NONE : valueOf(text.toUpperCase(Locale.ROOT));
    }
}
