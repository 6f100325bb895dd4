package com.warroom.idempotency;

/** What claiming an idempotency key found. */
public sealed interface Claim {

    /** The key is this request's: run it, then {@link IdempotencyStore#complete} or {@link IdempotencyStore#release}. */
    record Claimed(IdempotencyRecord record) implements Claim {
    }

    /** The same request was answered before: answer it again. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The same request is still running. */
    record InProgress() implements Claim {
    }

    /** The key was used with another request (another method, path or body). */
    record Reused() implements Claim {
    }
}
