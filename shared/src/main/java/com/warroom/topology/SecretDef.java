package com.warroom.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A secret a function reads at run time (a PSP server key, custody credentials). Only its name travels: in AWS the
 * function finds the Secrets Manager secret's name in {@link #nameEnvVar()} and reads the value when it needs it;
 * locally the value comes from {@link #localEnvVar()} or the file {@code secrets/<logicalName>} in the data folder.
 * A value is never in an environment variable in AWS, nor in the template.
 */
public record SecretDef(String logicalName, String holds) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,62}");

    public SecretDef {
        if (!NAME.matcher(logicalName).matches()) {
            throw new IllegalArgumentException("a secret's logical name is 3 to 63 lower-case letters, digits or '-': " + logicalName);
        }
    }

    /** {@code MIDTRANS_SERVER_KEY} for {@code midtrans-server-key}. */
    public String token() {
        return logicalName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The variable that carries the Secrets Manager secret's name (never its value) to the functions that read it. */
    public String nameEnvVar() {
        return "WARROOM_SECRET_" + token() + "_NAME";
    }

    /** The variable that holds the value itself, on a laptop only. */
    public String localEnvVar() {
        return "WARROOM_SECRET_" + token();
    }

    /** The Secrets Manager secret's name in AWS: {@code warroom/<logicalName>}. */
    public String awsName() {
        return "warroom/" + logicalName;
    }
}
