package com.warroom.local.custody;

import java.net.URI;

/** How a callback of the custody simulator went. */
public sealed interface CallbackDelivery {

    /** The receiver answered. */
    record Answered(URI url, int status, String body) implements CallbackDelivery {
    }

    /** No answer: {@code why}. */
    record Failed(URI url, String why) implements CallbackDelivery {
    }

    /** Not sent: no callback URL was given (yet). */
    record NoUrl() implements CallbackDelivery {
    }
}
