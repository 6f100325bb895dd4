package com.warroom.payouts.api;

import static com.warroom.payouts.api.PayoutApi.assertProblem;
import static com.warroom.payouts.api.PayoutApi.assertStatus;
import static com.warroom.payouts.api.PayoutApi.json;
import static com.warroom.payouts.api.PayoutApi.payoutBody;
import static com.warroom.payouts.api.PayoutApi.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.PayoutsStack;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/payouts} and {@code GET /v1/payouts/{payoutId}} over the embedded stack: what is accepted, what is refused. */
@ExtendWith(EmbeddedStackExtension.class)
class RequestPayoutRouteTest {

    private static PayoutsStack world;
    private static PayoutApi api;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2026-12-02T09:00:00Z"));
        api = new PayoutApi(world);
        metrics = RecordedMetrics.install();
        world.fund(PayoutsStack.CHAIN, "USDC", "1000000");
        world.fund(PayoutsStack.CHAIN, "ETH", "1000");
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    private static String registeredUser() {
        String userId = PayoutsStack.newId("u");
        api.registered(userId);
        return userId;
    }

    private static String newPayoutId() {
        return PayoutsStack.newId("po");
    }

    private static void assertNothingWritten(String payoutId) {
        assertThat(world.payouts.find(payoutId)).as("payout " + payoutId).isEmpty();
        assertThat(api.holdPosted(payoutId)).as("hold of " + payoutId).isFalse();
    }

    // ---- accepted

    @Test
    void post_acceptsThePayout_sealed_holdsItsAmount_nudgesTheWorker_andAnswers201() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        long pending = world.pending("USDC");
        world.work.purge();

        APIGatewayV2HTTPResponse response = api.postPayout(payoutId, withdrawal(userId, "12.50"));

        assertStatus(response, 201);
        JsonNode view = json(response);
        assertThat(view.path("payoutId").asText()).isEqualTo(payoutId);
        assertThat(view.path("userId").asText()).isEqualTo(userId);
        assertThat(view.path("kind").asText()).isEqualTo("WITHDRAWAL");
        assertThat(view.path("amount").asText()).isEqualTo("12.500000");
        assertThat(view.path("asset").asText()).isEqualTo("USDC");
        assertThat(view.path("chain").asText()).isEqualTo("evm:1");
        assertThat(view.path("destination")).isEqualTo(Json.readTree("{\"chain\":\"evm:1\",\"address\":\"" + PayoutsStack.USER_EVM_ADDRESS + "\"}"));
        assertThat(view.path("reference").asText()).isEqualTo("ref:withdrawal:" + userId);
        assertThat(view.path("roundId").isNull()).isTrue();
        assertThat(view.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(view.path("reason").isNull()).isTrue();
        assertThat(view.path("submission").asInt()).isEqualTo(1);
        assertThat(view.path("attempts").asInt()).isZero();
        assertThat(view.path("createdAt").asText()).isEqualTo(SortableTime.format(world.clock.instant()));
        assertThat(view.path("stuck").asBoolean()).isFalse();
        assertThat(view.path("sealIntact").asBoolean()).isTrue();
        assertThat(view.path("ledgerEntries")).isEqualTo(Json.readTree("[\"payout-hold:" + payoutId + ":1\"]"));
        assertThat(view.path("override").isNull()).isTrue();
        Payout stored = world.payout(payoutId);
        assertThat(stored.request().amount()).isEqualTo(new Money("USDC", 12_500_000));
        assertThat(stored.request().requestedBy()).isEqualTo(PayoutApi.PLATFORM);
        assertThat(world.payoutSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
        assertThat(world.treasury("USDC")).isEqualTo(treasury - 12_500_000);
        assertThat(world.pending("USDC")).isEqualTo(pending + 12_500_000);
        assertThat(world.work.drainBodies()).containsExactly(PayoutWork.body(payoutId));
    }

    @Test
    void post_namingThePrimaryWalletAsDestination_inAnyCase_isAccepted() {
        String userId = registeredUser();
        String body = withdrawal(userId, "1").replace("}", ",\"destination\":{\"chain\":\"evm:1\",\"address\":\""
                + PayoutsStack.USER_EVM_ADDRESS.toLowerCase() + "\"}}");

        assertStatus(api.postPayout(newPayoutId(), body), 201);
    }

    @Test
    void post_ofANativeCoin_holdsItInItsOwnTreasury() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("ETH");

        APIGatewayV2HTTPResponse response = api.postPayout(payoutId, payoutBody(userId, "REFUND", "0.25", "ETH"));

        assertStatus(response, 201);
        assertThat(json(response).path("amount").asText()).isEqualTo("0.250000000");
        assertThat(world.treasury("ETH")).isEqualTo(treasury - 250_000_000);
    }

    @Test
    void post_retriedWithTheSameKey_replaysTheFirstAnswer_andHoldsOnce() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        APIGatewayV2HTTPResponse first = api.postPayout(payoutId, withdrawal(userId, "3"));
        long pending = world.pending("USDC");

        APIGatewayV2HTTPResponse again = api.postPayout(payoutId, withdrawal(userId, "3"));

        assertStatus(again, 201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void post_theSameKeyWithAnotherBody_answers422_andChangesNothing() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "3"));
        long pending = world.pending("USDC");

        assertProblem(api.postPayout(payoutId, withdrawal(userId, "4")), 422, "idempotency-key-reused");

        assertThat(world.payout(payoutId).request().amount().minor()).isEqualTo(3_000_000);
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void post_thePayoutIdFromAnotherCaller_answers200WithThePayout_whenItIsTheSameRequest() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "3"));
        long pending = world.pending("USDC");

        APIGatewayV2HTTPResponse again = api.postPayout(payoutId, withdrawal(userId, "3.000"), "platform-replica", Role.SERVICE);

        assertStatus(again, 200);
        assertThat(json(again).path("payoutId").asText()).isEqualTo(payoutId);
        assertThat(json(again).path("ledgerEntries")).isEqualTo(Json.readTree("[\"payout-hold:" + payoutId + ":1\"]"));
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void post_thePayoutIdFromAnotherCallerWithAnotherBody_answers409PayoutExists() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "3"));
        long pending = world.pending("USDC");

        assertProblem(api.postPayout(payoutId, withdrawal(userId, "5"), "platform-replica", Role.SERVICE), 409, "payout-exists");

        assertThat(world.payout(payoutId).request().amount().minor()).isEqualTo(3_000_000);
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void post_twentyIdenticalRequestsAtOnce_makeOnePayoutAndOneHold_andGetTheSameAnswer() throws Exception {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        long pending = world.pending("USDC");
        world.work.purge();

        List<APIGatewayV2HTTPResponse> answers = UsersRouteTest.concurrently(20, () -> untilAnswered(payoutId, withdrawal(userId, "7.25")));

        assertThat(answers).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(201);
        assertThat(answers).extracting(APIGatewayV2HTTPResponse::getBody).containsOnly(answers.get(0).getBody());
        assertThat(world.treasury("USDC")).isEqualTo(treasury - 7_250_000);
        assertThat(world.pending("USDC")).isEqualTo(pending + 7_250_000);
        assertThat(world.payout(payoutId).version()).isEqualTo(1);
        assertThat(world.work.drainBodies()).containsExactly(PayoutWork.body(payoutId));
    }

    @Test
    void post_twentyCallersSendingOnePayoutIdAtOnce_makeOnePayoutAndOneHold() throws Exception {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long pending = world.pending("USDC");
        var callers = new java.util.concurrent.atomic.AtomicInteger();

        // each under its own token: the idempotency records do not meet, so the payout's own id must hold
        List<Integer> statuses = UsersRouteTest.concurrently(20, () -> api.postPayout(payoutId, withdrawal(userId, "2"),
                "replica-" + callers.incrementAndGet(), Role.SERVICE).getStatusCode());

        assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(world.pending("USDC")).isEqualTo(pending + 2_000_000);
    }

    // a client that honours 409 request-in-progress with Retry-After: it asks again once the first request is answered
    private static APIGatewayV2HTTPResponse untilAnswered(String key, String body) {
        for (int i = 0; i < 200; i++) {
            APIGatewayV2HTTPResponse response = api.postPayout(key, body);
            if (response.getStatusCode() != 409 || !response.getBody().contains("request-in-progress")) {
                return response;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("the request stayed in progress");
    }

    // ---- refused by the state of things

    @Test
    void post_forAnUnknownUser_answers422NamingUserId() {
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, withdrawal(PayoutsStack.newId("nobody"), "1")), 422, "validation", "userId");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_toADestinationOtherThanThePrimaryWallet_answers422NamingDestination_andWritesNothing() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        String body = withdrawal(userId, "1").replace("}", ",\"destination\":{\"chain\":\"evm:1\",\"address\":\""
                + PayoutsStack.OTHER_EVM_ADDRESS + "\"}}");

        JsonNode problem = assertProblem(api.postPayout(payoutId, body), 422, "validation", "destination");

        assertThat(problem.path("detail").asText()).contains(PayoutsStack.USER_EVM_ADDRESS);
        assertNothingWritten(payoutId);
        assertThat(world.treasury("USDC")).isEqualTo(treasury);
    }

    @Test
    void post_toTheSameAddressOnAnotherChain_answers422NamingDestination() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        String body = withdrawal(userId, "1").replace("}", ",\"destination\":{\"chain\":\"evm:8453\",\"address\":\""
                + PayoutsStack.USER_EVM_ADDRESS + "\"}}");

        assertProblem(api.postPayout(payoutId, body), 422, "validation", "destination");
        assertNothingWritten(payoutId);
    }

    @ParameterizedTest
    @CsvSource({"SOL", "BNB", "DOGE"})
    void post_anAssetWithoutTreasuryOnTheWalletsChain_answers422NamingAssetAndChain(String asset) {
        String userId = registeredUser();
        String payoutId = newPayoutId();

        JsonNode problem = assertProblem(api.postPayout(payoutId, payoutBody(userId, "WITHDRAWAL", "1", asset)), 422, "validation", "asset");

        assertThat(problem.path("detail").asText()).contains(asset).contains("evm:1");
        assertNothingWritten(payoutId);
    }

    @ParameterizedTest
    @CsvSource({"1.0000001,USDC", "0,USDC", "0.000000,USDC", "-5,USDC", "+5,USDC", "1e3,USDC", "' 5',USDC", "'1,000',USDC",
            "abc,USDC", "1000000000000.01,USDC", "0.0000000001,ETH", "1000000000000,ETH"})
    void post_anAmountTheAssetDoesNotAllow_answers422InvalidAmount(String amount, String asset) {
        String userId = registeredUser();
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, payoutBody(userId, "WITHDRAWAL", amount, asset)), 422, "invalid-amount", "amount");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_moreThanTheTreasuryHolds_answers409InsufficientBalance_namingTheAccount_andWritesNothing() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        long pending = world.pending("USDC");
        String tooMuch = DecimalAmount.format(new Money("USDC", treasury + 1));

        JsonNode problem = assertProblem(api.postPayout(payoutId, withdrawal(userId, tooMuch)), 409, "insufficient-balance");

        assertThat(problem.path("account").asText()).isEqualTo("treasury:evm:1:USDC");
        assertThat(problem.path("detail").asText()).contains("treasury:evm:1:USDC");
        assertNothingWritten(payoutId);
        assertThat(world.treasury("USDC")).isEqualTo(treasury);
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void post_exactlyWhatTheTreasuryHolds_isAccepted() {
        String userId = registeredUser();
        world.fund(PayoutsStack.CHAIN, "USDT", "40");
        String all = DecimalAmount.format(new Money("USDT", world.treasury("USDT")));

        assertStatus(api.postPayout(newPayoutId(), payoutBody(userId, "WITHDRAWAL", all, "USDT")), 201);

        assertThat(world.treasury("USDT")).isZero();
        assertProblem(api.postPayout(newPayoutId(), payoutBody(userId, "WITHDRAWAL", "0.000001", "USDT")), 409, "insufficient-balance");
    }

    @Test
    void post_forAUserWhoseWalletRowWasEdited_answers409WalletSealBroken_countsIt_andWritesNothing() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.USERS.localName())
                .key(Map.of("userId", AttributeValue.fromS(userId)))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));
        metrics.clear();

        JsonNode problem = assertProblem(api.postPayout(payoutId, withdrawal(userId, "1")), 409, "wallet-seal-broken");

        assertThat(problem.path("rule").asText()).isEqualTo("wallet.seal");
        assertThat(metrics.count(PayoutSeal.TAMPERED_METRIC)).isEqualTo(1);
        assertNothingWritten(payoutId);
        assertThat(world.treasury("USDC")).isEqualTo(treasury);
    }

    @Test
    void post_forAUserWhoseCoolingOffWasCutShortInTheTable_isRefused() {
        String userId = registeredUser();
        api.putUser(userId, PayoutApi.userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));
        String payoutId = newPayoutId();
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.USERS.localName())
                .key(Map.of("userId", AttributeValue.fromS(userId)))
                .updateExpression("REMOVE coolingOffUntil"));

        assertProblem(api.postPayout(payoutId, withdrawal(userId, "1")), 409, "wallet-seal-broken");
        assertNothingWritten(payoutId);
    }

    // ---- cooling-off

    @Test
    void post_whileTheNewWalletCoolsOff_isHeldUntilItEnds_withItsHold_andTheWorkerIsNotNudged() {
        String userId = registeredUser();
        world.clock.advance(Duration.ofDays(2));
        api.putUser(userId, PayoutApi.userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));
        Instant until = world.users.find(userId).orElseThrow().coolingOffUntil().orElseThrow();
        world.clock.advance(Duration.ofHours(2));
        String payoutId = newPayoutId();
        long pending = world.pending("USDC");
        world.work.purge();

        APIGatewayV2HTTPResponse response = api.postPayout(payoutId, withdrawal(userId, "9"));

        assertStatus(response, 201);
        JsonNode view = json(response);
        assertThat(view.path("status").asText()).isEqualTo("HELD");
        assertThat(view.path("reason").asText()).startsWith("wallet-cooling-off").contains(SortableTime.format(until));
        assertThat(view.path("nextAttemptAt").asText()).isEqualTo(SortableTime.format(until));
        assertThat(view.path("destination").path("address").asText()).isEqualTo(PayoutsStack.OTHER_EVM_ADDRESS);
        assertThat(world.payout(payoutId).progress().nextAttemptAt()).contains(until);
        assertThat(world.pending("USDC")).isEqualTo(pending + 9_000_000);
        assertThat(world.work.drainBodies()).isEmpty();
    }

    @Test
    void post_afterTheCoolingOffEnded_isRequested() {
        String userId = registeredUser();
        api.putUser(userId, PayoutApi.userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));
        world.clock.advance(Duration.ofHours(24).plusSeconds(1));

        APIGatewayV2HTTPResponse response = api.postPayout(newPayoutId(), withdrawal(userId, "1"));

        assertStatus(response, 201);
        assertThat(json(response).path("status").asText()).isEqualTo("REQUESTED");
    }

    // ---- bad input, nothing written

    @Test
    void post_withoutIdempotencyKey_answers400NamingIt() {
        String userId = registeredUser();

        assertProblem(api.send(HttpEvents.route(PayoutApi.POST_PAYOUT).caller(PayoutApi.PLATFORM, Role.SERVICE)
                .body(withdrawal(userId, "1")).build()), 400, "validation", "Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"po 1", "po:1", "po/1", "po#1", "pö-1"})
    void post_whenTheIdempotencyKeyCannotBeAPayoutId_answers400NamingIt(String badKey) {
        String userId = registeredUser();
        // a key is kept with its first answer: each run uses its own
        String key = PayoutsStack.newId(badKey);

        assertProblem(api.postPayout(key, withdrawal(userId, "1")), 400, "validation", "Idempotency-Key");
        assertNothingWritten(key);
    }

    @Test
    void post_whenTheIdempotencyKeyIsLongerThanAPayoutId_answers400NamingIt() {
        String userId = registeredUser();
        String key = "p".repeat(101);

        assertProblem(api.postPayout(key, withdrawal(userId, "1")), 400, "validation", "Idempotency-Key");
        assertThat(world.payouts.find(key)).isEmpty();
        assertThat(api.postPayout("p".repeat(100), withdrawal(userId, "1")).getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"payout\"", "{\"kind\":\"REFUND\",\"kind\":\"REFUND\"}"})
    void post_whenTheBodyIsNotAJsonObject_answers400(String body) {
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, body), 400, "malformed-json");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_whenFieldsAreMissingOrUnknown_namesEach() {
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, "{\"user\":\"u-1\",\"memo\":\"x\"}"), 400, "validation",
                "user", "memo", "userId", "kind", "amount", "asset", "reference");
        assertNothingWritten(payoutId);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"kind\":\"WITHDRAWAL\"|\"kind\":\"withdrawal\"|kind",
            "\"kind\":\"WITHDRAWAL\"|\"kind\":\"BONUS\"|kind",
            "\"kind\":\"WITHDRAWAL\"|\"kind\":1|kind",
            "\"amount\":\"1\"|\"amount\":1|amount",
            "\"amount\":\"1\"|\"amount\":null|amount",
            "\"asset\":\"USDC\"|\"asset\":\"usdc\"|asset",
            "\"asset\":\"USDC\"|\"asset\":[\"USDC\"]|asset",
            "\"reference\":\"ref|\"reference\":\"   \",\"x\":\"ref|reference,x",
            "\"reference\":\"ref|\"reference\":\"\\u202Eref|reference",
            "\"userId\":\"|\"userId\":\"a b|userId",
            "\"userId\":\"|\"userId\":\"@|userId",
            "\"}|\",\"roundId\":\"r 1\"}|roundId",
            "\"}|\",\"roundId\":7}|roundId",
            "\"}|\",\"destination\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"}|destination",
            "\"}|\",\"destination\":{\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"}}|destination.chain",
            "\"}|\",\"destination\":{\"chain\":\"eth\",\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"}}|destination.chain",
            "\"}|\",\"destination\":{\"chain\":\"evm:1\",\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\",\"tag\":1}}|destination.tag",
    })
    void post_whenAFieldIsWrong_answers400NamingIt_andWritesNothing(String good, String bad, String fields) {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        String body = withdrawal(userId, "1").replace(good, bad);
        assertThat(body).as("the replacement applies").isNotEqualTo(withdrawal(userId, "1"));

        assertProblem(api.postPayout(payoutId, body), 400, "validation", fields.split(","));
        assertNothingWritten(payoutId);
    }

    @Test
    void post_whenTheReferenceIsOverTwoHundredCharacters_answers400() {
        String userId = registeredUser();
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, withdrawal(userId, "1").replace("\"reference\":\"", "\"reference\":\"" + "r".repeat(200))),
                400, "validation", "reference");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_whenTheKeyAndAFieldAreWrong_namesBoth() {
        String userId = registeredUser();

        assertProblem(api.postPayout(PayoutsStack.newId("po 1"), withdrawal(userId, "1").replace("WITHDRAWAL", "BONUS")), 400, "validation",
                "Idempotency-Key", "kind");
    }

    @Test
    void post_whenTheBodyIsOversize_answers413() {
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, withdrawal("u-1", "1").replace("\"reference\":\"", "\"reference\":\"" + "r".repeat(1_100_000))),
                413, "payload-too-large");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_withAnotherContentType_answers415() {
        String payoutId = newPayoutId();
        APIGatewayV2HTTPEvent event = HttpEvents.withHeader(HttpEvents.withHeader(HttpEvents.route(PayoutApi.POST_PAYOUT)
                .caller(PayoutApi.PLATFORM, Role.SERVICE).body(withdrawal("u-1", "1")).build(), "Idempotency-Key", payoutId), "Content-Type", "text/plain");

        assertProblem(api.send(event), 415, "unsupported-media-type");
        assertNothingWritten(payoutId);
    }

    @Test
    void post_withoutToken_answers401() {
        String payoutId = newPayoutId();

        assertProblem(api.send(HttpEvents.withHeader(HttpEvents.route(PayoutApi.POST_PAYOUT).body(withdrawal("u-1", "1")).build(),
                "Idempotency-Key", payoutId)), 401, "unauthorized");
        assertNothingWritten(payoutId);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE", "SUPPORT", "REVIEWER"})
    void post_byStaff_answers403_onlyThePlatformRequestsPayouts(Role role) {
        String userId = registeredUser();
        String payoutId = newPayoutId();

        assertProblem(api.postPayout(payoutId, withdrawal(userId, "1"), "staff", role), 403, "forbidden");
        assertNothingWritten(payoutId);
    }

    // ---- GET

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SERVICE", "SUPPORT", "OPS", "FINANCE", "SUPER_ADMIN"})
    void get_byEachReader_answersThePayoutWithItsLedgerEntries(Role role) {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "2"));
        world.clock.advance(Duration.ofMinutes(6));

        APIGatewayV2HTTPResponse response = api.getPayout(payoutId, role);

        assertStatus(response, 200);
        JsonNode view = json(response);
        assertThat(view.path("payoutId").asText()).isEqualTo(payoutId);
        assertThat(view.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(view.path("sealIntact").asBoolean()).isTrue();
        assertThat(view.path("stuck").asBoolean()).as("REQUESTED for more than 5 minutes").isTrue();
        assertThat(view.path("ledgerEntries")).isEqualTo(Json.readTree("[\"payout-hold:" + payoutId + ":1\"]"));
    }

    @Test
    void get_listsEveryPostedEntryOfEverySubmission_inTheOrderTheyHappen() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "2"));
        Payout payout = world.payout(payoutId);
        // the worker's moves, as the ledger records them: submission 1 failed and was released, 2 was paid
        world.ledger.post(PayoutJournal.release(payout, world.clock.instant()));
        Payout second = payout.moved(new Payout.Progress("SUBMITTED", 2, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), world.clock.instant());
        world.ledger.post(PayoutJournal.hold(second, world.clock.instant()));
        world.ledger.post(PayoutJournal.paid(second, world.clock.instant()));
        assertThat(world.payouts.update(payout, world.payoutSeal.sealed(second))).isTrue();

        JsonNode view = json(api.getPayout(payoutId, Role.FINANCE));

        assertThat(view.path("submission").asInt()).isEqualTo(2);
        assertThat(view.path("sealIntact").asBoolean()).isTrue();
        assertThat(view.path("ledgerEntries")).isEqualTo(Json.readTree("[\"payout-hold:" + payoutId + ":1\",\"payout-release:" + payoutId
                + ":1\",\"payout-hold:" + payoutId + ":2\",\"payout-paid:" + payoutId + "\"]"));
    }

    @Test
    void get_aPayoutWhoseDestinationWasEdited_showsTheSealBroken_andCountsIt() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        api.postPayout(payoutId, withdrawal(userId, "2"));
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(payoutId)))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));
        metrics.clear();

        APIGatewayV2HTTPResponse response = api.getPayout(payoutId, Role.OPS);

        assertStatus(response, 200);
        assertThat(json(response).path("sealIntact").asBoolean()).isFalse();
        assertThat(json(response).path("destination").path("address").asText()).isEqualTo(PayoutsStack.OTHER_EVM_ADDRESS);
        assertThat(metrics.count(PayoutSeal.TAMPERED_METRIC)).isEqualTo(1);
    }

    @Test
    void get_anUnknownPayout_answers404() {
        assertProblem(api.getPayout(newPayoutId(), Role.SUPPORT), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"po 1", "po:1", "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"})
    void get_anIdThatIsNoPayoutId_answers400(String payoutId) {
        assertProblem(api.getPayout(payoutId, Role.SUPPORT), 400, "validation", "payoutId");
    }

    @Test
    void get_byAReviewer_answers403() {
        assertProblem(api.getPayout(newPayoutId(), Role.REVIEWER), 403, "forbidden");
    }

    @Test
    void get_withoutToken_answers401() {
        APIGatewayV2HTTPEvent event = HttpEvents.route(PayoutApi.GET_PAYOUT).build();
        event.setPathParameters(Map.of("payoutId", "po-1"));

        assertProblem(api.send(event), 401, "unauthorized");
    }
}
