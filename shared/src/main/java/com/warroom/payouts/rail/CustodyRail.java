package com.warroom.payouts.rail;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The production rail: a custody API of the shape Fireblocks documents, on the JDK's HttpClient. A transfer is created
 * with {@code POST /v1/transactions} carrying the external id as {@code externalTxId} (the custodian refuses a second
 * one) and as the {@code Idempotency-Key}; a lost answer is asked for with
 * {@code GET /v1/transactions/external_tx_id/{externalTxId}}; callbacks are checked with the custodian's public key.
 * The base URL is the topology's {@code WARROOM_CUSTODY_BASE_URL} (the local custody simulator on a laptop).
 */
public final class CustodyRail implements PayoutRail {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Fireblocks's error code for a create whose externalTxId it already has. */
    public static final int DUPLICATE_EXTERNAL_TX_ID = 1438;
    static final String TRANSACTIONS = "/v1/transactions";
    static final String BY_EXTERNAL_ID = "/v1/transactions/external_tx_id/";
    /** The treasury vault every payout is paid from. */
    static final String VAULT_ACCOUNT = "0";
    private static final Set<String> TRANSACTION_EVENTS = Set.of("TRANSACTION_STATUS_UPDATED", "TRANSACTION_CREATED");
    private static final int EXCERPT = 200;

    private final CustodyHttp http;
    private final CustodyCredentials credentials;

    public CustodyRail(HttpClient http, URI baseUrl, CustodyCredentials credentials, Duration requestTimeout) {
        this(http, baseUrl, credentials, requestTimeout, Clock.systemUTC());
    }

    CustodyRail(HttpClient http, URI baseUrl, CustodyCredentials credentials, Duration requestTimeout, Clock clock) {
        this.http = new CustodyHttp(http, baseUrl, credentials, requestTimeout, clock);
        this.credentials = credentials;
    }

    /** The rail of this process: its base URL from the topology, its credentials from the topology's secrets. */
    public static CustodyRail fromSettings(SecretReader secrets) {
        String base = Settings.find(Topology.CUSTODY_API.baseUrlEnvVar())
                .or(Topology.CUSTODY_API::defaultBaseUrl)
                .orElseThrow(() -> new IllegalStateException("missing setting " + Topology.CUSTODY_API.baseUrlEnvVar()));
        return new CustodyRail(httpClient(), URI.create(base), CustodyCredentials.fromSecrets(secrets, Clock.systemUTC()), REQUEST_TIMEOUT);
    }

    /** One client per function: it keeps its connections for the next call. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SubmitOutcome submit(RailTransfer transfer) {
        String externalId = transfer.externalId();
        HttpResponse<String> response;
        try {
            response = http.post(TRANSACTIONS, Json.write(createBody(transfer)), CustodyIdempotencyKey.of(externalId));
        } catch (HttpTimeoutException e) {
            return new SubmitOutcome.Uncertain("create of " + externalId + " had no answer within " + http.timeout());
        } catch (IOException e) {
            return new SubmitOutcome.Uncertain("create of " + externalId + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitOutcome.Uncertain("create of " + externalId + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return accepted(externalId, response.body());
        }
        if (status == 429 || status >= 500) {
            return new SubmitOutcome.Uncertain("create of " + externalId + " answered HTTP " + status);
        }
        if (status == 401 || status == 403) {
            // our credentials, not the transfer: refusing the payout for good would fail every payout until the key is fixed
            return new SubmitOutcome.Uncertain("the custody API refused our credentials (HTTP " + status + ": "
                    + CustodyHttp.excerpt(response.body(), EXCERPT) + "); check the custody-api-key and custody-signing-key secrets");
        }
        if (status >= 400 && status < 500) {
            CustodyError error = CustodyError.of(response.body());
            return error.duplicate()
                    ? new SubmitOutcome.Duplicate(externalId)
                    : new SubmitOutcome.Refused("the custody API refused the create of " + externalId + " (HTTP " + status + error.described() + ")");
        }
        return new SubmitOutcome.Uncertain("create of " + externalId + " answered HTTP " + status);
    }

    @Override
    public Optional<RailTransaction> find(String externalId) {
        HttpResponse<String> response;
        try {
            response = http.get(BY_EXTERNAL_ID + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
        } catch (HttpTimeoutException e) {
            throw new RailUnavailable("get by external id " + externalId + " had no answer within " + http.timeout());
        } catch (IOException e) {
            throw new RailUnavailable("get by external id " + externalId + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RailUnavailable("get by external id " + externalId + " was interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new RailUnavailable("get by external id " + externalId + " answered HTTP " + response.statusCode() + ": "
                    + CustodyHttp.excerpt(response.body(), EXCERPT));
        }
        Optional<JsonNode> json = object(response.body());
        Optional<RailTransaction> transaction = json.flatMap(node -> transaction(node, externalId));
        if (transaction.isEmpty()) {
            throw new RailUnavailable("get by external id " + externalId + " answered a body that is not a transaction: "
                    + CustodyHttp.excerpt(response.body(), EXCERPT));
        }
        if (!transaction.get().externalId().equals(externalId)) {
            // never take another transfer's status for this one, whatever went wrong upstream
            throw new RailUnavailable("get by external id " + externalId + " answered for " + transaction.get().externalId());
        }
        return transaction;
    }

    @Override
    public RailTransaction parseCallback(Map<String, String> headers, String body) {
        String signature = headers.get(CallbackSignature.HEADER);
        if (signature == null || signature.isBlank()) {
            throw new CallbackRejected("the callback is not signed (no " + CallbackSignature.HEADER + " header)");
        }
        if (body == null || !CallbackSignature.verifies(credentials.callbackKey(), body.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new CallbackRejected("the callback's signature does not hold for its body with the custodian's key");
        }
        JsonNode event = object(body).orElseThrow(() -> new CallbackRejected("the callback is not a JSON object"));
        String type = event.path("type").asText("");
        if (!TRANSACTION_EVENTS.contains(type)) {
            throw new CallbackRejected("the callback is not a transaction event (type '" + CustodyHttp.excerpt(type, 60) + "')");
        }
        JsonNode data = event.path("data");
        if (!data.isObject() || !data.path("externalTxId").isTextual() || data.path("externalTxId").asText().isBlank()) {
            throw new CallbackRejected("the callback's transaction has no externalTxId: it is not a payout's");
        }
        return transaction(data, data.path("externalTxId").asText())
                .orElseThrow(() -> new CallbackRejected("the callback's transaction has no id"));
    }

    private static Map<String, Object> createBody(RailTransfer transfer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetId", CustodyAssetId.of(transfer.chain(), transfer.amount().currency()));
        body.put("source", Map.of("type", "VAULT_ACCOUNT", "id", VAULT_ACCOUNT));
        body.put("destination", Map.of("type", "ONE_TIME_ADDRESS", "oneTimeAddress", Map.of("address", transfer.destinationAddress())));
        body.put("amount", new BigDecimal(DecimalAmount.format(transfer.amount())).stripTrailingZeros().toPlainString());
        body.put("externalTxId", transfer.externalId());
        body.put("note", transfer.note());
        return body;
    }

    private static SubmitOutcome accepted(String externalId, String body) {
        return object(body).flatMap(json -> transaction(json, externalId))
                .<SubmitOutcome>map(SubmitOutcome.Accepted::new)
                // taken, most likely, but unreadable: the find that follows an uncertain create says what it is
                .orElseGet(() -> new SubmitOutcome.Uncertain("create of " + externalId + " answered without a transaction id: "
                        + CustodyHttp.excerpt(body, EXCERPT)));
    }

    /** A transaction object; {@code externalId} stands in when it does not repeat its externalTxId (a create's answer). */
    private static Optional<RailTransaction> transaction(JsonNode json, String externalId) {
        String id = json.path("id").asText("");
        if (id.isBlank()) {
            return Optional.empty();
        }
        String answeredFor = json.path("externalTxId").isTextual() ? json.path("externalTxId").asText() : externalId;
        Optional<String> txHash = Optional.ofNullable(json.path("txHash").textValue()).filter(hash -> !hash.isBlank());
        return Optional.of(new RailTransaction(id, answeredFor, RailStatus.parse(json.path("status").asText("")), txHash));
    }

    private static Optional<JsonNode> object(String body) {
        try {
            JsonNode json = Json.readTree(body == null ? "" : body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The custody API's error body, {@code {"message","code"}}. */
    private record CustodyError(Optional<Integer> code, String message) {

        static CustodyError of(String body) {
            Optional<JsonNode> json = object(body);
            return new CustodyError(json.map(node -> node.path("code")).filter(JsonNode::canConvertToInt).map(JsonNode::asInt),
                    json.map(node -> node.path("message").asText("")).orElse(CustodyHttp.excerpt(body, EXCERPT)));
        }

        boolean duplicate() {
            String text = message.toLowerCase(Locale.ROOT);
            return code.filter(c -> c == DUPLICATE_EXTERNAL_TX_ID).isPresent()
                    || (text.contains("externaltxid") || text.contains("external tx id")) && text.contains("already exists");
        }

        String described() {
            return code.map(c -> " code " + c).orElse("") + (message.isBlank() ? "" : ": " + CustodyHttp.excerpt(message, EXCERPT));
        }
    }
}
