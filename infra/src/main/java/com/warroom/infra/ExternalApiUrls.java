package com.warroom.infra;

import com.warroom.topology.ExternalApiDef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.constructs.Node;

/**
 * The base URL of each API outside AWS that functions call: the CDK context value {@link ExternalApiDef#contextKey()}
 * ({@code -c midtransBaseUrl=https://api.midtrans.com}), else the topology's default, else none, and then the API is
 * off (its variable is not set, so the function knows not to call it).
 */
public final class ExternalApiUrls {

    private final Map<ExternalApiDef, Optional<String>> urls;

    private ExternalApiUrls(Map<ExternalApiDef, Optional<String>> urls) {
        this.urls = Map.copyOf(urls);
    }

    public static ExternalApiUrls fromContext(Node node, List<ExternalApiDef> definitions) {
        Map<ExternalApiDef, Optional<String>> urls = new LinkedHashMap<>();
        for (ExternalApiDef definition : definitions) {
            Optional<String> configured = Optional.ofNullable(node.tryGetContext(definition.contextKey()))
                    .map(Object::toString).map(String::trim).filter(value -> !value.isEmpty());
            urls.put(definition, configured.or(definition::defaultBaseUrl).map(url -> baseUrl(definition, url)));
        }
        return new ExternalApiUrls(urls);
    }

    /** The API's base URL, or empty when it is off; an API outside the topology is a wiring error. */
    public Optional<String> baseUrl(ExternalApiDef definition) {
        Optional<String> url = urls.get(definition);
        if (url == null) {
            throw new IllegalArgumentException("external API " + definition.logicalName() + " is not in the topology's externalApis()");
        }
        return url;
    }

    /**
     * An https URL with a host and nothing a function should not send or log: no user info (a credential would sit in
     * the template and the function's configuration; credentials are secrets), no query, no fragment. Without its
     * trailing slashes, since clients append {@code /v2/...}.
     */
    static String baseUrl(ExternalApiDef definition, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(definition, value, "it is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw invalid(definition, value, "it is not https (the API's credentials travel with every call)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(definition, value, "it needs a host and no user info, query or fragment");
        }
        return value.replaceAll("/+$", "");
    }

    private static IllegalArgumentException invalid(ExternalApiDef definition, String value, String why) {
        return new IllegalArgumentException("context " + definition.contextKey() + "=" + value + " is not a base URL for "
                + definition.logicalName() + ": " + why);
    }
}
