package com.warroom.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP API outside AWS that functions call (the PSP's status API, a WhatsApp provider). Only its base URL travels,
 * in {@code baseUrlEnvVar}: the CDK app sets it from the stack's context (or {@code defaultBaseUrl}), the local runner
 * points it at its loopback stand-in when it has one. An API with no default and no configured URL is switched off.
 */
public record ExternalApiDef(String logicalName, String baseUrlEnvVar, Optional<String> defaultBaseUrl) {

    public ExternalApiDef {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(baseUrlEnvVar, "baseUrlEnvVar");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
    }

    /** The CDK context key that overrides the base URL at deploy time: {@code midtransBaseUrl} for {@code midtrans}. */
    public String contextKey() {
        return ConstructName.camel(logicalName) + "BaseUrl";
    }
}
