package com.warroom.outbox;

/** Hands outbox items to the sender: one message on the notifications queue per item id. */
public interface OutboxDispatch {

    /** Queues the item for delivery; the sender does nothing for an item that is not PENDING, so a repeat is harmless. */
    void dispatch(String outboxId);
}
