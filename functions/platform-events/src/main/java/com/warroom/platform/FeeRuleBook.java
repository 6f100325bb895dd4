package com.warroom.platform;

import com.warroom.config.ConfigStore;
import com.warroom.config.FeeRule;
import com.warroom.http.FieldError;
import java.util.Map;
import java.util.Optional;

/** The fee rules of the config in force, read fresh for each event: a FeeCharged event names one of them. */
public final class FeeRuleBook {

    private final ConfigStore config;

    public FeeRuleBook(ConfigStore config) {
        this.config = config;
    }

    /** A rule found, or why the event's {@code detail.ruleId} is refused. */
    public sealed interface Found {
        record Rule(String ruleId, FeeRule rule) implements Found {
        }

        record Unknown(FieldError error) implements Found {
        }
    }

    /** @throws IllegalStateException while no config is loaded (the event waits: the config seed has not run yet) */
    public Found rule(String ruleId) {
        Map<String, FeeRule> rules = config.currentFeeRules().orElseThrow(() -> new IllegalStateException(
                "no config is loaded, so the fee rules are unknown: run the config seed first"));
        return Optional.ofNullable(rules.get(ruleId))
                .<Found>map(rule -> new Found.Rule(ruleId, rule))
                .orElseGet(() -> new Found.Unknown(new FieldError("detail.ruleId", "no fee rule " + ruleId
                        + " in the config in force; its rules are " + rules.keySet().stream().sorted().toList())));
    }
}
