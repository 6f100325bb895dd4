package com.warroom.secrets;

import com.warroom.topology.SecretDef;

/** A secret with no value where it was looked for; the message names the secret and the places, never a value. */
public final class SecretMissing extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SecretMissing(SecretDef secret, String where) {
        super("secret " + secret.logicalName() + " (" + secret.holds() + ") has no value: " + where);
    }

    SecretMissing(SecretDef secret, String where, Throwable cause) {
        super("secret " + secret.logicalName() + " (" + secret.holds() + ") has no value: " + where, cause);
    }
}
