package com.warroom.seal;

import java.util.Objects;

/** A MAC over a record's canonical bytes ({@code mac} in base64) and the id of the key that made it. */
public record Seal(String mac, String keyId) {

    public Seal {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(keyId, "keyId");
    }
}
