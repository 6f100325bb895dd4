package com.warroom.payouts.rail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Callbacks as the custodian sends them: a transaction event signed with its key; anything else changes nothing. */
class CustodyCallbackTest {

    private static final String COMPLETED = """
            {"type":"TRANSACTION_STATUS_UPDATED","tenantId":"6b0b3b4e-8f8e-4b6a-9f61-2a9c0f0e1d11","timestamp":1764558250000,
             "data":{"id":"tx-9","externalTxId":"payout-7f3a","status":"COMPLETED","subStatus":"CONFIRMED",
                     "txHash":"0xabc123","assetId":"USDC","amount":12.5,"createdAt":1764558245000,"lastUpdated":1764558250000}}""";

    // the callback needs no custodian to be reached
    private final CustodyRail rail = new CustodyRail(CustodyRail.httpClient(), URI.create("http://127.0.0.1:9"), CustodyKeys.credentials(),
            Duration.ofSeconds(1));

    private static Map<String, String> signedBy(RSAPrivateKey key, String body) {
        return Map.of(CallbackSignature.HEADER, CallbackSignature.sign(key, body.getBytes(StandardCharsets.UTF_8)), "content-type", "application/json");
    }

    private static Map<String, String> signed(String body) {
        return signedBy((RSAPrivateKey) CustodyKeys.CALLBACK.getPrivate(), body);
    }

    @Test
    void parseCallback_whenSignedByTheCustodian_isItsTransaction() {
        assertThat(rail.parseCallback(signed(COMPLETED), COMPLETED))
                .isEqualTo(new RailTransaction("tx-9", "payout-7f3a", RailStatus.COMPLETED, Optional.of("0xabc123")));
    }

    @Test
    void parseCallback_ofACreatedEvent_isItsTransaction() {
        String created = COMPLETED.replace("TRANSACTION_STATUS_UPDATED", "TRANSACTION_CREATED").replace("\"COMPLETED\"", "\"SUBMITTED\"");

        assertThat(rail.parseCallback(signed(created), created).status()).isEqualTo(RailStatus.SUBMITTED);
    }

    @Test
    void parseCallback_whenUnsigned_isRejected() {
        assertThatThrownBy(() -> rail.parseCallback(Map.of("content-type", "application/json"), COMPLETED))
                .isInstanceOf(CallbackRejected.class).hasMessageContaining("not signed");
        assertThatThrownBy(() -> rail.parseCallback(Map.of(CallbackSignature.HEADER, " "), COMPLETED))
                .isInstanceOf(CallbackRejected.class).hasMessageContaining("not signed");
    }

    @Test
    void parseCallback_whenSignedByAnotherKey_isRejected() {
        assertThatThrownBy(() -> rail.parseCallback(signedBy((RSAPrivateKey) CustodyKeys.STRANGER.getPrivate(), COMPLETED), COMPLETED))
                .isInstanceOf(CallbackRejected.class).hasMessageContaining("signature does not hold");
    }

    @Test
    void parseCallback_whenTheSignatureIsNotBase64_isRejected() {
        assertThatThrownBy(() -> rail.parseCallback(Map.of(CallbackSignature.HEADER, "not base64 at all!"), COMPLETED))
                .isInstanceOf(CallbackRejected.class).hasMessageContaining("signature does not hold");
    }

    @Test
    void parseCallback_whenTheBodyWasChangedAfterSigning_isRejected() {
        String failed = COMPLETED.replace("\"COMPLETED\"", "\"FAILED\"");

        assertThatThrownBy(() -> rail.parseCallback(signed(COMPLETED), failed)).isInstanceOf(CallbackRejected.class);
        assertThatThrownBy(() -> rail.parseCallback(signed(COMPLETED), COMPLETED + " ")).as("even one byte").isInstanceOf(CallbackRejected.class);
    }

    @Test
    void parseCallback_ofAnotherEventType_isRejected() {
        String vault = "{\"type\":\"VAULT_ACCOUNT_ADDED\",\"data\":{\"id\":\"7\",\"name\":\"treasury\"}}";

        assertThatThrownBy(() -> rail.parseCallback(signed(vault), vault)).isInstanceOf(CallbackRejected.class)
                .hasMessage("the callback is not a transaction event (type 'VAULT_ACCOUNT_ADDED')");
    }

    @Test
    void parseCallback_ofATransactionThatIsNoPayouts_isRejected() {
        String console = COMPLETED.replace("\"externalTxId\":\"payout-7f3a\",", "");

        assertThatThrownBy(() -> rail.parseCallback(signed(console), console)).isInstanceOf(CallbackRejected.class)
                .hasMessageContaining("no externalTxId");
    }

    @Test
    void parseCallback_whenSignedButNotJson_isRejected() {
        assertThatThrownBy(() -> rail.parseCallback(signed("ok"), "ok")).isInstanceOf(CallbackRejected.class)
                .hasMessage("the callback is not a JSON object");
    }

    @Test
    void parseCallback_withAStatusWeDoNotKnow_isInProgress() {
        String pending = COMPLETED.replace("\"COMPLETED\"", "\"PENDING_AML_SCREENING\"");

        RailTransaction transaction = rail.parseCallback(signed(pending), pending);

        assertThat(transaction.status()).isEqualTo(RailStatus.SUBMITTED);
        assertThat(transaction.status().inProgress()).isTrue();
    }
}
