package com.warroom.anchor;

import com.warroom.seal.Seal;
import java.util.Objects;

/**
 * A sealed state copied outside the table it lives in: {@code seq} and {@code hash} of the state at {@code anchoredAt},
 * and the MAC the state carried then. The audit head anchors as (headSeq, headHash); the flag seal as (version, digest of
 * the rows) with {@code count} rows. The MAC lets a reader tell a real anchor from one someone put in the bucket.
 */
public record Anchor(String kind, long seq, String hash, Integer count, String mac, String keyId, String anchoredAt) {

    public static final String AUDIT_HEAD = "audit-head";
    public static final String FLAG_SEAL = "flag-seal";

    public Anchor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
    }

    public Seal seal() {
        return new Seal(mac == null ? "" : mac, keyId == null ? "" : keyId);
    }
}
