package com.warroom.topology;

/**
 * A route's own request limit, below the API's: API Gateway's route throttling in AWS, a token bucket in the local
 * gateway. Requests past it get 429 before any function runs.
 */
public record Throttle(int ratePerSecond, int burst) {

    public Throttle {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a throttle allows at least 1 request per second and a burst of 1: " + ratePerSecond + "/" + burst);
        }
    }
}
