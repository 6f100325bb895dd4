package com.warroom.local.gateway;

/**
 * How much the local gateway takes on at once: requests running in functions, requests waiting for them, and
 * the connections the operating system may hold before the gateway accepts them.
 */
public record GatewayLimits(int workers, int waiting, int backlog) {

    /** Enough for a laptop's load tests (400 concurrent writes wait rather than fail) without starving the stack. */
    public static final GatewayLimits DEFAULT = new GatewayLimits(16, 1024, 1024);

    public GatewayLimits {
        if (workers < 1 || waiting < 0 || backlog < 1) {
            throw new IllegalArgumentException("gateway limits must be positive: " + workers + ", " + waiting + ", " + backlog);
        }
    }
}
