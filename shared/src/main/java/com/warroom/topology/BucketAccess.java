package com.warroom.topology;

/** What a function may do with a {@link BucketDef}: list and read objects, or also put new ones. Never delete. */
public enum BucketAccess {
    READ, READ_PUT
}
