package com.warroom.reconcile.run;

import com.warroom.reconcile.check.Risk;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run saw, as the combine step counted it: the findings it saw per check and risk, how many were new, seen
 * again after being resolved (reopened), resolved because this run no longer saw them, and already acknowledged; and
 * how many items each scanned table had over how many segments.
 */
public record RunCounts(Map<String, Map<Risk, Integer>> byCheck, Map<Risk, Integer> byRisk, Map<Risk, Integer> openByRisk,
                        int seen, int opened, int reopened, int resolved, int acknowledged,
                        Map<String, Long> scannedItems, int segments) {

    public RunCounts {
        byCheck = copy(byCheck);
        byRisk = risks(byRisk);
        openByRisk = risks(openByRisk);
        scannedItems = Map.copyOf(scannedItems);
    }

    /** Every risk, 0 where none. */
    public static Map<Risk, Integer> risks(Map<Risk, Integer> counts) {
        Map<Risk, Integer> all = new EnumMap<>(Risk.class);
        for (Risk risk : Risk.values()) {
            all.put(risk, counts == null ? 0 : counts.getOrDefault(risk, 0));
        }
        return all;
    }

    private static Map<String, Map<Risk, Integer>> copy(Map<String, Map<Risk, Integer>> byCheck) {
        Map<String, Map<Risk, Integer>> copy = new LinkedHashMap<>();
        byCheck.forEach((check, counts) -> copy.put(check, risks(counts)));
        return copy;
    }

    public int total() {
        return byRisk.values().stream().mapToInt(Integer::intValue).sum();
    }
}
