package com.warroom.local.gateway;

import java.time.Duration;

/** Whether a route's throttle lets a request through now. */
sealed interface Admission {

    record Admitted() implements Admission {
    }

    /** Past the route's rate and burst: the next request has a token after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements Admission {
    }
}
