package com.warroom.incidents.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collects an incident's evidence: a snapshot of the rows the request names ({@link EvidenceRows}) and the log lines
 * of the window that mention them ({@link LogSearch}), each written once to the evidence bucket as canonical JSON; the
 * bundle ({@code incidents/<incidentId>/<evidenceId>.json}) records the SHA-256 and place of the log results
 * ({@code .logs.json} beside it), so the bundle's one hash covers both. Nothing here can replace or delete an object.
 */
public final class EvidenceCollector {

    /** The bundle's format, in the bundle: a reader knows what the fields mean. */
    public static final String FORMAT = "warroom-evidence/1";
    /** An evidence id: {@code evd-} and 32 hex digits, random. */
    public static final Pattern EVIDENCE_ID = Pattern.compile("evd-[0-9a-f]{32}");
    /** The incident ids an object key is made of (letters, digits, {@code ._-}). */
    static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EvidenceRows rows;
    private final LogSearch logs;
    private final EvidenceBucket bucket;
    private final Clock clock;
    private final Supplier<String> newIds;

    EvidenceCollector(EvidenceRows rows, LogSearch logs, EvidenceBucket bucket, Clock clock) {
        this(rows, logs, bucket, clock, EvidenceCollector::randomId);
    }

    EvidenceCollector(EvidenceRows rows, LogSearch logs, EvidenceBucket bucket, Clock clock, Supplier<String> newIds) {
        this.rows = rows;
        this.logs = logs;
        this.bucket = bucket;
        this.clock = clock;
        this.newIds = newIds;
    }

    static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "evd-" + HexFormat.of().formatHex(bytes);
    }

    /** The object key of a bundle. */
    public static String bundleKey(String incidentId, String evidenceId) {
        return "incidents/" + incidentId + "/" + evidenceId + ".json";
    }

    /** The object key of a bundle's log results. */
    public static String logsKey(String incidentId, String evidenceId) {
        return "incidents/" + incidentId + "/" + evidenceId + ".logs.json";
    }

    /**
     * Reads, hashes and stores the evidence of {@code request} for the incident; the caller records the answer on the
     * incident (its timeline carries the hash).
     *
     * @param actor who collected it (the caller's sub), written into the bundle
     * @throws EvidenceUnavailable when a table, the bucket or the log search fails: then no bundle exists
     */
    public Evidence collect(String incidentId, EvidenceRequest request, String actor) {
        if (!INCIDENT_ID.matcher(incidentId).matches()) {
            throw new IllegalArgumentException("not an incident id: " + incidentId);
        }
        String evidenceId = newIds.get();
        Instant collectedAt = clock.instant();
        EvidenceRows.Snapshot snapshot = rows.read(incidentId, request);

        Set<String> terms = new TreeSet<>(request.allIds());
        terms.addAll(snapshot.orderAndPayoutIds());
        terms.add(incidentId);
        LogSearch.LogResults found = logs.search(terms, request.from(), request.to());
        byte[] logBytes = CanonicalJson.bytes(logsJson(incidentId, evidenceId, request, terms, found));
        String logsKey = logsKey(incidentId, evidenceId);
        bucket.putOnce(logsKey, logBytes);

        Map<String, Integer> counts = new LinkedHashMap<>();
        EvidenceRows.Snapshot.KINDS.forEach(kind -> counts.put(kind, snapshot.of(kind).items().size()));
        counts.put("logLines", found.lines().size());

        ObjectNode bundle = CanonicalJson.object();
        bundle.put("format", FORMAT);
        bundle.put("evidenceId", evidenceId);
        bundle.put("incidentId", incidentId);
        bundle.put("collectedAt", collectedAt.toString());
        bundle.put("collectedBy", actor);
        bundle.set("request", requestJson(request));
        ObjectNode countsNode = bundle.putObject("counts");
        counts.forEach(countsNode::put);
        ObjectNode rowsNode = bundle.putObject("rows");
        for (String kind : EvidenceRows.Snapshot.KINDS) {
            ArrayNode items = rowsNode.putArray(kind);
            for (Map<String, AttributeValue> item : snapshot.of(kind).items()) {
                items.add(CanonicalJson.item(item));
            }
        }
        ObjectNode logsNode = bundle.putObject("logs");
        logsNode.put("location", bucket.location(logsKey));
        logsNode.put("sha256", CanonicalJson.sha256Hex(logBytes));
        logsNode.put("source", found.source());
        logsNode.put("status", found.status());
        logsNode.put("lines", found.lines().size());

        byte[] bundleBytes = CanonicalJson.bytes(bundle);
        String key = bundleKey(incidentId, evidenceId);
        bucket.putOnce(key, bundleBytes);
        return new Evidence(evidenceId, CanonicalJson.sha256Hex(bundleBytes), bucket.location(key), collectedAt, actor, counts);
    }

    /**
     * The bundle exactly as stored and hashed, checked against the checksum S3 keeps with it.
     *
     * @return empty when there is no such bundle (or the ids cannot name one)
     * @throws EvidenceTampered when the stored bytes no longer hash to what was stored
     */
    public Optional<byte[]> read(String incidentId, String evidenceId) {
        return read(incidentId, evidenceId, Optional.empty());
    }

    /** As {@link #read(String, String)}, also checked against the SHA-256 (hex) the incident recorded for it. */
    public Optional<byte[]> read(String incidentId, String evidenceId, Optional<String> recordedSha256) {
        if (!INCIDENT_ID.matcher(incidentId).matches() || !EVIDENCE_ID.matcher(evidenceId).matches()) {
            return Optional.empty();
        }
        return bucket.read(bundleKey(incidentId, evidenceId), recordedSha256);
    }

    /**
     * The log results stored beside a bundle, checked against the SHA-256 the (checked) bundle records for them.
     *
     * @return empty when there is no such bundle
     * @throws EvidenceTampered when either object no longer hashes to what was recorded, or the logs are missing
     */
    public Optional<byte[]> readLogs(String incidentId, String evidenceId) {
        Optional<byte[]> bundle = read(incidentId, evidenceId);
        if (bundle.isEmpty()) {
            return Optional.empty();
        }
        JsonNode logsNode = Json.readTree(new String(bundle.get(), StandardCharsets.UTF_8)).path("logs");
        String recorded = logsNode.path("sha256").asText();
        String key = logsKey(incidentId, evidenceId);
        return Optional.of(bucket.read(key, Optional.of(recorded))
                .orElseThrow(() -> new EvidenceTampered("evidence " + bucket.location(key) + " is missing though its bundle records it")));
    }

    private static ObjectNode requestJson(EvidenceRequest request) {
        ObjectNode node = CanonicalJson.object();
        ids(node, "orderIds", request.orderIds());
        ids(node, "payoutIds", request.payoutIds());
        ids(node, "userIds", request.userIds());
        ids(node, "findingIds", request.findingIds());
        ids(node, "ticketIds", request.ticketIds());
        ids(node, "flagKeys", request.flagKeys());
        node.put("from", request.from().toString());
        node.put("to", request.to().toString());
        return node;
    }

    private static void ids(ObjectNode node, String field, List<String> ids) {
        ArrayNode array = node.putArray(field);
        ids.forEach(array::add);
    }

    private static ObjectNode logsJson(String incidentId, String evidenceId, EvidenceRequest request, Set<String> terms,
                                       LogSearch.LogResults found) {
        ObjectNode node = CanonicalJson.object();
        node.put("format", FORMAT + "-logs");
        node.put("evidenceId", evidenceId);
        node.put("incidentId", incidentId);
        node.put("source", found.source());
        ArrayNode logNames = node.putArray("logs");
        found.logs().forEach(logNames::add);
        node.put("query", found.query());
        node.put("status", found.status());
        node.put("from", request.from().toString());
        node.put("to", request.to().toString());
        ArrayNode termsNode = node.putArray("terms");
        terms.forEach(termsNode::add);
        ArrayNode lines = node.putArray("lines");
        for (LogSearch.LogLine line : found.lines()) {
            ObjectNode entry = lines.addObject();
            entry.put("timestamp", line.timestamp().toString());
            entry.put("log", line.log());
            entry.put("message", line.message());
        }
        return node;
    }
}
