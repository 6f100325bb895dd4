package com.warroom.local.stack.kms;

import java.time.Instant;

/** One HMAC_256 key: its id, its alias (empty when it has none), what it is for, and its 32 bytes of key material. */
record LocalKey(String keyId, String alias, String description, Instant created, byte[] material) {

    LocalKey {
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }
}
