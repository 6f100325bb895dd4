package com.warroom.config.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A requested config change as the route read it: the kind, the raw payload (checked against the config later), the reason. */
record ConfigChangeCommand(String kind, JsonNode payload, String reason) {

    static final int MIN_REASON_LENGTH = 10;
    static final int MAX_REASON_LENGTH = 500;
}
