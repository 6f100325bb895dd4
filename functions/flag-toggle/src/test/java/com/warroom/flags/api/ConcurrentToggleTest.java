package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagStore;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Two admins (and more) toggling the same flag at the same moment, on real threads. */
@ExtendWith(EmbeddedStackExtension.class)
class ConcurrentToggleTest {

    private static final int WRITERS = 6;
    private static final int CHANGES_EACH = 4;
    private static FlagApi api;
    private static AuditTrail trail;
    private static FlagStore store;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        trail = AuditTrail.fromSettings(enhanced);
        store = new FlagStore(enhanced, Topology.FLAGS.localName(), FlagReadHandler.sealer(), Clock.systemUTC());
    }

    @Test
    void set_whenAdminsToggleTheSameFlagConcurrently_everyChangeLandsWithItsAuditEntryInOneChain() throws Exception {
        String scope = "round:" + UUID.randomUUID();
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            String sub = writer % 2 == 0 ? "ops-alice" : "root-bob";
            Role role = writer % 2 == 0 ? Role.OPS : Role.SUPER_ADMIN;
            for (int change = 0; change < CHANGES_EACH; change++) {
                String body = Json.write(Map.of("flag", "claim.vesting", "scope", scope, "enabled", false,
                        "reason", "pause number " + writer + "-" + change + " from " + sub));
                calls.add(() -> FlagApi.call(new FlagAdminHandler(), HttpEvents.route(SetFlagAction.ROUTE).caller(sub, role).body(body).build()));
            }
        }

        List<APIGatewayV2HTTPResponse> responses = FlagApi.race(calls);

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200));
        assertThat(responses).extracting(r -> json(r).path("version").asLong())
                .as("each change got its own version").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(range(1, WRITERS * CHANGES_EACH));
        List<AuditEntry> entries = trail.newest(new AuditQuery(Optional.of("flag:claim.vesting@" + scope), Optional.empty(), 200, Optional.empty()));
        assertThat(entries).hasSize(WRITERS * CHANGES_EACH).allSatisfy(e -> assertThat(e.action()).isEqualTo("flag.set"));
        assertThat(entries).extracting(AuditEntry::reason)
                .containsExactlyInAnyOrderElementsOf(responses.stream().map(r -> json(r).path("reason").asText()).toList());
        for (int i = 0; i + 1 < entries.size(); i++) {
            // newest first: each entry's "before" is the state the previous entry recorded as "after"
            assertThat(entries.get(i).before()).isEqualTo(entries.get(i + 1).after());
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void set_whenManyAdminsSendTheSameExpectedVersion_exactlyOneWinsAndTheRestGet409() throws Exception {
        String scope = "user:" + UUID.randomUUID();
        assertThat(api.set("payout", scope, false, "Payout destination under review").getStatusCode()).isEqualTo(200);
        Map<String, Integer> before = api.counts();
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS * 2; i++) {
            String body = Json.write(Map.of("flag", "payout", "scope", scope, "enabled", false,
                    "reason", "Refined reason number " + i, "expectedVersion", 1));
            calls.add(() -> FlagApi.call(new FlagAdminHandler(), HttpEvents.route(SetFlagAction.ROUTE).caller("ops-" + UUID.randomUUID(), Role.OPS).body(body).build()));
        }

        List<APIGatewayV2HTTPResponse> responses = FlagApi.race(calls);

        Map<Integer, Integer> byStatus = new HashMap<>();
        responses.forEach(r -> byStatus.merge(r.getStatusCode(), 1, Integer::sum));
        assertThat(byStatus).isEqualTo(Map.of(200, 1, 409, WRITERS * 2 - 1));
        responses.stream().filter(r -> r.getStatusCode() == 409).forEach(r -> FlagApi.assertProblem(r, 409, null));
        assertThat(api.counts()).isEqualTo(Map.of("flags", before.get("flags"), "audit", before.get("audit") + 1,
                "approvals", before.get("approvals")));
        String winner = responses.stream().filter(r -> r.getStatusCode() == 200).map(r -> json(r).path("reason").asText()).findFirst().orElseThrow();
        List<AuditEntry> entries = trail.newest(new AuditQuery(Optional.of("flag:payout@" + scope), Optional.empty(), 10, Optional.empty()));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).reason()).isEqualTo(winner);
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void set_whenFundFlagReEnableRequestedConcurrently_eachRequestIsRecordedAndAudited() throws Exception {
        String scope = "round:" + UUID.randomUUID();
        assertThat(api.set("refund", scope, false, "Refund abuse in this round").getStatusCode()).isEqualTo(200);
        Map<String, Integer> before = api.counts();
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = Json.write(Map.of("flag", "refund", "scope", scope, "enabled", true, "reason", "Abuse blocked, please re-enable " + i));
            calls.add(() -> FlagApi.call(new FlagAdminHandler(), HttpEvents.route(SetFlagAction.ROUTE).caller("ops-" + UUID.randomUUID(), Role.OPS).body(body).build()));
        }

        List<APIGatewayV2HTTPResponse> responses = FlagApi.race(calls);

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202));
        assertThat(responses).extracting(r -> json(r).path("approvalId").asText()).doesNotHaveDuplicates();
        assertThat(api.counts()).isEqualTo(Map.of("flags", before.get("flags"), "audit", before.get("audit") + WRITERS,
                "approvals", before.get("approvals") + WRITERS));
        assertThat(json(api.check("refund", scope.substring("round:".length()), null)).path("allowed").asBoolean()).isFalse();
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void set_whenTenFlagsChangeConcurrently_everyRowLandsUnderOneValidSeal() throws Exception {
        long sealBefore = trustedLoad().sealVersion();
        String round = "round:" + UUID.randomUUID();
        List<String> flags = List.of("contribute", "finalize", "claim.vesting", "claim.referral", "claim.sbt", "payout", "refund",
                "feed.posting", "ama.join_token", "notification.reminder");
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (String flag : flags) {
            String body = Json.write(Map.of("flag", flag, "scope", round, "enabled", false, "reason", "Pause " + flag + " in this round"));
            calls.add(() -> FlagApi.call(new FlagAdminHandler(), HttpEvents.route(SetFlagAction.ROUTE).caller("ops-alice", Role.OPS).body(body).build()));
        }

        List<APIGatewayV2HTTPResponse> responses = FlagApi.race(calls);

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200));
        FlagStore.Load.Trusted after = trustedLoad();
        assertThat(after.sealVersion()).as("one seal per change, none lost").isEqualTo(sealBefore + flags.size());
        assertThat(after.snapshot().records()).filteredOn(r -> r.scope().equals(round))
                .extracting(FlagRecord::flag).containsExactlyInAnyOrderElementsOf(flags);
    }

    private static FlagStore.Load.Trusted trustedLoad() {
        return (FlagStore.Load.Trusted) store.load();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }
}
