package com.warroom.local.gateway;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the work the gateway takes on: at most {@code workers} requests reach functions at once, at most
 * {@code waiting} more wait their turn in arrival order, and any request past that is shed at once (the caller
 * answers 503) instead of piling onto the embedded stack until connections are reset. Shedding is logged once
 * when it starts and once, with the count, when the queue has drained.
 */
final class RequestQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RequestQueue.class);

    private final int capacity;
    private final Semaphore admitted;
    private final Semaphore running;
    private final AtomicLong shedInBurst = new AtomicLong();

    RequestQueue(GatewayLimits limits) {
        this.capacity = limits.workers() + limits.waiting();
        this.admitted = new Semaphore(capacity);
        this.running = new Semaphore(limits.workers(), true);
    }

    /** {@code work}'s answer, or {@code shed}'s when the queue is full. */
    <T> T run(Supplier<T> work, Supplier<T> shed) throws InterruptedException {
        if (!admitted.tryAcquire()) {
            if (shedInBurst.getAndIncrement() == 0) {
                LOG.warn("gateway queue full ({} requests running or waiting): answering 503 until it drains", capacity);
            }
            return shed.get();
        }
        try {
            running.acquire();
            try {
                return work.get();
            } finally {
                running.release();
            }
        } finally {
            admitted.release();
            if (admitted.availablePermits() == capacity) {
                long answered503 = shedInBurst.getAndSet(0);
                if (answered503 > 0) {
                    LOG.warn("gateway queue drained: {} requests were answered 503 while it was full", answered503);
                }
            }
        }
    }
}
