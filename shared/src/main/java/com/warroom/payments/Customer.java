package com.warroom.payments;

import java.util.Optional;

/** Where the order's notifications go: an email address, a phone number for WhatsApp; either or both may be missing. */
public record Customer(Optional<String> email, Optional<String> phone) {

    public static final Customer NONE = new Customer(Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return email.isEmpty() && phone.isEmpty();
    }
}
