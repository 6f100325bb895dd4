package com.warroom.seal;

/** What checking a seal found: the record is as sealed, it is not, or the check could not be made. */
public sealed interface Verification {

    record Valid() implements Verification {
    }

    /** The seal does not match the bytes: the record (or the seal) was changed outside the sealing functions. */
    record Invalid() implements Verification {
    }

    /** Nothing is known: the key service could not answer. Callers fail closed. */
    record Unavailable(String reason) implements Verification {
    }
}
