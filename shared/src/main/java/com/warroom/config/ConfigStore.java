package com.warroom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.oncall.OnCallSchedule;
import com.warroom.support.TicketPriority;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The config table: one {@link ConfigSnapshot} per version, the newest in force. A version is
 * written once, conditional on {@code attribute_not_exists}, inside the audit transaction that
 * records it, so of two writers of the same next version exactly one lands.
 */
public final class ConfigStore {

    private final DynamoDbTable<ConfigSnapshot> table;
    private final Clock clock;

    public ConfigStore(DynamoDbEnhancedClient dynamo, String tableName, Clock clock) {
        this.table = dynamo.table(tableName, ConfigSnapshot.SCHEMA);
        this.clock = clock;
    }

    public DynamoDbTable<ConfigSnapshot> table() {
        return table;
    }

    /** The newest snapshot, read strongly consistent; empty while nothing is loaded. */
    public Optional<ConfigSnapshot> newest() {
        return table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(ConfigSnapshot.KIND).build()))
                        .scanIndexForward(false)
                        .limit(1)
                        .consistentRead(true)
                        .build())
                .items().stream().findFirst();
    }

    /** The config in force; empty while nothing is loaded. */
    public Optional<SeedConfig> current() {
        return newest().map(ConfigStore::config);
    }

    /**
     * The fee rules of the config in force, read from the newest snapshot without the rest of it: for functions that
     * only charge fees, so that their jar needs no Bouncy Castle (the treasury's EIP-55 checks use it). Empty while
     * nothing is loaded.
     *
     * @throws IllegalStateException when the stored rules no longer pass the config rules (a fault, not an answer)
     */
    public Optional<Map<String, FeeRule>> currentFeeRules() {
        return newest().map(snapshot -> {
            ConfigReader reader = new ConfigReader();
            Optional<Map<String, FeeRule>> rules = reader.feeRules(Json.readTree(snapshot.config()).get("feeRules"), "feeRules");
            if (rules.isEmpty()) {
                throw new IllegalStateException("config snapshot v" + snapshot.version() + " has fee rules that do not pass the config rules: "
                        + reader.errors());
            }
            return rules.get();
        });
    }

    /**
     * The EXP per ticket priority of the config in force, read from the newest snapshot without the rest of it (as
     * {@link #currentFeeRules()}, for a jar without Bouncy Castle). Empty while nothing is loaded; an empty map when
     * the config in force was stored before EXP rewards existed.
     *
     * @throws IllegalStateException when the stored rewards no longer pass the config rules (a fault, not an answer)
     */
    public Optional<Map<TicketPriority, Long>> currentExpRewards() {
        return newest().map(snapshot -> {
            JsonNode stored = Json.readTree(snapshot.config()).get("expRewards");
            if (stored == null) {
                return Map.<TicketPriority, Long>of();
            }
            ConfigReader reader = new ConfigReader();
            Optional<Map<TicketPriority, Long>> rewards = reader.expRewards(stored, "expRewards");
            if (rewards.isEmpty()) {
                throw new IllegalStateException("config snapshot v" + snapshot.version() + " has EXP rewards that do not pass the config rules: "
                        + reader.errors());
            }
            return rewards.get();
        });
    }

    /**
     * The on-call section of the config in force with its version, read from the newest snapshot without the rest of it
     * (as {@link #currentFeeRules()}, for a jar without Bouncy Castle). Empty while nothing is loaded; an empty schedule
     * when the config in force sets no on-call roster.
     *
     * @throws IllegalStateException when the stored section no longer passes the config rules (a fault, not an answer)
     */
    public Optional<OnCallInForce> currentOnCall() {
        return newest().map(snapshot -> {
            JsonNode stored = Json.readTree(snapshot.config()).get("onCall");
            if (stored == null || stored.isNull()) {
                return new OnCallInForce(snapshot.version(), Optional.empty());
            }
            ConfigReader reader = new ConfigReader();
            Optional<OnCallSchedule> onCall = reader.onCall(stored, "onCall", Optional.empty());
            if (onCall.isEmpty()) {
                throw new IllegalStateException("config snapshot v" + snapshot.version() + " has an on-call section that does not pass "
                        + "the config rules: " + reader.errors());
            }
            return new OnCallInForce(snapshot.version(), onCall);
        });
    }

    /** The on-call section of config {@code version} (empty when that version sets none). */
    public record OnCallInForce(long version, Optional<OnCallSchedule> schedule) {
    }

    /** The config a snapshot holds; a stored snapshot that no longer passes the rules is a fault, not an answer. */
    public static SeedConfig config(ConfigSnapshot snapshot) {
        return switch (SeedConfigParser.parseStored(snapshot.config())) {
            case ConfigOutcome.Valid valid -> valid.config();
            case ConfigOutcome.Invalid invalid -> throw new IllegalStateException("config snapshot v" + snapshot.version()
                    + " does not pass the config rules: " + invalid.errors());
        };
    }

    /** The snapshot of {@code config} made by {@code author} from {@code source}, to be recorded by audit entry {@code auditSeq}. */
    public ConfigSnapshot snapshot(SeedConfig config, Caller author, String source, long auditSeq) {
        String canonical = SeedConfigJson.canonical(config);
        return new ConfigSnapshot(ConfigSnapshot.KIND, config.version(), canonical, AuditHasher.sha256Hex(canonical), source,
                author.sub(), author.email(), clock.instant().toString(), auditSeq);
    }

    /** A transaction write of a new version; it fails if that version exists already. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> putNew(ConfigSnapshot snapshot) {
        var put = TransactPutItemEnhancedRequest.builder(ConfigSnapshot.class)
                .item(snapshot)
                .conditionExpression(Expression.builder()
                        .expression("attribute_not_exists(#version)")
                        .putExpressionName("#version", "version")
                        .build())
                .build();
        return request -> request.addPutItem(table, put);
    }

    /** What an audit entry records of a snapshot: its version, hash and source (the content is in the snapshot). */
    public static Map<String, Object> summary(ConfigSnapshot snapshot) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", snapshot.version());
        out.put("configHash", snapshot.configHash());
        out.put("source", snapshot.source());
        return out;
    }
}
