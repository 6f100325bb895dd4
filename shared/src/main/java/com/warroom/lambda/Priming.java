package com.warroom.lambda;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot, a function runs its own code path once (JSON, table schemas,
 * SDK marshalling, the router) so that the classes are loaded and initialized in the snapshot; it only reads, never
 * writes. After a restore, what is random is seeded again ({@link Jitter}).
 */
public final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    // org.crac holds resources weakly: keep them alive for the life of the function
    private static final List<Priming> REGISTERED = new ArrayList<>();

    private final String function;
    private final Runnable prime;

    private Priming(String function, Runnable prime) {
        this.function = function;
        this.prime = prime;
    }

    /** Registers {@code prime} (reads only) to run before the snapshot of {@code function}. */
    public static Priming register(String function, Runnable prime) {
        Priming priming = new Priming(function, prime);
        synchronized (REGISTERED) {
            REGISTERED.add(priming);
        }
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * Runs every registered priming now, as Lambda's checkpoint does: for tests and benchmarks on a JDK without CRaC,
     * where org.crac's global context refuses to be driven by hand.
     */
    public static void primeRegistered() {
        List<Priming> registered;
        synchronized (REGISTERED) {
            registered = List.copyOf(REGISTERED);
        }
        registered.forEach(p -> p.beforeCheckpoint(null));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime.run();
        } catch (RuntimeException e) {
            // a failed priming costs only speed: the snapshot is still taken
            LOG.warn("priming {} failed", function, e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Jitter.reseed();
    }
}
