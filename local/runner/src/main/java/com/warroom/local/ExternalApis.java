package com.warroom.local;

import com.warroom.topology.ExternalApiDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topology's external APIs as {@code up} points the functions at them: the runner's loopback stand-in when it has
 * one for the API, else the base URL in the environment, else the API's default; with none of these the API is off
 * (its variable unset), as the CDK app leaves it. Only APIs some function calls are realized.
 */
record ExternalApis(List<Realized> apis) {

    /** Where the runner found the base URL. */
    enum Source { STAND_IN, ENVIRONMENT, DEFAULT, OFF }

    record Realized(ExternalApiDef api, Optional<String> baseUrl, Source source) {
    }

    static ExternalApis realize(Topology topology, Map<String, URI> standIns, Map<String, String> environment) {
        List<Realized> apis = new ArrayList<>();
        for (ExternalApiDef api : topology.externalApis()) {
            if (topology.functions().stream().map(FunctionDef::callsApis).noneMatch(calls -> calls.contains(api))) {
                continue;
            }
            URI standIn = standIns.get(api.logicalName());
            String configured = environment.get(api.baseUrlEnvVar());
            if (standIn != null) {
                apis.add(new Realized(api, Optional.of(standIn.toString()), Source.STAND_IN));
            } else if (configured != null && !configured.isBlank()) {
                apis.add(new Realized(api, Optional.of(configured), Source.ENVIRONMENT));
            } else if (api.defaultBaseUrl().isPresent()) {
                apis.add(new Realized(api, api.defaultBaseUrl(), Source.DEFAULT));
            } else {
                apis.add(new Realized(api, Optional.empty(), Source.OFF));
            }
        }
        return new ExternalApis(List.copyOf(apis));
    }

    /** The base URL variables to set; an API that is off has none. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        apis.forEach(realized -> realized.baseUrl().ifPresent(url -> settings.put(realized.api().baseUrlEnvVar(), url)));
        return settings;
    }
}
