package com.warroom.local.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.Eventually;
import com.warroom.money.Money;
import com.warroom.payouts.rail.CustodyCredentials;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.RailUnavailable;
import com.warroom.payouts.rail.RequestJwt;
import com.warroom.payouts.rail.RsaPem;
import com.warroom.payouts.rail.SubmitOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custody simulator driven by the production rail, as the payout worker will drive it. */
class CustodySimulatorTest {

    private static final String API_KEY = "5f1e2d3c-local-custody-test";
    private static final KeyPair CLIENT = RsaPem.generate();
    private static final KeyPair SIMULATOR = RsaPem.generate();
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);
    private static final List<RailStatus> TO_COMPLETION = List.of(RailStatus.SUBMITTED, RailStatus.PENDING_AUTHORIZATION, RailStatus.QUEUED,
            RailStatus.PENDING_SIGNATURE, RailStatus.BROADCASTING, RailStatus.CONFIRMING, RailStatus.COMPLETED);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private CallbackReceiver webhook;

    @TempDir
    Path dir;

    @BeforeEach
    void listen() throws Exception {
        webhook = new CallbackReceiver();
        started.add(webhook);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    private CustodySimulator start(CustodySimulator.Setup setup) throws Exception {
        CustodySimulator simulator = CustodySimulator.start(setup, new CustodySimulator.Keys(() -> API_KEY,
                () -> RsaPem.pem((RSAPrivateKey) CLIENT.getPrivate()), (RSAPrivateKey) SIMULATOR.getPrivate()), (what, cause) -> failures.add(cause));
        simulator.callbacksTo(webhook.url());
        started.add(simulator);
        return simulator;
    }

    // quick enough for a test, and a held-back answer outlasts the rail's wait
    private CustodySimulator start() throws Exception {
        return start(CustodySimulator.Setup.of(0, Optional.of(dir)).completingIn(Duration.ofMillis(300)).stallingFor(CLIENT_TIMEOUT.multipliedBy(4)));
    }

    private static CustodyRail railTo(CustodySimulator simulator, String apiKey, KeyPair signing) {
        return new CustodyRail(CustodyRail.httpClient(), simulator.endpoint(), new CustodyCredentials(() -> apiKey,
                () -> RsaPem.pem((RSAPrivateKey) signing.getPrivate()), () -> RsaPem.pem((RSAPublicKey) SIMULATOR.getPublic())), CLIENT_TIMEOUT);
    }

    private static CustodyRail railTo(CustodySimulator simulator) {
        return railTo(simulator, API_KEY, CLIENT);
    }

    private static RailTransfer transfer(String externalId) {
        return new RailTransfer(externalId, "evm:8453", new Money("USDC", 12_500_000L), "0xTreasury",
                "0x52908400098527886E0F7030069857D2E4169EE7", "REFUND " + externalId);
    }

    private static RailStatus statusOf(CustodyRail rail, String externalId) {
        return rail.find(externalId).map(RailTransaction::status).orElseThrow();
    }

    @Test
    void submit_isTaken_findShowsIt_andItWalksToCompletedCallingBackAtEachStatus() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);

        SubmitOutcome outcome = rail.submit(transfer("P-1"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Accepted.class, accepted -> {
            assertThat(accepted.transaction().externalId()).isEqualTo("P-1");
            assertThat(accepted.transaction().status()).isEqualTo(RailStatus.SUBMITTED);
        });
        String railId = ((SubmitOutcome.Accepted) outcome).transaction().railId();
        assertThat(rail.find("P-1")).hasValueSatisfying(found -> assertThat(found.railId()).isEqualTo(railId));
        Eventually.await("P-1 completed and called back", () -> webhook.about("P-1", rail).size() == TO_COMPLETION.size());
        List<RailTransaction> callbacks = webhook.about("P-1", rail);
        assertThat(callbacks).extracting(RailTransaction::status).containsExactlyElementsOf(TO_COMPLETION);
        assertThat(callbacks).extracting(RailTransaction::railId).containsOnly(railId);
        assertThat(callbacks.getLast().txHash()).hasValueSatisfying(hash -> assertThat(hash).matches("0x[0-9a-f]{64}"));
        assertThat(Json.readTree(webhook.received().getFirst().body()).path("type").asText()).isEqualTo("TRANSACTION_CREATED");
        assertThat(Json.readTree(webhook.received().getLast().body()).path("type").asText()).isEqualTo("TRANSACTION_STATUS_UPDATED");
        RailTransaction completed = rail.find("P-1").orElseThrow();
        assertThat(completed.status()).isEqualTo(RailStatus.COMPLETED);
        assertThat(completed.txHash()).isEqualTo(callbacks.getLast().txHash());
        assertThat(failures).isEmpty();
    }

    @Test
    void submit_ofAnExternalIdItHas_isDuplicate_andFindOfOneItHasNot_isEmpty() throws Exception {
        CustodyRail rail = railTo(start());
        rail.submit(transfer("P-2"));

        assertThat(rail.submit(transfer("P-2"))).isEqualTo(new SubmitOutcome.Duplicate("P-2"));
        assertThat(rail.find("P-unknown")).isEmpty();
        assertThat(rail.submit(transfer("P-2~r2"))).as("the payout's next submission is another transfer")
                .isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void requests_withAnotherApiKeyOrSigningKey_areRefused() throws Exception {
        CustodySimulator simulator = start();

        assertThat(railTo(simulator, "not-the-key", CLIENT).submit(transfer("P-3"))).isInstanceOfSatisfying(SubmitOutcome.Uncertain.class,
                uncertain -> assertThat(uncertain.reason()).contains("HTTP 401").contains("\"code\":-7"));
        assertThatThrownBy(() -> railTo(simulator, API_KEY, SIMULATOR).find("P-3")).isInstanceOf(RailUnavailable.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid signature");
        assertThat(simulator.transactions()).isEmpty();
    }

    @Test
    void requests_whoseJwtIsNotForThem_areRefusedWithFireblocksCodes() throws Exception {
        CustodySimulator simulator = start();
        RSAPrivateKey key = (RSAPrivateKey) CLIENT.getPrivate();
        String path = "/v1/transactions/external_tx_id/P-4";
        Instant now = Instant.now();
        String good = RequestJwt.sign(key, API_KEY, path, new byte[0], now);

        assertThat(code(get(simulator, path, null))).isEqualTo(-3);
        assertThat(code(get(simulator, path, RequestJwt.sign(key, API_KEY, "/v1/transactions/external_tx_id/P-5", new byte[0], now)))).isEqualTo(-4);
        assertThat(code(get(simulator, path, RequestJwt.sign(key, "another-user", path, new byte[0], now)))).isEqualTo(-6);
        assertThat(code(get(simulator, path, RequestJwt.sign(key, API_KEY, path, "{}".getBytes(StandardCharsets.UTF_8), now)))).isEqualTo(-7);
        assertThat(code(get(simulator, path, RequestJwt.sign(key, API_KEY, path, new byte[0], now.minusSeconds(120))))).isEqualTo(-10);
        assertThat(code(get(simulator, path, RequestJwt.sign(key, API_KEY, path, new byte[0], now.plusSeconds(120))))).isEqualTo(-12);
        assertThat(code(get(simulator, path, "not.a.jwt"))).isEqualTo(-5);
        assertThat(get(simulator, path, good).statusCode()).isEqualTo(404);
        assertThat(code(get(simulator, path, good))).as("a token is good for one request").isEqualTo(-7);
    }

    @Test
    void timeoutAfterAccept_losesTheAnswer_butTheTransactionIsTaken_andASecondCreateIsADuplicate() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);
        simulator.inject("P-5", CustodyFault.TIMEOUT_AFTER_ACCEPT, 1);

        assertThat(rail.submit(transfer("P-5"))).isInstanceOfSatisfying(SubmitOutcome.Uncertain.class,
                uncertain -> assertThat(uncertain.reason()).isEqualTo("create of P-5 had no answer within PT0.5S"));

        assertThat(rail.find("P-5")).hasValueSatisfying(found -> assertThat(found.externalId()).isEqualTo("P-5"));
        assertThat(rail.submit(transfer("P-5"))).isEqualTo(new SubmitOutcome.Duplicate("P-5"));
        Eventually.await("P-5 completed", () -> statusOf(rail, "P-5") == RailStatus.COMPLETED);
    }

    @Test
    void retryable_answers503WithoutTakingIt_asManyTimesAsArmed() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);
        simulator.inject("P-6", CustodyFault.RETRYABLE, 2);

        assertThat(rail.submit(transfer("P-6"))).isEqualTo(new SubmitOutcome.Uncertain("create of P-6 answered HTTP 503"));
        assertThat(rail.find("P-6")).isEmpty();
        assertThat(rail.submit(transfer("P-6"))).isEqualTo(new SubmitOutcome.Uncertain("create of P-6 answered HTTP 503"));
        assertThat(rail.submit(transfer("P-6"))).isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void reject_refusesForGoodWithoutTakingIt_andAppliesToTheNextCreateOnly() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);
        simulator.inject("P-7", CustodyFault.REJECT, 1);

        assertThat(rail.submit(transfer("P-7"))).isInstanceOfSatisfying(SubmitOutcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("HTTP 400 code 1427"));
        assertThat(rail.find("P-7")).isEmpty();
        assertThat(rail.submit(transfer("P-7~r2"))).as("the payout's retry after ops pressed it").isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    void hold_stopsInPendingAuthorization_untilCompletedByHand() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);
        simulator.inject("P-8", CustodyFault.HOLD, 1);
        rail.submit(transfer("P-8"));
        Eventually.await("P-8 awaiting authorization", () -> statusOf(rail, "P-8") == RailStatus.PENDING_AUTHORIZATION);

        // steps run one at a time on one scheduler: once a later payout has walked all the way, P-8 had every chance to move
        rail.submit(transfer("P-9"));
        Eventually.await("P-9 completed", () -> statusOf(rail, "P-9") == RailStatus.COMPLETED);
        assertThat(statusOf(rail, "P-8")).isEqualTo(RailStatus.PENDING_AUTHORIZATION);

        CustodyLedger.Moved moved = simulator.complete("P-8");

        assertThat(moved).isInstanceOfSatisfying(CustodyLedger.Moved.Done.class, done -> {
            assertThat(done.transaction().status()).isEqualTo(RailStatus.COMPLETED);
            assertThat(done.callback().join()).isInstanceOfSatisfying(CallbackDelivery.Answered.class,
                    answered -> assertThat(answered.status()).isEqualTo(200));
        });
        assertThat(rail.find("P-8").orElseThrow().txHash()).isPresent();
        assertThat(webhook.about("P-8", rail)).extracting(RailTransaction::status)
                .containsExactly(RailStatus.SUBMITTED, RailStatus.PENDING_AUTHORIZATION, RailStatus.COMPLETED);
    }

    @Test
    void fail_endsThePayoutsLatestTransaction_andAFinalStatusDoesNotChangeAgain() throws Exception {
        CustodySimulator simulator = start();
        CustodyRail rail = railTo(simulator);
        simulator.inject("P-10", CustodyFault.HOLD, 2);
        rail.submit(transfer("P-10"));
        rail.submit(transfer("P-10~r2"));

        CustodyLedger.Moved failed = simulator.fail("P-10", RailStatus.REJECTED);

        assertThat(failed).isInstanceOfSatisfying(CustodyLedger.Moved.Done.class,
                done -> assertThat(done.transaction().externalTxId()).as("the latest submission").isEqualTo("P-10~r2"));
        ((CustodyLedger.Moved.Done) failed).callback().join();
        assertThat(statusOf(rail, "P-10~r2")).isEqualTo(RailStatus.REJECTED);
        assertThat(webhook.about("P-10~r2", rail).getLast().status()).isEqualTo(RailStatus.REJECTED);
        assertThat(simulator.complete("P-10")).isInstanceOf(CustodyLedger.Moved.AlreadyFinal.class);
        assertThat(simulator.complete("P-none")).isEqualTo(new CustodyLedger.Moved.NoTransaction("P-none"));
        assertThatThrownBy(() -> simulator.fail("P-10", RailStatus.COMPLETED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restart_keepsTransactionsAndArmedFaults_andWalksOnWhatWasOnItsWay() throws Exception {
        CustodySimulator first = start(CustodySimulator.Setup.of(0, Optional.of(dir)).completingIn(Duration.ofDays(1)));
        railTo(first).submit(transfer("P-11"));
        first.inject("P-12", CustodyFault.REJECT, 1);
        first.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("transactions")))).isEqualTo("rwx------");
        try (var files = Files.list(dir.resolve("transactions"))) {
            assertThat(files.toList()).singleElement().satisfies(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }

        CustodySimulator again = start();
        CustodyRail rail = railTo(again);

        assertThat(rail.find("P-11")).isPresent();
        Eventually.await("P-11 walked on to COMPLETED", () -> statusOf(rail, "P-11") == RailStatus.COMPLETED);
        assertThat(rail.submit(transfer("P-11"))).isEqualTo(new SubmitOutcome.Duplicate("P-11"));
        assertThat(rail.submit(transfer("P-12"))).isInstanceOf(SubmitOutcome.Refused.class);
    }

    private HttpResponse<String> get(CustodySimulator simulator, String path, String jwt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + path)).header("X-API-Key", API_KEY).GET();
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        JsonNode body = Json.readTree(response.body());
        assertThat(body.path("message").asText()).isNotBlank();
        return body.path("code").asInt();
    }
}
