package com.warroom.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.FeeRule;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CONFIG_CHANGE apply plan committed by parallel writers, each through the audit log as the apply step does:
 * every change lands exactly once, on its own version, none is lost and no version is written twice.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ConcurrentApplyTest {

    private static final int WRITERS = 8;

    @Test
    void apply_whenChangesCommitInParallel_eachGetsItsOwnVersion(EmbeddedStack stack) throws Exception {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        fixtures.seed();
        String before = System.getProperty(Topology.CONFIG.envVar());
        System.setProperty(Topology.CONFIG.envVar(), fixtures.tableName);
        ActionApplier applier;
        try {
            applier = new ConfigChangeAction().applier(ApplyResources.fromSettings(fixtures.dynamo, Clock.systemUTC(), null));
        } finally {
            System.setProperty(Topology.CONFIG.envVar(), before);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Callable<String>> applies = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int rate = 200 + i;
            applies.add(() -> commit(fixtures, applier, rate));
        }
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(applies)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConfigSnapshot> versions = fixtures.store.table().scan().items().stream().toList();
        assertThat(versions).extracting(ConfigSnapshot::version).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(outcomes).hasSize(WRITERS).doesNotHaveDuplicates().allMatch(o -> o.endsWith("fee_rule.set applied"));
        assertThat(versions).filteredOn(v -> v.version() > 1).extracting(ConfigSnapshot::auditSeq).doesNotHaveDuplicates();
        // no change is lost: each rate is in the version its writer made
        List<Integer> rates = versions.stream().filter(v -> v.version() > 1)
                .map(v -> ((FeeRule.Percentage) ConfigStore.config(v).feeRule("bonding_swap").orElseThrow()).rateBps())
                .toList();
        assertThat(rates).containsExactlyInAnyOrder(200, 201, 202, 203, 204, 205, 206, 207);
    }

    private static String commit(ConfigFixtures fixtures, ActionApplier applier, int rateBps) {
        String payload = "{\"kind\":\"fee_rule.set\",\"payload\":{\"id\":\"bonding_swap\",\"rule\":{\"kind\":\"percentage\","
                + "\"rateBps\":" + rateBps + ",\"splits\":[{\"to\":\"treasury\",\"bps\":5000},{\"to\":\"creator\",\"bps\":5000}]}}}";
        ApprovalRequest request = new ApprovalRequest("r-" + rateBps, ConfigChangeAction.NAME, payload, "h", "APPROVED",
                "fin-" + rateBps, "", List.of("finance"), ConfigFixtures.REASON, "2026-11-23T09:00:00Z", "2026-11-24T09:00:00Z", 1);
        return fixtures.audit.commit(auditSeq -> switch (applier.plan(request, Json.readTree(payload), auditSeq)) {
            case ActionApplier.Refuse refused -> new AuditedChange.Refuse<>(refused.reason());
            case ActionApplier.Apply apply -> new AuditedChange.Write<>(apply.writes(),
                    new AuditDraft(new Caller("workflow", "", Set.of()), "approval.applied", "config:fee_rule.set",
                            apply.before(), Json.write(apply.effect()), ConfigFixtures.REASON, new RequestOrigin("t", "127.0.0.1")),
                    entry -> apply.outcome());
        });
    }
}
