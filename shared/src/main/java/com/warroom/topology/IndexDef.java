package com.warroom.topology;

import java.util.Optional;

/** A global secondary index (projection ALL). */
public record IndexDef(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
    public static IndexDef of(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        return new IndexDef(name, partitionKey, Optional.of(sortKey));
    }
}
