package com.warroom.incidents.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One collected evidence bundle as the incident records it: its id, the SHA-256 (hex) of the bundle's bytes, where it
 * is stored ({@code s3://bucket/key}), when and by whom it was collected, and how many rows of each kind it holds.
 */
public record Evidence(String evidenceId, String sha256, String location, Instant collectedAt, String actor,
                       Map<String, Integer> counts) {

    public Evidence {
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
