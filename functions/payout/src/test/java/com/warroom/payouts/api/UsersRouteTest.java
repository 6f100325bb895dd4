package com.warroom.payouts.api;

import static com.warroom.payouts.api.PayoutApi.assertProblem;
import static com.warroom.payouts.api.PayoutApi.assertStatus;
import static com.warroom.payouts.api.PayoutApi.json;
import static com.warroom.payouts.api.PayoutApi.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.UserProfile;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code PUT} and {@code GET /v1/platform/users/{userId}} over the embedded stack. */
@ExtendWith(EmbeddedStackExtension.class)
class UsersRouteTest {

    private static final String SOLANA_ADDRESS = "75D4UCuQf5TyCQgkewZv6iiAyZWWYWAc2TjQbQAqqWFf";

    private static PayoutsStack world;
    private static PayoutApi api;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2026-12-01T09:00:00Z"));
        api = new PayoutApi(world);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    private static String newUser() {
        return PayoutsStack.newId("u");
    }

    private static String now() {
        return SortableTime.format(world.clock.instant());
    }

    // ---- PUT: what is written

    @Test
    void put_aNewUser_answers201WithTheView_sealed_withoutCoolingOff() {
        String userId = newUser();

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody());

        assertStatus(response, 201);
        JsonNode view = json(response);
        assertThat(view.path("userId").asText()).isEqualTo(userId);
        assertThat(view.path("primaryWallet")).isEqualTo(Json.readTree("{\"chain\":\"evm:1\",\"address\":\"" + PayoutsStack.USER_EVM_ADDRESS + "\"}"));
        assertThat(view.path("walletSince").asText()).isEqualTo(now());
        assertThat(view.path("coolingOffUntil").isNull()).isTrue();
        assertThat(view.path("bluecheck").asBoolean()).isTrue();
        assertThat(view.path("kycStatus").asText()).isEqualTo("APPROVED");
        assertThat(view.path("kycReason").isNull()).isTrue();
        assertThat(view.path("activeReferralCount").asInt()).isEqualTo(2);
        assertThat(view.path("updatedAt").asText()).isEqualTo(now());
        assertThat(view.path("sealIntact").asBoolean()).isTrue();
        UserProfile stored = world.users.find(userId).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(world.walletSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void put_aSolanaWallet_isKept() {
        String userId = newUser();

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody("solana", SOLANA_ADDRESS));

        assertStatus(response, 201);
        assertThat(world.users.find(userId).orElseThrow().primaryWallet().chain()).isEqualTo("solana");
    }

    @Test
    void put_again_withTheSameWalletAndAnotherStanding_answers200_andKeepsWhenTheWalletBecameTheirs() {
        String userId = newUser();
        api.putUser(userId, userBody());
        String since = now();
        world.clock.advance(Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody().replace("\"kycStatus\":\"APPROVED\",\"kycReason\":null",
                "\"kycStatus\":\"REJECTED\",\"kycReason\":\"document expired\"").replace("\"activeReferralCount\":2", "\"activeReferralCount\":0"));

        assertStatus(response, 200);
        JsonNode view = json(response);
        assertThat(view.path("walletSince").asText()).isEqualTo(since);
        assertThat(view.path("coolingOffUntil").isNull()).isTrue();
        assertThat(view.path("kycStatus").asText()).isEqualTo("REJECTED");
        assertThat(view.path("kycReason").asText()).isEqualTo("document expired");
        assertThat(view.path("activeReferralCount").asInt()).isZero();
        assertThat(view.path("updatedAt").asText()).isEqualTo(now());
        assertThat(world.users.find(userId).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void put_theSameAgain_answers200_andWritesNothing() {
        String userId = newUser();
        api.putUser(userId, userBody());
        long seq = api.auditHead().map(AuditEntry::seq).orElse(0L);

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody());

        assertStatus(response, 200);
        assertThat(world.users.find(userId).orElseThrow().version()).isEqualTo(1);
        assertThat(api.auditHead().map(AuditEntry::seq).orElse(0L)).isEqualTo(seq);
    }

    @Test
    void put_anotherWallet_startsTheCoolingOff_andAuditsTheChange() {
        String userId = newUser();
        api.putUser(userId, userBody());
        String firstSince = now();
        world.clock.advance(Duration.ofDays(3));

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));

        assertStatus(response, 200);
        JsonNode view = json(response);
        Instant now = world.clock.instant();
        assertThat(view.path("primaryWallet").path("address").asText()).isEqualTo(PayoutsStack.OTHER_EVM_ADDRESS);
        assertThat(view.path("walletSince").asText()).isEqualTo(SortableTime.format(now));
        assertThat(view.path("coolingOffUntil").asText()).isEqualTo(SortableTime.format(now.plus(Duration.ofHours(24))));
        UserProfile stored = world.users.find(userId).orElseThrow();
        assertThat(stored.coolingOffAt(now)).isTrue();
        assertThat(world.walletSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
        AuditEntry entry = api.auditHead().orElseThrow();
        assertThat(entry.action()).isEqualTo("user.wallet.changed");
        assertThat(entry.target()).isEqualTo("user:" + userId);
        assertThat(entry.actorSub()).isEqualTo(PayoutApi.PLATFORM);
        assertThat(Json.readTree(entry.before()).path("primaryWallet").path("address").asText()).isEqualTo(PayoutsStack.USER_EVM_ADDRESS);
        assertThat(Json.readTree(entry.before()).path("walletSince").asText()).isEqualTo(firstSince);
        assertThat(Json.readTree(entry.after()).path("primaryWallet").path("address").asText()).isEqualTo(PayoutsStack.OTHER_EVM_ADDRESS);
        assertThat(Json.readTree(entry.after()).path("coolingOffUntil").asText()).isEqualTo(view.path("coolingOffUntil").asText());
    }

    @Test
    void put_theNewWalletAgain_keepsItsCoolingOff() {
        String userId = newUser();
        api.putUser(userId, userBody());
        api.putUser(userId, userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));
        UserProfile changed = world.users.find(userId).orElseThrow();
        long seq = api.auditHead().orElseThrow().seq();
        world.clock.advance(Duration.ofHours(1));

        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS)
                .replace("\"bluecheck\":true", "\"bluecheck\":false"));

        assertStatus(response, 200);
        UserProfile stored = world.users.find(userId).orElseThrow();
        assertThat(stored.walletSince()).isEqualTo(changed.walletSince());
        assertThat(stored.coolingOffUntil()).isEqualTo(changed.coolingOffUntil());
        assertThat(stored.standing().bluecheck()).isFalse();
        assertThat(api.auditHead().orElseThrow().seq()).as("no wallet change, no audit entry").isEqualTo(seq);
    }

    @Test
    void put_afterTheWalletRowWasEdited_treatsTheWalletAsChanged_andAuditsIt() {
        String userId = newUser();
        api.putUser(userId, userBody());
        editAddress(userId, PayoutsStack.OTHER_EVM_ADDRESS);
        metrics.clear();

        // the platform says the wallet is the edited one: the broken seal must not be laundered into a trusted wallet
        APIGatewayV2HTTPResponse response = api.putUser(userId, userBody(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS));

        assertStatus(response, 200);
        UserProfile stored = world.users.find(userId).orElseThrow();
        assertThat(stored.coolingOffAt(world.clock.instant())).isTrue();
        assertThat(world.walletSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
        AuditEntry entry = api.auditHead().orElseThrow();
        assertThat(entry.target()).isEqualTo("user:" + userId);
        assertThat(Json.readTree(entry.before()).path("sealIntact").asBoolean(true)).isFalse();
        assertThat(metrics.count(PayoutSeal.TAMPERED_METRIC)).isEqualTo(1);
    }

    @Test
    void put_tenConcurrentRegistrationsOfOneUser_createItOnce() throws Exception {
        String userId = newUser();
        List<Integer> statuses = concurrently(10, () -> api.putUser(userId, userBody()).getStatusCode());

        assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(world.users.find(userId).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void put_concurrentUpdatesOfOneUser_eachLandsOnTheVersionItRead() throws Exception {
        String userId = newUser();
        api.putUser(userId, userBody());

        List<Integer> statuses = concurrently(8, new java.util.function.Supplier<>() {
            private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(10);

            @Override
            public Integer get() {
                return api.putUser(userId, userBody().replace("\"activeReferralCount\":2", "\"activeReferralCount\":" + next.getAndIncrement()))
                        .getStatusCode();
            }
        });

        assertThat(statuses).containsOnly(200);
        UserProfile stored = world.users.find(userId).orElseThrow();
        assertThat(stored.version()).isEqualTo(9);
        assertThat(world.walletSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
    }

    // ---- PUT: bad input, nothing written

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"user\"", "{\"bluecheck\":true,\"bluecheck\":false}"})
    void put_whenTheBodyIsNotAJsonObject_answers400(String body) {
        String userId = newUser();

        assertProblem(api.putUser(userId, body), 400, "malformed-json");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_whenFieldsAreMissingOrUnknown_namesEach() {
        String userId = newUser();

        assertProblem(api.putUser(userId, "{\"wallet\":\"0x1\"}"), 400, "validation",
                "wallet", "primaryWallet", "bluecheck", "kycStatus", "activeReferralCount");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"bluecheck\":true|\"bluecheck\":\"true\"|bluecheck",
            "\"bluecheck\":true|\"bluecheck\":1|bluecheck",
            "\"kycStatus\":\"APPROVED\"|\"kycStatus\":\"approved\"|kycStatus",
            "\"kycStatus\":\"APPROVED\"|\"kycStatus\":\"VERIFIED\"|kycStatus",
            "\"kycStatus\":\"APPROVED\"|\"kycStatus\":null|kycStatus",
            "\"kycReason\":null|\"kycReason\":42|kycReason",
            "\"kycReason\":null|\"kycReason\":\"\"|kycReason",
            "\"kycReason\":null|\"kycReason\":\"line\\u0007bell\"|kycReason",
            "\"activeReferralCount\":2|\"activeReferralCount\":-1|activeReferralCount",
            "\"activeReferralCount\":2|\"activeReferralCount\":1.5|activeReferralCount",
            "\"activeReferralCount\":2|\"activeReferralCount\":\"2\"|activeReferralCount",
            "\"activeReferralCount\":2|\"activeReferralCount\":2147483648|activeReferralCount",
            "\"activeReferralCount\":2|\"activeReferralCount\":null|activeReferralCount",
            "\"chain\":\"evm:1\"|\"chain\":\"ethereum\"|primaryWallet.chain",
            "\"chain\":\"evm:1\"|\"chain\":1|primaryWallet.chain",
            "\"chain\":\"evm:1\",|\"network\":\"evm:1\",|primaryWallet.network,primaryWallet.chain",
            "\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"|\"address\":\"0x8617e340b3d01fa5f11f306f4090fd50e238070e\"|primaryWallet.address",
            "\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"|\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070d\"|primaryWallet.address",
            "\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"|\"address\":\"75D4UCuQf5TyCQgkewZv6iiAyZWWYWAc2TjQbQAqqWFf\"|primaryWallet.address",
            "\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"|\"address\":null|primaryWallet.address",
            "\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\"},|\"address\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\",\"memo\":\"x\"},|primaryWallet.memo",
    })
    void put_whenAFieldIsWrong_answers400NamingIt_andWritesNothing(String good, String bad, String fields) {
        String userId = newUser();
        String body = userBody().replace(good, bad);
        assertThat(body).as("the replacement applies").isNotEqualTo(userBody());

        assertProblem(api.putUser(userId, body), 400, "validation", fields.split(","));
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_whenThePrimaryWalletIsNotAnObject_answers400() {
        String userId = newUser();

        assertProblem(api.putUser(userId, "{\"primaryWallet\":\"0x8617E340B3D01FA5F11F306F4090FD50E238070D\",\"bluecheck\":true,"
                + "\"kycStatus\":\"APPROVED\",\"activeReferralCount\":0}"), 400, "validation", "primaryWallet");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_whenTheKycReasonIsOverFiveHundredCharacters_answers400() {
        String userId = newUser();

        assertProblem(api.putUser(userId, userBody().replace("\"kycReason\":null", "\"kycReason\":\"" + "x".repeat(501) + "\"")), 400,
                "validation", "kycReason");
        assertStatus(api.putUser(userId, userBody().replace("\"kycReason\":null", "\"kycReason\":\"" + "x".repeat(500) + "\"")), 201);
    }

    @Test
    void put_aWalletOnAChainTheConfigDoesNotSupport_answers422NamingTheChain() {
        String userId = newUser();

        JsonNode problem = assertProblem(api.putUser(userId, userBody("evm:137", PayoutsStack.USER_EVM_ADDRESS)), 422, "validation",
                "primaryWallet.chain");

        assertThat(problem.path("detail").asText()).contains("evm:137").contains("evm:1");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"u 1", "u/1", "-u1", "u:1", "u@x.io", "ü1"})
    void put_whenTheUserIdCannotBeAFlagScope_answers400(String userId) {
        assertProblem(api.putUser(userId, userBody()), 400, "validation", "userId");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_whenTheUserIdIsTooLong_answers400() {
        assertProblem(api.putUser("u".repeat(129), userBody()), 400, "validation", "userId");
    }

    @Test
    void put_whenTheBodyIsOversize_answers413() {
        String userId = newUser();

        assertProblem(api.putUser(userId, userBody().replace("\"kycReason\":null", "\"kycReason\":\"" + "x".repeat(1_100_000) + "\"")),
                413, "payload-too-large");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_withAnotherContentType_answers415() {
        String userId = newUser();
        APIGatewayV2HTTPEvent event = HttpEvents.withHeader(HttpEvents.route(PayoutApi.PUT_USER).caller("backend", Role.SERVICE)
                .body(userBody()).build(), "Content-Type", "text/plain");
        event.setPathParameters(Map.of("userId", userId));

        assertProblem(api.send(event), 415, "unsupported-media-type");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @Test
    void put_withoutToken_answers401() {
        String userId = newUser();
        APIGatewayV2HTTPEvent event = HttpEvents.route(PayoutApi.PUT_USER).body(userBody()).build();
        event.setPathParameters(Map.of("userId", userId));

        assertProblem(api.send(event), 401, "unauthorized");
        assertThat(world.users.find(userId)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE", "SUPPORT", "REVIEWER"})
    void put_byStaff_answers403_onlyThePlatformRegistersUsers(Role role) {
        String userId = newUser();

        assertProblem(api.putUser(userId, userBody(), role), 403, "forbidden");
        assertThat(world.users.find(userId)).isEmpty();
    }

    // ---- GET

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SERVICE", "SUPPORT", "OPS", "FINANCE", "SUPER_ADMIN"})
    void get_byEachReader_answersTheView(Role role) {
        String userId = newUser();
        api.putUser(userId, userBody());

        APIGatewayV2HTTPResponse response = api.getUser(userId, role);

        assertStatus(response, 200);
        assertThat(json(response).path("userId").asText()).isEqualTo(userId);
        assertThat(json(response).path("sealIntact").asBoolean()).isTrue();
        assertThat(json(response).path("primaryWallet").path("address").asText()).isEqualTo(PayoutsStack.USER_EVM_ADDRESS);
    }

    @Test
    void get_aUserWhoseWalletRowWasEdited_showsTheSealBroken_andCountsIt() {
        String userId = newUser();
        api.putUser(userId, userBody());
        editAddress(userId, PayoutsStack.OTHER_EVM_ADDRESS);
        metrics.clear();

        APIGatewayV2HTTPResponse response = api.getUser(userId, Role.SUPPORT);

        assertStatus(response, 200);
        assertThat(json(response).path("sealIntact").asBoolean()).isFalse();
        assertThat(metrics.count(PayoutSeal.TAMPERED_METRIC)).isEqualTo(1);
    }

    @Test
    void get_anUnknownUser_answers404() {
        assertProblem(api.getUser(newUser(), Role.SUPPORT), 404, "not-found");
    }

    @Test
    void get_anIdThatIsNoUserId_answers400() {
        assertProblem(api.getUser("u 1", Role.SUPPORT), 400, "validation", "userId");
    }

    @Test
    void get_byAReviewer_answers403() {
        assertProblem(api.getUser(newUser(), Role.REVIEWER), 403, "forbidden");
    }

    @Test
    void get_withoutToken_answers401() {
        APIGatewayV2HTTPEvent event = HttpEvents.route(PayoutApi.GET_USER).build();
        event.setPathParameters(Map.of("userId", "u-1"));

        assertProblem(api.send(event), 401, "unauthorized");
    }

    // ---- helpers

    private static void editAddress(String userId, String address) {
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.USERS.localName())
                .key(Map.of("userId", AttributeValue.fromS(userId)))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(address))));
    }

    static <T> List<T> concurrently(int n, java.util.function.Supplier<T> call) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.get();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
