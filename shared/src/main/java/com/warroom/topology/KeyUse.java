package com.warroom.topology;

/** What a function may do with a {@link KeyDef}: generate and verify MACs, or only verify them. */
public enum KeyUse {
    SEAL, VERIFY
}
