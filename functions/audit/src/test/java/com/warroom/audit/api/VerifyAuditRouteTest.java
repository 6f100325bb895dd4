package com.warroom.audit.api;

import static com.warroom.audit.api.AuditApi.assertProblem;
import static com.warroom.audit.api.AuditApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@code GET /v1/admin/audit/verify}. Each tampering test edits rows of the shared chain behind the
 * log's back with the low-level client, then puts the saved rows back exactly, so the chain is intact
 * again for every other test of this JVM (checked after each test). Powertools metrics are recorded for
 * the whole class, so every break is also checked to count one {@code AuditChainTampered}.
 */
@ExtendWith(EmbeddedStackExtension.class)
class VerifyAuditRouteTest {

    private static AuditApi api;
    private static DynamoDbTable<AuditEntry> table;
    private static RecordedMetrics metrics;

    /** Entries written for the current test, oldest first; the chain's head before them is mine.get(0).seq() - 1. */
    private List<AuditEntry> mine;
    /** The rows a test changed, as they were, to put back whatever happens. */
    private final Map<Long, Map<String, AttributeValue>> saved = new HashMap<>();
    /** Rows a test added that were not there. */
    private final List<Long> added = new ArrayList<>();

    @BeforeAll
    static void start(EmbeddedStack stack) {
        metrics = RecordedMetrics.install();
        api = new AuditApi(stack);
        table = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build()
                .table(Topology.AUDIT.localName(), AuditEntry.SCHEMA);
    }

    @AfterAll
    static void stopRecordingMetrics() {
        metrics.close();
    }

    @BeforeEach
    void writeFiveEntries() {
        String actor = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        mine = IntStream.range(0, 5)
                .mapToObj(i -> api.append(actor, "flag.set", "flag:contribute@round:V" + i, "{\"enabled\":false}"))
                .toList();
        assertThat(api.trail.verify().ok()).as("the chain is intact before tampering").isTrue();
        metrics.clear();
    }

    @AfterEach
    void restoreTheChain() {
        added.forEach(api::deleteRaw);
        saved.values().forEach(api::putRaw);
        JsonNode verified = ok(api.verify());
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("headSeq").asLong()).isEqualTo(mine.getLast().seq());
        assertThat(verified.path("headHash").asText()).isEqualTo(mine.getLast().hash());
        assertThat(metrics.points()).as("an intact chain counts no break").isEmpty();
    }

    private Map<String, AttributeValue> save(long seq) {
        Map<String, AttributeValue> row = api.rawRow(seq);
        assertThat(row).isNotEmpty();
        saved.putIfAbsent(seq, row);
        return row;
    }

    /** Verifies through the route, expecting a break, which is also counted as one flushed metric. */
    private static JsonNode broken() {
        JsonNode verified = ok(api.verify());
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isFalse();
        assertThat(metrics.points()).containsExactly(
                new RecordedMetrics.Point(com.warroom.audit.AuditChainTampered.METRIC, 1, MetricUnit.COUNT, true));
        metrics.clear();
        assertThat(verified.has("headSeq")).as("a broken chain has no trustworthy head").isFalse();
        assertThat(verified.has("headHash")).isFalse();
        return verified;
    }

    @Test
    void verify_onIntactChain_isOkAndCountsEveryEntry() {
        JsonNode verified = ok(api.verify());

        long head = mine.getLast().seq();
        assertThat(verified.path("ok").asBoolean()).isTrue();
        assertThat(verified.path("entries").asLong()).isEqualTo(head).as("every item but the head's").isEqualTo(api.auditItemCount() - 1);
        assertThat(verified.path("headSeq").asLong()).isEqualTo(head);
        assertThat(verified.path("headHash").asText()).isEqualTo(mine.getLast().hash());
        assertThat(verified.has("brokenAt")).isFalse();
        assertThat(verified.has("problem")).isFalse();
    }

    @Test
    void verify_whenMoreEntriesAreAppended_countsThemToo() {
        long before = ok(api.verify()).path("entries").asLong();
        AuditEntry next = api.append("ops-erin", "flag.set", "flag:refund@global", "{\"enabled\":false}");
        mine = List.of(next);

        JsonNode verified = ok(api.verify());

        assertThat(verified.path("entries").asLong()).isEqualTo(before + 1);
        assertThat(verified.path("headHash").asText()).isEqualTo(next.hash());
    }

    /** Which field of a stored entry a tamperer rewrites. */
    enum EditedField {
        reason, after, actorSub, at
    }

    @ParameterizedTest
    @EnumSource(EditedField.class)
    void verify_whenAMiddleEntryIsEdited_isBrokenAtThatEntry(EditedField field) {
        AuditEntry victim = mine.get(2);
        Map<String, AttributeValue> row = new HashMap<>(save(victim.seq()));
        row.put(field.name(), AttributeValue.fromS(switch (field) {
            case reason -> "Nothing to see here";
            case after -> "{\"enabled\":true}";
            case actorSub -> "someone-else";
            case at -> "2020-01-01T00:00:00Z";
        }));
        api.putRaw(row);

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(victim.seq());
        assertThat(verified.path("entries").asLong()).isEqualTo(victim.seq() - 1);
        assertThat(verified.path("problem").asText()).contains("content does not match its hash");
    }

    @Test
    void verify_whenAnAttributeIsAddedToAMiddleEntry_isNotBroken() {
        // the hash covers the entry's fields only; an extra attribute is invisible to the chain (and to readers)
        AuditEntry victim = mine.get(2);
        Map<String, AttributeValue> row = new HashMap<>(save(victim.seq()));
        row.put("note", AttributeValue.fromS("added later"));
        api.putRaw(row);

        assertThat(ok(api.verify()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void verify_whenAMiddleEntryIsDeleted_isBrokenAtTheMissingPosition() {
        AuditEntry victim = mine.get(2);
        save(victim.seq());
        api.deleteRaw(victim.seq());

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(victim.seq());
        assertThat(verified.path("entries").asLong()).isEqualTo(victim.seq() - 1);
        assertThat(verified.path("problem").asText()).contains("entry " + victim.seq() + " is missing");
    }

    @Test
    void verify_whenAnEditedEntryIsRehashed_isBrokenAtTheNextLink() {
        AuditEntry victim = mine.get(2);
        save(victim.seq());
        AuditEntry edited = new AuditEntry(victim.chain(), victim.seq(), victim.id(), victim.at(), victim.actorSub(),
                victim.actorEmail(), victim.actorRoles(), victim.action(), victim.target(), victim.before(),
                "{\"enabled\":true}", "Rewritten reason", victim.requestId(), victim.sourceIp(), victim.prevHash(), null);
        AuditEntry rehashed = withHash(edited, AuditHasher.hash(edited));
        table.putItem(rehashed);

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(victim.seq() + 1);
        assertThat(verified.path("entries").asLong()).as("the rehashed entry itself checks out").isEqualTo(victim.seq());
        assertThat(verified.path("problem").asText()).contains("prevHash");
    }

    @Test
    void verify_whenAWholeTailIsRehashedFromAnEditedEntry_isBrokenAtTheHead() {
        // a hash chain alone cannot catch a tamperer who rewrites everything after the edit; the sealed head can
        String prevHash = mine.get(1).hash();
        for (AuditEntry e : mine.subList(2, mine.size())) {
            save(e.seq());
            AuditEntry relinked = new AuditEntry(e.chain(), e.seq(), e.id(), e.at(), e.actorSub(), e.actorEmail(),
                    e.actorRoles(), e.action(), e.target(), e.before(), e.after(),
                    e == mine.get(2) ? "Rewritten reason" : e.reason(), e.requestId(), e.sourceIp(), prevHash, null);
            relinked = withHash(relinked, AuditHasher.hash(relinked));
            table.putItem(relinked);
            prevHash = relinked.hash();
        }

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(mine.getLast().seq());
        assertThat(verified.path("problem").asText()).contains("is not the one its head was sealed over");
    }

    @Test
    void verify_whenAnEntryIsForgedAfterTheHeadWithAFreshChainLink_isBrokenThere() {
        AuditEntry head = mine.getLast();
        AuditEntry forged = forgedAfter(head, AuditHasher.GENESIS);
        table.putItem(withHash(forged, AuditHasher.hash(forged)));
        added.add(forged.seq());

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(head.seq() + 1);
        assertThat(verified.path("entries").asLong()).isEqualTo(head.seq());
        assertThat(verified.path("problem").asText()).contains("lies past the head");
    }

    @Test
    void verify_whenAnEntryIsForgedAfterTheHeadWithACopiedHash_isBrokenThere() {
        AuditEntry head = mine.getLast();
        AuditEntry forged = forgedAfter(head, head.hash());
        table.putItem(withHash(forged, head.hash()));
        added.add(forged.seq());

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(head.seq() + 1);
        assertThat(verified.path("problem").asText()).contains("lies past the head");
    }

    @Test
    void verify_whenAnEntryIsSlippedInBetweenTwoOthers_isBrokenAtTheShiftedEntry() {
        // no free position between two sequence numbers, so the forger overwrites one with its own entry
        AuditEntry victim = mine.get(2);
        save(victim.seq());
        AuditEntry forged = forgedAfter(mine.get(1), mine.get(1).hash());
        table.putItem(withHash(forged, AuditHasher.hash(forged)));

        JsonNode verified = broken();

        assertThat(verified.path("brokenAt").asLong()).isEqualTo(victim.seq() + 1);
        assertThat(verified.path("problem").asText()).contains("prevHash");
    }

    @Test
    void verify_whenCalledTwiceOnABrokenChain_countsEachCallOnce() {
        save(mine.get(1).seq());
        api.deleteRaw(mine.get(1).seq());

        broken();
        broken();
    }

    @Test
    void verify_withAQueryParameter_answers400() {
        var response = api.call(HttpEvents.route(VerifyAuditAction.ROUTE).caller("root", Role.SUPER_ADMIN)
                .query("from", "1").build());

        assertProblem(response, 400, "from");
    }

    @Test
    void verify_withoutToken_answers401() {
        assertProblem(api.call(HttpEvents.route(VerifyAuditAction.ROUTE).build()), 401, null);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "SERVICE", "REVIEWER"})
    void verify_whenRoleMayNotReadTheAudit_answers403(Role role) {
        assertProblem(api.call(HttpEvents.route(VerifyAuditAction.ROUTE).caller("mallory", role).build()), 403, null);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE"})
    void verify_whenRoleMayReadTheAudit_answers200(Role role) {
        JsonNode verified = ok(api.call(HttpEvents.route(VerifyAuditAction.ROUTE).caller("reader", role).build()));

        assertThat(verified.path("ok").asBoolean()).isTrue();
    }

    private static AuditEntry forgedAfter(AuditEntry previous, String prevHash) {
        return new AuditEntry(previous.chain(), previous.seq() + 1, UUID.randomUUID().toString(), previous.at(),
                "root-forger", "forger@evil.example", List.of("super_admin"), "flag.set", "flag:payout@global",
                "{\"enabled\":false}", "{\"enabled\":true}", "Forged approval", "req-forged", "198.51.100.66", prevHash, null);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.chain(), e.seq(), e.id(), e.at(), e.actorSub(), e.actorEmail(), e.actorRoles(),
                e.action(), e.target(), e.before(), e.after(), e.reason(), e.requestId(), e.sourceIp(), e.prevHash(), hash);
    }
}
