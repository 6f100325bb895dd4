package com.warroom.config.api;

import static com.warroom.config.api.ConfigFixtures.body;
import static com.warroom.config.api.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.api.ApprovalsApiHandler;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.config.Chain;
import com.warroom.config.ConfigOnCallRoster;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.seed.SeedHandler;
import com.warroom.json.Json;
import com.warroom.ledger.Ledger;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.oncall.OnCallArea;
import com.warroom.payouts.PayoutJournal;
import com.warroom.seal.KmsSealer;
import com.warroom.support.ExpRewardRates;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * A config change end to end, as in AWS: the handlers built by their no-arg constructors over the stack's own
 * config table, the request from the sample event, the decision through the approvals API, and the embedded
 * stack's Step Functions running the approval workflow's real steps. The only test class on that table.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovedChangeTest {

    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final String REQUESTER = "fin-carol";
    private static final String APPROVER = "root-bob";

    private static EmbeddedStack stack;
    private static ConfigStore store;
    private static DynamoDbEnhancedClient dynamo;

    @BeforeAll
    static void start(EmbeddedStack embedded) throws Exception {
        stack = embedded;
        dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(embedded.dynamoDb()).build();
        store = new ConfigStore(dynamo, Topology.CONFIG.localName(), Clock.systemUTC());
        Map<String, Object> input = Json.mapper().readValue(
                ApprovedChangeTest.class.getClassLoader().getResourceAsStream("events/config/seed.json").readAllBytes(), Map.class);
        Map<String, Object> seeded = new SeedHandler().handleRequest(input, LocalLambdaContext.of("config-seed", 1024, 60));
        assertThat(seeded).containsEntry("status", "SEEDED").containsEntry("version", 1L);
        assertThat(seeded.get("openingBalances")).as("the seed's treasury opening balances, posted with the config")
                .isEqualTo(Map.of("posted", openingIds(), "alreadyPosted", List.of()));
        Map<String, Object> again = new SeedHandler().handleRequest(input, LocalLambdaContext.of("config-seed", 1024, 60));
        assertThat(again).as("a second seed writes nothing").containsEntry("status", "ALREADY_LOADED").containsEntry("version", 1L);
        assertThat(again.get("openingBalances")).as("opening balances are posted once ever")
                .isEqualTo(Map.of("posted", List.of(), "alreadyPosted", openingIds()));
        Ledger ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
        assertThat(ledger.statement(PayoutJournal.treasury("evm:1", "USDC"), Optional.empty(), 10).balances())
                .singleElement().satisfies(balance -> {
                    assertThat(balance.minor()).isEqualTo(1_000_000_000_000L);
                    assertThat(balance.entryCount()).isEqualTo(1);
                });
    }

    private static List<String> openingIds() {
        return SeedHandler.bundledOpenings(SeedHandler.bundledSeed()).openings().stream()
                .map(opening -> "opening:" + opening.account().value()).toList();
    }

    private static APIGatewayV2HTTPResponse send(String file) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/config/" + file);
        var handler = event.getRouteKey().startsWith("POST") ? new ConfigChangeHandler() : new ConfigReadHandler();
        return ConfigFixtures.call(handler, event);
    }

    private static String request(String kind, String payload) throws Exception {
        HttpEvents event = HttpEvents.route(RequestConfigChangeAction.ROUTE).caller(REQUESTER, Role.FINANCE)
                .body(body(kind, payload, ConfigFixtures.REASON));
        APIGatewayV2HTTPResponse response = ConfigFixtures.call(new ConfigChangeHandler(), event.build());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        String id = json(response).path("approvalId").asText();
        assertThat(quiet(id).state()).isEqualTo("WaitForDecision");
        return id;
    }

    private static ExecutionView approve(String id) throws Exception {
        APIGatewayV2HTTPEvent event = HttpEvents.route("POST /v1/admin/approvals/{id}/approve").caller(APPROVER, Role.SUPER_ADMIN)
                .body("{\"comment\":\"Checked the address with the Safe owners\"}").build();
        event.setPathParameters(Map.of("id", id));
        String path = "/v1/admin/approvals/" + id + "/approve";
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        APIGatewayV2HTTPResponse response = new ApprovalsApiHandler().handleRequest(event,
                LocalLambdaContext.of("approvals-api", 1024, 15));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        ExecutionView ended = quiet(id);
        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return ended;
    }

    private static ExecutionView quiet(String id) throws Exception {
        return stack.localStepFunctions().awaitQuiet(stack.localStepFunctions().executionArn(Topology.APPROVAL, id), QUIET);
    }

    private static ApprovalRequest read(String id) {
        return dynamo.table(Topology.APPROVALS.localName(), ApprovalRequest.SCHEMA)
                .getItem(r -> r.key(k -> k.partitionValue(id)).consistentRead(true));
    }

    private static long version() {
        return store.newest().orElseThrow().version();
    }

    @Test
    void approvedChange_fromTheSampleEvent_bumpsTheVersionAndTheReadRoutesShowIt() throws Exception {
        long before = version();
        APIGatewayV2HTTPResponse requested = send("request-change-treasury-set.json");
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(202);
        String id = json(requested).path("approvalId").asText();
        assertThat(quiet(id).state()).isEqualTo("WaitForDecision");
        assertThat(version()).as("nothing changes before the approval").isEqualTo(before);

        ExecutionView ended = approve(id);

        assertThat(ended.output().orElseThrow()).as(read(id).outcome()).contains("\"status\":\"APPLIED\"");
        assertThat(read(id).status()).isEqualTo("APPLIED");
        assertThat(read(id).outcome()).isEqualTo("config v" + (before + 1) + ": treasury.set applied");
        ConfigSnapshot snapshot = store.newest().orElseThrow();
        assertThat(snapshot.version()).isEqualTo(before + 1);
        assertThat(snapshot.source()).isEqualTo("approval:" + id);
        assertThat(snapshot.createdBy()).isEqualTo("9c8d7e6f-1111-2222-3333-444455556666");
        var current = ConfigStore.config(snapshot);
        assertThat(current.treasuryWallet(Chain.parse("evm:8453").orElseThrow(), "ETH").orElseThrow().address())
                .isEqualTo("0x10B1Ef3069a2E5471e1b193060EDC529d806a738");

        JsonNode treasury = json(send("get-treasury.json"));
        assertThat(treasury.path("version").asLong()).isEqualTo(before + 1);
        assertThat(treasury.path("treasury").findValuesAsText("address")).contains("0x10B1Ef3069a2E5471e1b193060EDC529d806a738");
        assertThat(json(send("get-networks.json")).path("version").asLong()).isEqualTo(before + 1);
        assertThat(json(send("get-fee-rules.json")).path("version").asLong()).isEqualTo(before + 1);
        assertThat(json(send("get-exp-rewards.json")).path("version").asLong()).isEqualTo(before + 1);

        List<AuditEntry> history = AuditTrail.fromSettings(dynamo)
                .newest(new AuditQuery(Optional.of("config:treasury.set"), Optional.empty(), 50, Optional.empty()));
        AuditEntry applied = history.stream().filter(e -> e.action().equals("approval.applied")
                && e.after().contains(id)).findFirst().orElseThrow();
        assertThat(applied.seq()).isEqualTo(snapshot.auditSeq());
        assertThat(Json.readTree(applied.before()).path("version").asLong()).isEqualTo(before);
        assertThat(applied.after()).contains(snapshot.configHash());
    }

    @Test
    void approvedChange_whenTheConfigMovedSoItNoLongerApplies_failsAndWritesNoVersion() throws Exception {
        approve(request("network.upsert",
                "{\"chain\":\"evm:10\",\"name\":\"Optimism\",\"rpcSecretName\":\"warroom/rpc/evm-10\",\"nativeAsset\":\"ETH\"}"));
        String remove = request("network.remove", "{\"chain\":\"evm:10\"}");
        String wallet = request("treasury.set",
                "{\"chain\":\"evm:10\",\"asset\":\"ETH\",\"address\":\"0x63a7128472168d9cA7d06498568D0194cb085c08\"}");
        assertThat(approve(wallet).output().orElseThrow()).contains("\"status\":\"APPLIED\"");
        long before = version();

        ExecutionView ended = approve(remove);

        assertThat(ended.output().orElseThrow()).contains("\"status\":\"FAILED\"");
        assertThat(read(remove).status()).isEqualTo("FAILED");
        assertThat(read(remove).outcome()).contains("no longer applies").contains("still has treasury wallets");
        assertThat(version()).isEqualTo(before);
        assertThat(ConfigStore.config(store.newest().orElseThrow()).supports(Chain.parse("evm:10").orElseThrow()))
                .isTrue();
    }

    @Test
    void approvedChange_whenExpRewardsSet_theNextVersionHoldsTheRatesTheGrantsTake() throws Exception {
        Map<TicketPriority, Long> seeded = ConfigStore.config(store.newest().orElseThrow()).expRewards();
        HttpEvents refused = HttpEvents.route(RequestConfigChangeAction.ROUTE).caller(REQUESTER, Role.FINANCE)
                .body(body("exp_rewards.set", "{\"expRewards\":{\"CRITICAL\":0,\"HIGH\":200,\"MEDIUM\":100}}", ConfigFixtures.REASON));
        long before = version();
        APIGatewayV2HTTPResponse bad = ConfigFixtures.call(new ConfigChangeHandler(), refused.build());
        assertThat(bad.getStatusCode()).as(bad.getBody()).isEqualTo(422);
        assertThat(json(bad).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("payload.expRewards.CRITICAL", "payload.expRewards.LOW");

        String id = request("exp_rewards.set", "{\"expRewards\":{\"CRITICAL\":800,\"HIGH\":300,\"MEDIUM\":100,\"LOW\":40}}");
        assertThat(version()).as("nothing changes before a second person approves").isEqualTo(before);
        assertThat(ExpRewardRates.inForce(store).expFor(TicketPriority.CRITICAL)).isEqualTo(seeded.get(TicketPriority.CRITICAL));

        assertThat(approve(id).output().orElseThrow()).contains("\"status\":\"APPLIED\"");

        assertThat(read(id).outcome()).isEqualTo("config v" + (before + 1) + ": exp_rewards.set applied");
        assertThat(ConfigStore.config(store.newest().orElseThrow()).expRewards()).containsExactly(
                Map.entry(TicketPriority.CRITICAL, 800L), Map.entry(TicketPriority.HIGH, 300L),
                Map.entry(TicketPriority.MEDIUM, 100L), Map.entry(TicketPriority.LOW, 40L));
        assertThat(store.currentExpRewards().orElseThrow().get(TicketPriority.LOW)).isEqualTo(40);
        assertThat(json(send("get-exp-rewards.json")).path("expRewards").path("CRITICAL").asLong()).isEqualTo(800);
        assertThat(ExpRewardRates.inForce(store).expFor(TicketPriority.CRITICAL)).isEqualTo(800);
        assertThat(store.newest().orElseThrow().config())
                .contains("\"expRewards\":{\"CRITICAL\":800,\"HIGH\":300,\"LOW\":40,\"MEDIUM\":100}");
    }

    @Test
    void approvedChange_whenOnCallSet_theNewRosterAnswersOnlyAfterASecondPersonApproves() throws Exception {
        // inside the seed's rotations and the new ones (which start in 2020 and never end, so the wall clock is inside too)
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        ConfigOnCallRoster roster = new ConfigOnCallRoster(store);
        String requester = "root-dana";
        String onCall = """
                {"onCall": {"timeZone": "Asia/Jakarta",
                  "rotations": [
                    {"area": "backend", "primary": "lina.backend@example.com", "backup": "hadi.backend@example.com", "from": "2020-01-01"},
                    {"area": "ops", "primary": "joko.ops@example.com", "backup": "citra.ops@example.com", "from": "2020-01-01"},
                    {"area": "finance", "primary": "bima.admin@example.com", "backup": "dewi.finance@example.com", "from": "2020-01-01"}],
                  "escalation": [{"afterMinutes": 10, "call": "backup"}, {"afterMinutes": 20, "call": "alice.admin@example.com"}]}}""";
        HttpEvents asked = HttpEvents.route(RequestConfigChangeAction.ROUTE).caller(requester, Role.SUPER_ADMIN)
                .body(body("oncall.set", onCall, "New backend rotation: Lina joins the on-call roster"));
        APIGatewayV2HTTPResponse requested = ConfigFixtures.call(new ConfigChangeHandler(), asked.build());
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(202);
        String id = json(requested).path("approvalId").asText();
        assertThat(quiet(id).state()).isEqualTo("WaitForDecision");
        long before = version();

        assertThat(roster.primaryAt(OnCallArea.BACKEND, at)).as("before the approval the old roster answers")
                .contains("hadi.backend@example.com");
        assertThat(oncallNow(at).path("areas").get(0).path("primary").asText()).isEqualTo("hadi.backend@example.com");

        APIGatewayV2HTTPResponse selfApproved = decide(id, requester);
        assertThat(selfApproved.getStatusCode()).as(selfApproved.getBody()).isEqualTo(403);
        assertThat(json(selfApproved).path("type").asText()).endsWith("/approval-self-decision");
        assertThat(version()).as("the requester cannot approve their own change").isEqualTo(before);
        assertThat(roster.primaryAt(OnCallArea.BACKEND, at)).contains("hadi.backend@example.com");

        assertThat(approve(id).output().orElseThrow()).contains("\"status\":\"APPLIED\"");

        assertThat(read(id).outcome()).isEqualTo("config v" + (before + 1) + ": oncall.set applied");
        assertThat(roster.primaryAt(OnCallArea.BACKEND, at)).contains("lina.backend@example.com");
        assertThat(roster.primaryAt(OnCallArea.FINANCE, at)).contains("bima.admin@example.com");
        JsonNode now = oncallNow(at);
        assertThat(now.path("configVersion").asLong()).isEqualTo(before + 1);
        assertThat(now.path("areas").get(0).path("primary").asText()).isEqualTo("lina.backend@example.com");
        assertThat(now.path("escalation").get(0).path("afterMinutes").asInt()).isEqualTo(10);
        assertThat(AuditTrail.fromSettings(dynamo).newest(new AuditQuery(Optional.of("config:oncall.set"), Optional.empty(), 50,
                Optional.empty()))).extracting(AuditEntry::action).contains("approval.requested", "approval.applied");
    }

    private static JsonNode oncallNow(Instant at) {
        return json(ConfigFixtures.call(new ConfigReadHandler(), HttpEvents.route(OnCallNowAction.ROUTE).caller("ops-1", Role.OPS)
                .query("at", at.toString()).build()));
    }

    private static APIGatewayV2HTTPResponse decide(String id, String sub) {
        APIGatewayV2HTTPEvent event = HttpEvents.route("POST /v1/admin/approvals/{id}/approve").caller(sub, Role.SUPER_ADMIN)
                .body("{\"comment\":\"Approving my own change\"}").build();
        event.setPathParameters(Map.of("id", id));
        String path = "/v1/admin/approvals/" + id + "/approve";
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        return new ApprovalsApiHandler().handleRequest(event, LocalLambdaContext.of("approvals-api", 1024, 15));
    }

    @Test
    void seedResource_isTheRepositorysSeedFile() throws Exception {
        byte[] bundled = SeedHandler.class.getClassLoader().getResourceAsStream(SeedHandler.SEED_RESOURCE).readAllBytes();
        byte[] repository = Files.readAllBytes(Path.of("../../config/seed-v1.json"));
        assertThat(new String(bundled, StandardCharsets.UTF_8)).isEqualTo(new String(repository, StandardCharsets.UTF_8));
    }
}
