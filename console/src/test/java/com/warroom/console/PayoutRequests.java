package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.config.EvmAddress;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.topology.Topology;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Money going out, as it does for real against {@code ./warroom up}: the platform registers a user with a primary
 * wallet ({@code PUT /v1/platform/users/{id}} as role service) and asks for payouts ({@code POST /v1/payouts}, the
 * Idempotency-Key being the payout id); the local seed gives the treasuries their opening balances, and the custody
 * simulator pays them, or does what {@code ./warroom custody inject} arms it to do.
 */
final class PayoutRequests {

    // a guard against a hang while the worker and the custody simulator move a payout, not a timing assertion
    private static final Duration WORKER_GUARD = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunningWarroom warroom;
    private final String serviceToken;

    PayoutRequests(RunningWarroom warroom) {
        this.warroom = warroom;
        this.serviceToken = warroom.serviceToken();
    }

    /** A new id, unique in this test JVM's stack. */
    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random Ethereum address in its EIP-55 form, as the users route wants it. */
    static String evmAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return EvmAddress.checksummed("0x" + HexFormat.of().formatHex(bytes));
    }

    /** Registers a user with a primary wallet on Ethereum mainnet (KYC approved); returns the wallet's address. */
    String registerUser(String userId) throws Exception {
        String address = evmAddress();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryWallet", Map.of("chain", "evm:1", "address", address));
        body.put("bluecheck", false);
        body.put("kycStatus", "APPROVED");
        body.put("kycReason", null);
        body.put("activeReferralCount", 0);
        RunningWarroom.Answer answer = warroom.call("PUT", "/v1/platform/users/" + userId, Json.write(body), serviceToken);
        assertThat(answer.status()).as("PUT /v1/platform/users " + answer.body()).isIn(200, 201);
        return address;
    }

    /** {@code ./warroom custody inject}: the custody simulator does {@code fault} to the payout's next create. */
    void inject(String payoutId, String fault) {
        RunningWarroom.CommandRun run = warroom.command("custody", "inject", "--payout", payoutId, "--fault", fault);
        assertThat(run.exitCode()).as("./warroom custody inject: " + run.out() + run.err()).isZero();
    }

    /** Asks for a payout of {@code amount} USDC as the platform does; returns its view (201). */
    JsonNode request(String payoutId, String userId, String kind, String amount) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("kind", kind);
        body.put("amount", amount);
        body.put("asset", "USDC");
        body.put("reference", "ref-" + payoutId.toLowerCase());
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/payouts", Json.write(body), serviceToken, payoutId);
        assertThat(answer.status()).as("POST /v1/payouts " + answer.body()).isEqualTo(201);
        return answer.body();
    }

    /** The payout as the API shows it (GET /v1/payouts/{id}), once {@code until} holds (the worker works through a queue). */
    JsonNode await(String payoutId, Predicate<JsonNode> until) throws Exception {
        Instant giveUp = Instant.now().plus(WORKER_GUARD);
        while (true) {
            RunningWarroom.Answer answer = warroom.call("GET", "/v1/payouts/" + payoutId, null, serviceToken);
            if (answer.status() == 200 && until.test(answer.body())) {
                return answer.body();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("payout " + payoutId + " never got there: " + answer.body());
            }
            Thread.sleep(250);
        }
    }

    static Predicate<JsonNode> status(String status) {
        return p -> p.path("status").asText().equals(status);
    }

    /**
     * Stands in for time passing: the payout's last change moves {@code ago} into the past, as if it had sat in its state
     * that long (the column is not sealed: it is the worker's bookkeeping, and the stuck badge reads it).
     */
    void age(String payoutId, Duration ago) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(warroom.dynamoUrl()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            dynamo.updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                    .key(Map.of("payoutId", AttributeValue.fromS(payoutId)))
                    .updateExpression("SET updatedAt = :at")
                    .conditionExpression("attribute_exists(payoutId)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(SortableTime.format(Instant.now().minus(ago))))));
        }
    }
}
