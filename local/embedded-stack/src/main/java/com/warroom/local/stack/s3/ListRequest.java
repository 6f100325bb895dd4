package com.warroom.local.stack.s3;

import java.util.Optional;

/**
 * One page of a ListObjectsV2: keys under {@code prefix}, rolled up at {@code delimiter} when there is one, starting
 * after {@code marker} (a key, or a common prefix whose keys are all skipped), at most {@code maxKeys} entries.
 */
record ListRequest(String prefix, Optional<String> delimiter, Optional<Marker> marker, int maxKeys) {

    /** Where the previous page ended: after a key, or after every key under a common prefix. */
    record Marker(String value, boolean commonPrefix) {
    }
}
