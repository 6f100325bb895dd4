package com.warroom.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditChainTampered;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.audit.AuditHead;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.ChainVerification;
import com.warroom.audit.RequestOrigin;
import com.warroom.audit.anchor.AnchorOutcome;
import com.warroom.audit.anchor.IntegrityAnchor;
import com.warroom.aws.AwsClients;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagSeal;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The insider of issue 8: someone with direct write access to the audit and flags tables (console, CLI, a leaked
 * role) rewrites, adds and deletes items with the low-level client, and restores old items they saved. Every case
 * must be refused or detected: by the sealed head, by the anchors outside the table, or by both. Each test anchors
 * into a bucket of its own (anchors are write-once, so none could be taken back) and puts every item it changed
 * back as it was.
 */
@ExtendWith(EmbeddedStackExtension.class)
class InsiderTest {

    private static final Caller OPS = new Caller("ops-insider-test", "ops@warroom.example", Set.of(Role.OPS));

    private static AuditApi api;
    private static DynamoDbClient dynamo;
    private static DynamoDbTable<AuditEntry> entries;
    private static Sealer sealer;
    private static FlagStore flags;
    private static AuditLog log;
    private static S3Client s3;

    private AuditTrail trail;
    private IntegrityAnchor anchor;
    private AnchorStore anchors;
    private List<AuditEntry> mine;
    private final Map<Long, Map<String, AttributeValue>> savedEntries = new HashMap<>();
    private final List<Map<String, AttributeValue>> addedKeys = new ArrayList<>();
    private Map<String, AttributeValue> savedHead;
    private List<Map<String, AttributeValue>> savedFlagItems;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new AuditApi(stack);
        dynamo = stack.dynamoDb();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        entries = enhanced.table(Topology.AUDIT.localName(), AuditEntry.SCHEMA);
        sealer = KmsSealer.forKey(Topology.SEALS);
        flags = new FlagStore(enhanced, Topology.FLAGS.localName(), sealer, Clock.systemUTC());
        log = new AuditLog(enhanced, Topology.AUDIT.localName(), sealer, Clock.systemUTC());
        s3 = AwsClients.s3();
    }

    @BeforeEach
    void freshBucketAndFiveEntries() {
        String bucket = "insider-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        anchors = new AnchorStore(s3, bucket);
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        trail = new AuditTrail(enhanced, Topology.AUDIT.localName(), sealer, anchors);
        anchor = new IntegrityAnchor(trail, flags, anchors, sealer, Clock.systemUTC());
        String actor = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        mine = IntStream.range(0, 5)
                .mapToObj(i -> api.append(actor, "flag.set", "flag:contribute@round:I" + i, "{\"enabled\":false}"))
                .toList();
        assertThat(trail.verify().ok()).as("intact before the insider acts").isTrue();
        savedHead = null;
    }

    @AfterEach
    void putEverythingBack() {
        addedKeys.forEach(key -> dynamo.deleteItem(b -> b.tableName(Topology.AUDIT.localName()).key(key)));
        savedEntries.values().forEach(api::putRaw);
        if (savedHead != null) {
            api.putRaw(savedHead);
        }
        if (savedFlagItems != null) {
            restoreFlagItems(savedFlagItems);
        }
        ChainVerification verified = trail.verify();
        assertThat(verified.ok()).as("the chain is whole again: %s", verified).isTrue();
    }

    // --- the audit chain ---

    @Test
    void chainRewrittenToTheHead_withRecomputedHashes_isDetectedByTheSealedHead() {
        String prevHash = mine.get(1).hash();
        for (AuditEntry e : mine.subList(2, mine.size())) {
            saveEntry(e.seq());
            AuditEntry relinked = rehashed(withReason(e, e == mine.get(2) ? "Nothing happened here" : e.reason(), prevHash));
            entries.putItem(relinked);
            prevHash = relinked.hash();
        }

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.brokenAt()).isEqualTo(mine.getLast().seq());
        assertThat(verified.problem()).contains("is not the one its head was sealed over");
        assertThat(anchor.run().auditHead().problem()).contains("is not the one its head was sealed over");
    }

    @Test
    void chainRewrittenToTheHead_andTheHeadPointedAtTheNewHash_breaksTheHeadSeal() {
        String prevHash = mine.get(1).hash();
        for (AuditEntry e : mine.subList(2, mine.size())) {
            saveEntry(e.seq());
            AuditEntry relinked = rehashed(withReason(e, e.reason() + " (edited)", prevHash));
            entries.putItem(relinked);
            prevHash = relinked.hash();
        }
        Map<String, AttributeValue> head = new HashMap<>(saveHead());
        head.put("headHash", AttributeValue.fromS(prevHash));
        api.putRaw(head);

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).contains("audit head (seq " + mine.getLast().seq() + ") does not match its seal");
        assertThat(anchor.run().auditHead().tampered()).isTrue();
        assertThatThrownBy(() -> appendOne()).isInstanceOf(AuditChainTampered.class).hasMessageContaining("does not match its seal");
    }

    @Test
    void headDeleted_isTampering_andNothingIsAppendedOnTopOfIt() {
        saveHead();
        dynamo.deleteItem(b -> b.tableName(Topology.AUDIT.localName()).key(headKey()));

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).isEqualTo("the audit head is missing while the chain has entries");
        assertThatThrownBy(() -> appendOne()).isInstanceOf(AuditChainTampered.class);
        assertThat(api.rawRow(mine.getLast().seq() + 1)).as("nothing appended").isEmpty();
        assertThat(anchor.run().auditHead().tampered()).isTrue();
    }

    @Test
    void verifyRoute_onAMissingHead_answersNotOkAndNamesIt() {
        saveHead();
        dynamo.deleteItem(b -> b.tableName(Topology.AUDIT.localName()).key(headKey()));

        JsonNode verified = AuditApi.ok(api.verify());

        assertThat(verified.path("ok").asBoolean()).isFalse();
        assertThat(verified.path("problem").asText()).contains("audit head is missing");
    }

    @Test
    void newestRowsDeleted_withTheHeadKept_isDetected() {
        for (AuditEntry e : mine.subList(3, 5)) {
            saveEntry(e.seq());
            api.deleteRaw(e.seq());
        }

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).contains("the chain ends at seq " + mine.get(2).seq() + " but its head is at seq "
                + mine.getLast().seq());
    }

    @Test
    void newestRowsDeleted_andAnOlderHeadRestored_isCaughtByTheAnchor() {
        // the insider saved the head item when the chain ended at mine[2], with its genuine MAC
        saveHead();
        Map<String, AttributeValue> olderHead = headSealedAt(mine.get(2));
        assertThat(anchor.run().auditHead()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.ANCHORED, mine.getLast().seq(), null));
        for (AuditEntry e : mine.subList(3, 5)) {
            saveEntry(e.seq());
            api.deleteRaw(e.seq());
        }
        api.putRaw(olderHead);

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).contains("the chain ends at seq " + mine.get(2).seq() + " but was anchored at seq "
                + mine.getLast().seq());
        AnchorOutcome run = anchor.run().auditHead();
        assertThat(run.tampered()).isTrue();
        assertThat(anchors.newest(Anchor.AUDIT_HEAD).orElseThrow().seq()).as("nothing anchored over it").isEqualTo(mine.getLast().seq());
    }

    @Test
    void newestRowsDeleted_andAnOlderHeadRestored_beforeAnyAnchor_looksWholeToTheChainAlone() {
        // the window the anchors leave: what happened since the last anchor (at most 5 minutes) can be cut off unseen
        saveHead();
        Map<String, AttributeValue> olderHead = headSealedAt(mine.get(2));
        for (AuditEntry e : mine.subList(3, 5)) {
            saveEntry(e.seq());
            api.deleteRaw(e.seq());
        }
        api.putRaw(olderHead);

        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void tailRewritten_afterAnAnchor_isCaughtByTheHeadAndByTheAnchor() {
        anchor.run();
        // rewrite from mine[1] to the end with recomputed hashes, then let a genuine append seal the forged tail
        String prevHash = mine.get(0).hash();
        for (AuditEntry e : mine.subList(1, 5)) {
            saveEntry(e.seq());
            AuditEntry relinked = rehashed(withReason(e, e.reason() + " (edited)", prevHash));
            entries.putItem(relinked);
            prevHash = relinked.hash();
        }
        // the head's seal still holds, so verify finds the tail's last entry differs from what the head was sealed over
        ChainVerification verified = trail.verify();
        assertThat(verified.ok()).isFalse();
        assertThat(anchor.run().auditHead().problem()).contains("entry " + mine.getLast().seq() + " is not the one anchored at");
    }

    @Test
    void anEntryPutInAnotherPartition_isNotListed_andTheChainStaysWhole() {
        String actor = "zz-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "flag:payout@user:" + actor;
        AuditEntry outside = rehashed(new AuditEntry("zz", mine.getLast().seq(), UUID.randomUUID().toString(), mine.getLast().at(),
                actor, "x@evil.example", List.of("super_admin"), "flag.set", target, null, "{\"enabled\":true}",
                "Looks official", "req-zz", "198.51.100.1", mine.getLast().hash(), null));
        entries.putItem(outside);
        addedKeys.add(Map.of("chain", AttributeValue.fromS("zz"), "seq", AttributeValue.fromN(Long.toString(outside.seq()))));

        assertThat(trail.newest(new AuditQuery(Optional.empty(), Optional.of(actor), 50, Optional.empty()))).isEmpty();
        assertThat(trail.newest(new AuditQuery(Optional.of(target), Optional.empty(), 50, Optional.empty()))).isEmpty();
        assertThat(AuditApi.ok(api.list(Map.of("actor", actor))).path("entries")).isEmpty();
        assertThat(AuditApi.ok(api.list(Map.of("target", target))).path("entries")).isEmpty();
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void anEntryPutPastTheHead_isNotListed_andBreaksTheChain() {
        AuditEntry last = mine.getLast();
        String actor = "past-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEntry forged = rehashed(new AuditEntry(AuditLog.MAIN_CHAIN, last.seq() + 1, UUID.randomUUID().toString(), last.at(),
                actor, "x@evil.example", List.of("super_admin"), "flag.set", "flag:payout@global", null, "{\"enabled\":true}",
                "Looks official", "req-past", "198.51.100.1", last.hash(), null));
        entries.putItem(forged);
        addedKeys.add(Map.of("chain", AttributeValue.fromS(AuditLog.MAIN_CHAIN), "seq", AttributeValue.fromN(Long.toString(forged.seq()))));

        assertThat(trail.newest(new AuditQuery(Optional.empty(), Optional.of(actor), 50, Optional.empty()))).isEmpty();
        assertThat(trail.newest(new AuditQuery(Optional.empty(), Optional.empty(), 1, Optional.empty())).getFirst().seq())
                .isEqualTo(last.seq());
        ChainVerification verified = trail.verify();
        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).contains("entry " + forged.seq() + " lies past the head");
    }

    @Test
    void aForgedAnchor_isReportedAsNotWrittenByWarroom() {
        Anchor forged = new Anchor(Anchor.AUDIT_HEAD, mine.getLast().seq() + 100, "f".repeat(64), null, "bm90IGEgbWFj", "key", "2026-01-01T00:00:00Z");
        s3.putObject(b -> b.bucket(bucketOf(anchors)).key(AnchorStore.key(forged.kind(), forged.seq())).ifNoneMatch("*"),
                RequestBody.fromString(com.warroom.json.Json.write(forged)));

        ChainVerification verified = trail.verify();

        assertThat(verified.ok()).isFalse();
        assertThat(verified.problem()).contains("does not carry a valid seal");
        assertThat(anchor.run().auditHead().tampered()).isTrue();
        // a fresh bucket for putEverythingBack's check: the forged anchor cannot be deleted
        freshTrailOnNewBucket();
    }

    @Test
    void anchorRuns_anchorOnlyWhenTheHeadMovedOn() {
        assertThat(anchor.run().auditHead().status()).isEqualTo(AnchorOutcome.Status.ANCHORED);
        assertThat(anchor.run().auditHead()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.UNCHANGED, mine.getLast().seq(), null));
        AuditEntry next = appendOne();

        assertThat(anchor.run().auditHead()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.ANCHORED, next.seq(), null));
        Anchor newest = anchors.newest(Anchor.AUDIT_HEAD).orElseThrow();
        assertThat(newest.seq()).isEqualTo(next.seq());
        assertThat(newest.hash()).isEqualTo(next.hash());
        assertThat(trail.verify().anchoredSeq()).isEqualTo(next.seq());
    }

    // --- the kill switches ---

    @Test
    void flagRowsAndSealRolledBack_toAnOlderSealedState_isCaughtByTheAnchor() {
        setFlag(Flag.REFUND, new FlagScope.Global(), false);
        List<Map<String, AttributeValue>> older = flagItems();
        setFlag(Flag.REFUND, new FlagScope.Global(), true);
        savedFlagItems = flagItems();
        AnchorOutcome anchored = anchor.run().flagSeal();
        assertThat(anchored.status()).isEqualTo(AnchorOutcome.Status.ANCHORED);

        restoreFlagItems(older);

        assertThat(flags.load()).as("the old rows with their old seal verify on their own").isInstanceOf(FlagStore.Load.Trusted.class);
        AnchorOutcome run = anchor.run().flagSeal();
        assertThat(run.tampered()).isTrue();
        assertThat(run.problem()).contains("older rows were put back with their old seal");
    }

    @Test
    void everyFlagRowAndTheSealWiped_isCaughtByTheAnchor() {
        setFlag(Flag.PAYOUT, new FlagScope.Global(), false);
        savedFlagItems = flagItems();
        assertThat(anchor.run().flagSeal().status()).isEqualTo(AnchorOutcome.Status.ANCHORED);

        savedFlagItems.forEach(item -> dynamo.deleteItem(b -> b.tableName(Topology.FLAGS.localName())
                .key(Map.of("flag", item.get("flag"), "scope", item.get("scope")))));

        assertThat(flags.load()).as("an empty table looks like a fresh install").isInstanceOf(FlagStore.Load.Trusted.class);
        AnchorOutcome run = anchor.run().flagSeal();
        assertThat(run.tampered()).isTrue();
        assertThat(run.problem()).contains("every flag row and the seal are gone");
    }

    @Test
    void flagSealAnchors_followEveryChange() {
        setFlag(Flag.CLAIM_SBT, new FlagScope.Global(), false);
        long version = flags.storedSeal().orElseThrow().version();
        assertThat(anchor.run().flagSeal()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.ANCHORED, version, null));
        assertThat(anchor.run().flagSeal()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.UNCHANGED, version, null));
        setFlag(Flag.CLAIM_SBT, new FlagScope.Global(), true);

        assertThat(anchor.run().flagSeal()).isEqualTo(new AnchorOutcome(AnchorOutcome.Status.ANCHORED, version + 1, null));
        Anchor newest = anchors.newest(Anchor.FLAG_SEAL).orElseThrow();
        assertThat(newest.count()).isEqualTo(((FlagStore.Load.Trusted) flags.load()).snapshot().records().size());
        assertThat(newest.hash()).isEqualTo(FlagSeal.rowsDigest(((FlagStore.Load.Trusted) flags.load()).snapshot().records()));
    }

    // --- helpers ---

    private AuditEntry appendOne() {
        AuditDraft draft = new AuditDraft(OPS, "flag.set", "flag:refund@round:insider", null, "{\"enabled\":false}",
                "Insider test append", new RequestOrigin("req-" + UUID.randomUUID(), "203.0.113.9"));
        return log.commit(seq -> new AuditedChange.Write<>(List.of(), draft, entry -> entry));
    }

    private void setFlag(Flag flag, FlagScope scope, boolean enabled) {
        log.commit(seq -> {
            var trusted = (FlagStore.Load.Trusted) flags.load();
            FlagRecord current = trusted.current(flag, scope);
            FlagRecord next = new FlagRecord(flag.key(), scope.key(), enabled, "insider test", OPS.sub(), OPS.email(),
                    Clock.systemUTC().instant().toString(), current.version() + 1, seq);
            AuditDraft draft = new AuditDraft(OPS, "flag.set", "flag:" + flag.key() + "@" + scope.key(), null,
                    "{\"enabled\":" + enabled + "}", "insider test", new RequestOrigin("req-" + UUID.randomUUID(), "203.0.113.9"));
            return new AuditedChange.Write<>(flags.change(trusted, next), draft, entry -> entry);
        });
    }

    private static List<Map<String, AttributeValue>> flagItems() {
        return dynamo.scan(b -> b.tableName(Topology.FLAGS.localName()).consistentRead(true)).items();
    }

    private static void restoreFlagItems(List<Map<String, AttributeValue>> items) {
        flagItems().forEach(item -> dynamo.deleteItem(b -> b.tableName(Topology.FLAGS.localName())
                .key(Map.of("flag", item.get("flag"), "scope", item.get("scope")))));
        items.forEach(item -> dynamo.putItem(b -> b.tableName(Topology.FLAGS.localName()).item(item)));
    }

    private void freshTrailOnNewBucket() {
        String bucket = "insider-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        anchors = new AnchorStore(s3, bucket);
        trail = new AuditTrail(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), Topology.AUDIT.localName(), sealer, anchors);
    }

    private String bucketOf(AnchorStore store) {
        return store.bucket();
    }

    /** The head item as the log sealed it when {@code entry} was the newest: what an insider who saved it then holds. */
    private static Map<String, AttributeValue> headSealedAt(AuditEntry entry) {
        Map<String, AttributeValue> head = new HashMap<>(rawHead());
        head.put("headSeq", AttributeValue.fromN(Long.toString(entry.seq())));
        head.put("headHash", AttributeValue.fromS(entry.hash()));
        head.put("mac", AttributeValue.fromS(sealer.seal(AuditHead.canonical(entry.seq(), entry.hash())).mac()));
        return head;
    }

    private Map<String, AttributeValue> saveHead() {
        savedHead = rawHead();
        return savedHead;
    }

    private void saveEntry(long seq) {
        savedEntries.putIfAbsent(seq, api.rawRow(seq));
    }

    private static Map<String, AttributeValue> rawHead() {
        return dynamo.getItem(b -> b.tableName(Topology.AUDIT.localName()).key(headKey()).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> headKey() {
        return Map.of("chain", AttributeValue.fromS(AuditHead.PARTITION), "seq", AttributeValue.fromN("0"));
    }

    private static AuditEntry withReason(AuditEntry e, String reason, String prevHash) {
        return new AuditEntry(e.chain(), e.seq(), e.id(), e.at(), e.actorSub(), e.actorEmail(), e.actorRoles(), e.action(),
                e.target(), e.before(), e.after(), reason, e.requestId(), e.sourceIp(), prevHash, null);
    }

    private static AuditEntry rehashed(AuditEntry e) {
        return new AuditEntry(e.chain(), e.seq(), e.id(), e.at(), e.actorSub(), e.actorEmail(), e.actorRoles(), e.action(),
                e.target(), e.before(), e.after(), e.reason(), e.requestId(), e.sourceIp(), e.prevHash(), AuditHasher.hash(e));
    }
}
