package com.warroom.local.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the local JWT authorizer decided about a request's bearer token. */
public sealed interface TokenCheck {

    /** A valid token; its claims as JSON values (numbers, strings, lists), before API Gateway's flattening. */
    record Accepted(Map<String, Object> claims) implements TokenCheck {
        public Accepted {
            // a signed token may carry null claims: kept here, left out when flattened for the event
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }
    }

    /** No token, or one API Gateway's authorizer would refuse; the reason is safe to show the caller. */
    record Rejected(String reason) implements TokenCheck {
    }
}
