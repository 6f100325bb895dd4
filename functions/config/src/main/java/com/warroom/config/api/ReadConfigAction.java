package com.warroom.config.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.config.ConfigStore;
import com.warroom.config.Network;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigJson;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One read-only section of the config in force, as {@code {"version": n, "<section>": ...}}. Networks
 * are shown without {@code rpcSecretName}: it is only a secret's name, but nothing about RPC secrets
 * leaves the config through the API.
 */
final class ReadConfigAction implements RouteAction {

    static final String NETWORKS = "GET /v1/config/networks";
    static final String TREASURY = "GET /v1/config/treasury";
    static final String FEE_RULES = "GET /v1/config/fee-rules";
    static final String EXP_REWARDS = "GET /v1/config/exp-rewards";

    private final ConfigStore store;
    private final String section;
    private final Function<SeedConfig, Object> view;

    private ReadConfigAction(ConfigStore store, String section, Function<SeedConfig, Object> view) {
        this.store = store;
        this.section = section;
        this.view = view;
    }

    static ReadConfigAction networks(ConfigStore store) {
        return new ReadConfigAction(store, "networks", config -> config.networks().stream().map(ReadConfigAction::network).toList());
    }

    static ReadConfigAction treasury(ConfigStore store) {
        return new ReadConfigAction(store, "treasury", config -> config.treasury().stream().map(SeedConfigJson::treasuryWallet).toList());
    }

    static ReadConfigAction feeRules(ConfigStore store) {
        return new ReadConfigAction(store, "feeRules", config -> {
            ObjectNode rules = Json.mapper().createObjectNode();
            config.feeRules().forEach((id, rule) -> rules.set(id, SeedConfigJson.feeRule(rule)));
            return rules;
        });
    }

    static ReadConfigAction expRewards(ConfigStore store) {
        return new ReadConfigAction(store, "expRewards", config -> SeedConfigJson.expRewards(config.expRewards()));
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Optional<SeedConfig> config = store.current();
        if (config.isEmpty()) {
            return ApiResult.problem(ConfigProblems.notLoaded());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", config.get().version());
        body.put(section, view.apply(config.get()));
        return ApiResult.ok(body);
    }

    private static ObjectNode network(Network network) {
        ObjectNode out = SeedConfigJson.network(network);
        out.remove("rpcSecretName");
        return out;
    }
}
