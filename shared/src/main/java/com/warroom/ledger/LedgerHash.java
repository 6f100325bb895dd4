package com.warroom.ledger;

import com.warroom.seal.CanonicalBytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 (hex) of canonical fields: the links of each account's chain of lines. */
final class LedgerHash {

    /** The {@code prevHash} of an account's first line. */
    static final String GENESIS = "0".repeat(64);

    private LedgerHash() {
    }

    static String of(List<String> fields) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalBytes.of(fields)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
