package com.warroom.approvals;

import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.approvals.actions.PayoutOverrideAction;
import com.warroom.approvals.actions.ScanOverrideAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The actions that need two-person approval, by name. */
public final class ActionRegistry {

    private final Map<String, ApprovalAction> byName;

    private ActionRegistry(List<ApprovalAction> actions) {
        Map<String, ApprovalAction> map = new LinkedHashMap<>();
        for (ApprovalAction action : actions) {
            if (map.put(action.name(), action) != null) {
                throw new IllegalStateException("action " + action.name() + " is registered twice");
            }
        }
        this.byName = Map.copyOf(map);
    }

    /** Warroom's actions: re-enabling a fund flag, changing the config, overriding a scan, overriding a payout. */
    public static ActionRegistry standard() {
        return of(new EnableFundFlagAction(), new ConfigChangeAction(), new ScanOverrideAction(), new PayoutOverrideAction());
    }

    public static ActionRegistry of(ApprovalAction... actions) {
        return new ActionRegistry(List.of(actions));
    }

    public Optional<ApprovalAction> find(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
