package com.warroom.payouts.rail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.money.Money;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production custody rail against WireMock serving the custody API's documented answers (Fireblocks's shapes). */
class CustodyRailTest {

    private static final String PAYOUT = "payout-7f3a";
    private static final String BY_PAYOUT = "/v1/transactions/external_tx_id/" + PAYOUT;
    private static final Instant NOW = Instant.parse("2026-12-01T03:04:05Z");
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static WireMockServer custodian;
    private static CustodyRail rail;

    @BeforeAll
    static void start() {
        custodian = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        custodian.start();
        rail = new CustodyRail(CustodyRail.httpClient(), URI.create(custodian.baseUrl() + "/"), CustodyKeys.credentials(), TIMEOUT,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        custodian.stop();
    }

    @BeforeEach
    void reset() {
        custodian.resetAll();
    }

    private static RailTransfer transfer(String externalId, String chain) {
        return new RailTransfer(externalId, chain, new Money("USDC", 12_500_000L), "0xTreasury",
                "0x52908400098527886E0F7030069857D2E4169EE7", "REFUND payout " + externalId);
    }

    private static void created(ResponseDefinitionBuilder answer) {
        custodian.stubFor(post(urlEqualTo("/v1/transactions")).willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void submit_whenTheCustodianAccepts_isAcceptedWithItsTransaction() {
        created(json(200, "{\"id\":\"0b9c2f5e-6f4a-4bd2-9a3e-1c6d2b1f0a11\",\"status\":\"SUBMITTED\"}"));

        SubmitOutcome outcome = rail.submit(transfer(PAYOUT, "evm:1"));

        assertThat(outcome).isEqualTo(new SubmitOutcome.Accepted(new RailTransaction("0b9c2f5e-6f4a-4bd2-9a3e-1c6d2b1f0a11", PAYOUT,
                RailStatus.SUBMITTED, Optional.empty())));
        custodian.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"assetId":"USDC","source":{"type":"VAULT_ACCOUNT","id":"0"},
                         "destination":{"type":"ONE_TIME_ADDRESS","oneTimeAddress":{"address":"0x52908400098527886E0F7030069857D2E4169EE7"}},
                         "amount":"12.5","externalTxId":"payout-7f3a","note":"REFUND payout payout-7f3a"}""")));
    }

    @Test
    void submit_onAnotherChain_namesTheAssetWithTheChain() {
        created(json(200, "{\"id\":\"tx-2\",\"status\":\"SUBMITTED\"}"));

        rail.submit(transfer(PAYOUT + "~r2", "evm:8453"));

        custodian.verify(postRequestedFor(urlEqualTo("/v1/transactions"))
                .withRequestBody(equalToJson("{\"assetId\":\"USDC_EVM_8453\",\"externalTxId\":\"payout-7f3a~r2\"}", true, true)));
        assertThat(CustodyAssetId.of("solana", "SOL")).isEqualTo("SOL_SOLANA");
    }

    @Test
    void submit_whenTheExternalIdIsTaken_isDuplicate() {
        created(json(400, "{\"message\":\"External tx id already exists\",\"code\":1438}"));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isEqualTo(new SubmitOutcome.Duplicate(PAYOUT));
    }

    @Test
    void submit_whenTheAnswerComesAfterTheTimeout_isUncertain_andFindThenShowsWhatTheCustodianTook() {
        created(json(200, "{\"id\":\"tx-late\",\"status\":\"SUBMITTED\"}").withFixedDelay((int) TIMEOUT.multipliedBy(4).toMillis()));
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(200, """
                {"id":"tx-late","externalTxId":"payout-7f3a","status":"PENDING_SIGNATURE","assetId":"USDC","amount":12.5,
                 "createdAt":1764558245000,"lastUpdated":1764558246000}""")));

        SubmitOutcome outcome = rail.submit(transfer(PAYOUT, "evm:1"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Uncertain.class,
                uncertain -> assertThat(uncertain.reason()).isEqualTo("create of payout-7f3a had no answer within PT0.5S"));
        custodian.verify(1, postRequestedFor(urlEqualTo("/v1/transactions")));
        assertThat(rail.find(PAYOUT)).contains(new RailTransaction("tx-late", PAYOUT, RailStatus.PENDING_SIGNATURE, Optional.empty()));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void submit_whenTheCustodianIsOverloadedOrFailing_isUncertain(int status) {
        created(json(status, "{\"message\":\"try later\",\"code\":-1}"));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isEqualTo(new SubmitOutcome.Uncertain("create of payout-7f3a answered HTTP " + status));
    }

    @Test
    void submit_whenTheConnectionIsCut_isUncertain() {
        created(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isInstanceOfSatisfying(SubmitOutcome.Uncertain.class,
                uncertain -> assertThat(uncertain.reason()).startsWith("create of payout-7f3a failed: java.io.IOException"));
    }

    @Test
    void submit_whenTheCustodianRefusesTheTransfer_isRefusedWithItsReason() {
        created(json(400, "{\"message\":\"Destination address is invalid\",\"code\":1427}"));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isEqualTo(new SubmitOutcome.Refused(
                "the custody API refused the create of payout-7f3a (HTTP 400 code 1427: Destination address is invalid)"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 409, 422})
    void submit_whenAnyOtherClientError_isRefused(int status) {
        created(json(status, "nope"));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isEqualTo(new SubmitOutcome.Refused(
                "the custody API refused the create of payout-7f3a (HTTP " + status + ": nope)"));
    }

    @Test
    void submit_whenOurCredentialsAreRefused_isUncertainNamingTheSecrets() {
        created(json(401, "{\"message\":\"Unauthorized: Token was not accepted\",\"code\":-7}"));

        assertThat(rail.submit(transfer(PAYOUT, "evm:1"))).isInstanceOfSatisfying(SubmitOutcome.Uncertain.class,
                uncertain -> assertThat(uncertain.reason()).contains("HTTP 401").contains("custody-api-key and custody-signing-key"));
    }

    @Test
    void submit_signsEachRequestForItsPathAndBody() throws Exception {
        created(json(200, "{\"id\":\"tx-1\",\"status\":\"SUBMITTED\"}"));

        rail.submit(transfer(PAYOUT, "evm:1"));
        rail.submit(transfer(PAYOUT + "~r2", "evm:1"));

        List<LoggedRequest> creates = custodian.findAll(postRequestedFor(urlEqualTo("/v1/transactions")));
        assertThat(creates).hasSize(2);
        for (LoggedRequest create : creates) {
            assertThat(create.getHeader("X-API-Key")).isEqualTo(CustodyKeys.API_KEY);
            JWTClaimsSet claims = verifiedClaims(create.getHeader("Authorization"));
            assertThat(claims.getStringClaim("uri")).isEqualTo("/v1/transactions");
            assertThat(claims.getStringClaim("bodyHash")).isEqualTo(RequestJwt.bodyHash(create.getBody()));
            assertThat(claims.getSubject()).isEqualTo(CustodyKeys.API_KEY);
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(30));
        }
        assertThat(verifiedClaims(creates.get(0).getHeader("Authorization")).getStringClaim("nonce"))
                .isNotBlank()
                .isNotEqualTo(verifiedClaims(creates.get(1).getHeader("Authorization")).getStringClaim("nonce"));
    }

    @Test
    void submit_sendsTheExternalIdAsIdempotencyKey_orAStableDigestOfALongOne() {
        created(json(200, "{\"id\":\"tx-1\",\"status\":\"SUBMITTED\"}"));
        String longId = "refund-round-2026-12-launch-user-0000000000000000000042-attempt";

        rail.submit(transfer(PAYOUT, "evm:1"));
        rail.submit(transfer(longId, "evm:1"));
        rail.submit(transfer(longId, "evm:1"));
        rail.submit(transfer(longId + "~r2", "evm:1"));

        List<String> keys = custodian.findAll(postRequestedFor(urlEqualTo("/v1/transactions"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        assertThat(keys.get(0)).isEqualTo(PAYOUT);
        assertThat(keys.get(1)).hasSize(40).matches("[A-Za-z0-9_-]{40}").isEqualTo(keys.get(2)).isNotEqualTo(keys.get(3));
        assertThat(keys.get(3)).hasSize(40);
        assertThat(CustodyIdempotencyKey.of("x".repeat(40)).value()).isEqualTo("x".repeat(40));
    }

    @Test
    void find_whenTheCustodianHasIt_isItsTransaction() throws Exception {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(200, """
                {"id":"tx-9","externalTxId":"payout-7f3a","status":"COMPLETED","subStatus":"CONFIRMED",
                 "txHash":"0x9fceb02d0ae598d95ed5ce9b0e4fdbc2d36c3c6fcfd0c7b8c0c8a4e1b5a1e0f1","assetId":"USDC","amount":12.5}""")));

        assertThat(rail.find(PAYOUT)).contains(new RailTransaction("tx-9", PAYOUT, RailStatus.COMPLETED,
                Optional.of("0x9fceb02d0ae598d95ed5ce9b0e4fdbc2d36c3c6fcfd0c7b8c0c8a4e1b5a1e0f1")));
        LoggedRequest asked = custodian.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(BY_PAYOUT))).getFirst();
        JWTClaimsSet claims = verifiedClaims(asked.getHeader("Authorization"));
        assertThat(claims.getStringClaim("uri")).isEqualTo(BY_PAYOUT);
        assertThat(claims.getStringClaim("bodyHash")).as("SHA-256 of nothing")
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(asked.containsHeader("Idempotency-Key")).isFalse();
    }

    @Test
    void find_whenTheStatusIsOneWeDoNotKnow_isStillInProgress() {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(200,
                "{\"id\":\"tx-9\",\"externalTxId\":\"payout-7f3a\",\"status\":\"PENDING_3RD_PARTY\"}")));

        assertThat(rail.find(PAYOUT)).hasValueSatisfying(transaction -> {
            assertThat(transaction.status()).isEqualTo(RailStatus.SUBMITTED);
            assertThat(transaction.status().inProgress()).isTrue();
        });
    }

    @Test
    void find_whenTheCustodianHasNone_isEmpty() {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(404, "{\"message\":\"Transaction not found\",\"code\":1404}")));

        assertThat(rail.find(PAYOUT)).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 429, 500, 503})
    void find_whenTheCustodianCannotSay_throwsRailUnavailable(int status) {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(status, "{\"message\":\"busy\"}")));

        assertThatThrownBy(() -> rail.find(PAYOUT)).isInstanceOf(RailUnavailable.class)
                .hasMessage("get by external id payout-7f3a answered HTTP " + status + ": {\"message\":\"busy\"}");
    }

    @Test
    void find_whenTheAnswerIsLate_throwsRailUnavailable() {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(404, "{}").withFixedDelay((int) TIMEOUT.multipliedBy(4).toMillis())));

        assertThatThrownBy(() -> rail.find(PAYOUT)).isInstanceOf(RailUnavailable.class).hasMessageContaining("had no answer within");
    }

    @Test
    void find_whenTheAnswerIsAboutAnotherTransfer_throwsRailUnavailable() {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(200,
                "{\"id\":\"tx-1\",\"externalTxId\":\"payout-other\",\"status\":\"COMPLETED\"}")));

        assertThatThrownBy(() -> rail.find(PAYOUT)).isInstanceOf(RailUnavailable.class)
                .hasMessage("get by external id payout-7f3a answered for payout-other");
    }

    @Test
    void find_whenTheAnswerIsNoTransaction_throwsRailUnavailable() {
        custodian.stubFor(get(urlEqualTo(BY_PAYOUT)).willReturn(json(200, "<html>maintenance</html>")));

        assertThatThrownBy(() -> rail.find(PAYOUT)).isInstanceOf(RailUnavailable.class).hasMessageContaining("not a transaction");
    }

    @Test
    void construction_readsNoSecret_andABrokenKeyIsNamedNotQuoted() {
        CustodyCredentials broken = new CustodyCredentials(() -> CustodyKeys.API_KEY, () -> "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----",
                () -> {
                    throw new AssertionError("read at construction");
                });
        CustodyRail unready = new CustodyRail(CustodyRail.httpClient(), URI.create(custodian.baseUrl()), broken, TIMEOUT);

        assertThatThrownBy(() -> unready.submit(transfer(PAYOUT, "evm:1"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("secret custody-signing-key: the key is not an RSA private key in PKCS#8 PEM");
        custodian.verify(0, postRequestedFor(urlEqualTo("/v1/transactions")));
    }

    private static JWTClaimsSet verifiedClaims(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) CustodyKeys.SIGNING.getPublic()))).as("signed with our key").isTrue();
        return jwt.getJWTClaimsSet();
    }
}
