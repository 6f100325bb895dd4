package com.warroom.topology;

/**
 * Whether a route takes an {@code Idempotency-Key} header. With a key, the first answer is stored and a retry gets
 * it again; without one (where allowed) the request simply runs.
 */
public enum Idempotency {
    /** The header must be sent: a request without it is refused with 400. */
    REQUIRED,
    /** A request with the header is made idempotent; one without it runs as sent. */
    OPTIONAL,
    /** The header is ignored: reads, and routes that are idempotent by nature. */
    NONE
}
