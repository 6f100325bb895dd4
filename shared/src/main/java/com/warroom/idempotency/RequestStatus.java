package com.warroom.idempotency;

/** Where the first request with a key is: still running, or answered (the answer is stored). */
public enum RequestStatus {
    IN_PROGRESS,
    COMPLETED
}
