package com.warroom.local;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM into an orderly stop. A shutdown hook alone would also close
 * everything, but the JVM then exits with 128 + the signal; handling the signal lets {@code up} return 0.
 * A second signal while stopping ends the process at once.
 */
final class OsSignals implements StopSignal {

    private static final int INTERRUPTED_EXIT = 130;

    private final CountDownLatch received = new CountDownLatch(1);

    private OsSignals() {
    }

    static OsSignals install() {
        OsSignals signals = new OsSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> signals.receive());
        }
        return signals;
    }

    private void receive() {
        if (received.getCount() == 0) {
            Runtime.getRuntime().halt(INTERRUPTED_EXIT);
        }
        received.countDown();
    }

    @Override
    public void await() throws InterruptedException {
        received.await();
    }
}
