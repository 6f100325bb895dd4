package com.warroom.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.http.FieldError;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MidtransNotificationTest {

    static final String LOCAL_KEY = "SB-Mid-server-warroom-local-only";

    /** events/webhook-intake/midtrans-settlement.json's notification, signed by a Python script with the local key. */
    static final String SAMPLE = "{\"transaction_time\":\"2026-11-30 16:25:12\",\"transaction_status\":\"settlement\","
            + "\"transaction_id\":\"513f1f01-c9da-474c-9fc9-d5c64364b709\",\"status_message\":\"midtrans payment notification\","
            + "\"status_code\":\"200\",\"signature_key\":\"SIG\",\"settlement_time\":\"2026-11-30 16:29:41\","
            + "\"payment_type\":\"bank_transfer\",\"va_numbers\":[{\"va_number\":\"812785002530231\",\"bank\":\"bni\"}],"
            + "\"order_id\":\"O-sample-1\",\"merchant_id\":\"G141532850\",\"gross_amount\":\"150000.00\",\"fraud_status\":\"accept\","
            + "\"expiry_time\":\"2026-12-01 16:25:12\",\"currency\":\"IDR\"}";

    private static MidtransNotification valid(String body) {
        return ((MidtransNotification.Parsed.Valid) MidtransNotification.parse(body)).notification();
    }

    private static MidtransNotification.Parsed.Invalid invalid(String body) {
        return (MidtransNotification.Parsed.Invalid) MidtransNotification.parse(body);
    }

    @Test
    void parse_whenMidtransSendsItsDocumentedNotification_readsItAndKeepsTheBodyAsIs() {
        MidtransNotification n = valid(SAMPLE);

        assertThat(n.orderId()).isEqualTo("O-sample-1");
        assertThat(n.statusCode()).isEqualTo("200");
        assertThat(n.grossAmount()).isEqualTo("150000.00");
        assertThat(n.transactionStatus()).isEqualTo("settlement");
        assertThat(n.transactionId()).contains("513f1f01-c9da-474c-9fc9-d5c64364b709");
        assertThat(n.fraudStatus()).contains("accept");
        assertThat(n.paymentType()).contains("bank_transfer");
        assertThat(n.signatureKey()).contains("SIG");
        assertThat(n.raw()).isEqualTo(SAMPLE);
    }

    @Test
    void eventKey_isTheSha256OfTheFiveFields_asAnIndependentImplementationComputesIt() {
        // python3: "notification:" + sha256("O-sample-1|513f1f01-...|settlement|200|accept")
        assertThat(valid(SAMPLE).eventKey())
                .isEqualTo("notification:5d47617b8008cafd148488fa4e1e0bfbdd82c34ff7439e225fa3a93f5a177cdf");
    }

    @Test
    void eventKey_whenTransactionIdAndFraudStatusAreAbsent_usesEmptyStrings() {
        MidtransNotification n = valid("{\"order_id\":\"O-1\",\"status_code\":\"201\",\"gross_amount\":\"10.00\",\"transaction_status\":\"pending\"}");

        assertThat(n.eventKey()).isEqualTo("notification:" + com.warroom.audit.AuditHasher.sha256Hex("O-1||pending|201|"));
        assertThat(EventKey.isNotificationKey(n.eventKey())).isTrue();
    }

    @Test
    void eventKey_differsByStatus_andIsTheSameForTheSameNotificationWhateverElseItCarries() {
        String pending = SAMPLE.replace("\"settlement\"", "\"pending\"").replace("\"200\"", "\"201\"");
        String moreFields = SAMPLE.replace("\"currency\":\"IDR\"", "\"currency\":\"IDR\",\"issuer\":\"bni\",\"new_in_2027\":{\"x\":1}");

        assertThat(valid(pending).eventKey()).isNotEqualTo(valid(SAMPLE).eventKey());
        assertThat(valid(moreFields).eventKey()).isEqualTo(valid(SAMPLE).eventKey());
        assertThat(valid(moreFields).raw()).contains("new_in_2027");
    }

    @Test
    void signature_matchesTheOneComputedIndependently_inAnyCase_andNothingElse() {
        String signed = MidtransSignature.of("O-sample-1", "200", "150000.00", LOCAL_KEY);
        // python3: hashlib.sha512(b"O-sample-1200150000.00SB-Mid-server-warroom-local-only").hexdigest()
        assertThat(signed).startsWith("1d4464f4").hasSize(128);

        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("SIG", signed)), LOCAL_KEY)).isTrue();
        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("SIG", signed.toUpperCase())), LOCAL_KEY)).isTrue();
        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("SIG", signed)), LOCAL_KEY + "x")).isFalse();
        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("SIG", signed).replace("150000.00", "1.00")), LOCAL_KEY)).isFalse();
        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("SIG", signed.substring(1))), LOCAL_KEY)).isFalse();
        assertThat(MidtransSignature.matches(valid(SAMPLE.replace("\"signature_key\":\"SIG\",", "")), LOCAL_KEY)).isFalse();
    }

    @Test
    void signature_doesNotCoverTheStatus_soASettlementAndACaptureCarryTheSameOne() {
        String signed = MidtransSignature.of("O-sample-1", "200", "150000.00", LOCAL_KEY);
        String capture = SAMPLE.replace("SIG", signed).replace("\"settlement\"", "\"capture\"").replace("\"accept\"", "\"challenge\"");

        assertThat(MidtransSignature.matches(valid(capture), LOCAL_KEY)).isTrue();
    }

    @Test
    void parse_whenTheSignatureIsNotAString_readsTheNotificationAsUnsigned() {
        assertThat(valid(SAMPLE.replace("\"SIG\"", "12")).signatureKey()).isEmpty();
        assertThat(valid(SAMPLE.replace("\"SIG\"", "null")).signatureKey()).isEqualTo(Optional.empty());
    }

    @Test
    void parse_whenRequiredFieldsAreMissing_namesEachOfThem() {
        var problem = invalid("{\"transaction_id\":\"t\"}").problem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("order_id", "status_code", "gross_amount", "transaction_status");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"order_id\":\"O-sample-1\"|\"order_id\":12|order_id|must be a string",
            "\"order_id\":\"O-sample-1\"|\"order_id\":\"O#1\"|order_id|must be 1 to 50",
            "\"gross_amount\":\"150000.00\"|\"gross_amount\":150000.00|gross_amount|must be a string",
            "\"gross_amount\":\"150000.00\"|\"gross_amount\":\"-1\"|gross_amount|decimal string",
            "\"status_code\":\"200\"|\"status_code\":\"OK\"|status_code|3-digit",
            "\"transaction_status\":\"settlement\"|\"transaction_status\":\"\"|transaction_status|Midtrans transaction status",
            "\"fraud_status\":\"accept\"|\"fraud_status\":[\"accept\"]|fraud_status|must be a string",
    })
    void parse_whenAFieldIsWrong_namesIt(String good, String bad, String field, String message) {
        var problem = invalid(SAMPLE.replace(good, bad)).problem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'{'", "'[1,2]'", "'\"settlement\"'", "'{\"order_id\":\"O-1\"} trailing'"})
    void parse_whenTheBodyIsNotAJsonObject_isMalformed(String body) {
        assertThat(invalid(body).problem().type()).endsWith("/malformed-json");
    }
}
