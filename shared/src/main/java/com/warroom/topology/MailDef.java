package com.warroom.topology;

import java.util.Objects;

/**
 * Email sent through Amazon SES from one sender address. The address travels in {@code fromEnvVar}: the CDK app sets it
 * from the stack's context key {@code mailFrom} (the SES identity it grants {@code ses:SendEmail} on), the local runner
 * to a local address whose mail its SES stand-in keeps.
 */
public record MailDef(String logicalName, String fromEnvVar) {

    public MailDef {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(fromEnvVar, "fromEnvVar");
    }
}
