package com.warroom.notifications.sender;

/** How one try with a provider went. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerId} is its id for it (SES's MessageId, the WhatsApp message id). */
    record Delivered(String providerId) implements SendResult {
    }

    /** The provider did not take it: {@code permanent} when another try cannot help (a refused address, a bad request). */
    record Failed(String error, boolean permanent) implements SendResult {
        static Failed transientError(String error) {
            return new Failed(error, false);
        }

        static Failed permanentError(String error) {
            return new Failed(error, true);
        }
    }
}
