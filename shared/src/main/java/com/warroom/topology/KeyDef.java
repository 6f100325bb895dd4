package com.warroom.topology;

import java.util.regex.Pattern;

/**
 * A KMS HMAC key that seals records. Functions find its id in {@link #idEnvVar()}; in AWS it is
 * {@code alias/warroom-<logicalName>}, locally a key of the embedded stack's KMS.
 */
public record KeyDef(String logicalName, String idEnvVar) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,62}");

    public KeyDef {
        if (!NAME.matcher(logicalName).matches()) {
            throw new IllegalArgumentException("a key's logical name is 3 to 63 lower-case letters, digits or '-': " + logicalName);
        }
    }

    public String alias() {
        return "alias/warroom-" + logicalName;
    }
}
