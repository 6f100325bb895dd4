package com.warroom.audit;

import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.anchor.AnchorsUnavailable;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Reads the audit chain: lists entries and verifies that nothing was edited, added or removed. The chain is trusted
 * as far as its sealed {@link AuditHead} and the newest {@link Anchor} of that head outside the table vouch for it.
 */
public final class AuditTrail {

    private final DynamoDbTable<AuditEntry> table;
    private final DynamoDbTable<AuditHead> heads;
    private final DynamoDbIndex<AuditEntry> byTarget;
    private final DynamoDbIndex<AuditEntry> byActor;
    private final Sealer sealer;
    private final AnchorStore anchors;

    public AuditTrail(DynamoDbEnhancedClient client, String tableName, Sealer sealer, AnchorStore anchors) {
        this.table = client.table(tableName, AuditEntry.SCHEMA);
        this.heads = client.table(tableName, AuditHead.SCHEMA);
        this.byTarget = table.index("byTarget");
        this.byActor = table.index("byActor");
        this.sealer = sealer;
        this.anchors = anchors;
    }

    /** Over the table and the anchor bucket named in the environment, checking seals with the topology's seal key. */
    public static AuditTrail fromSettings(DynamoDbEnhancedClient client) {
        return new AuditTrail(client, Settings.require(Topology.AUDIT.envVar()), KmsSealer.forKey(Topology.SEALS),
                new AnchorStore(AwsClients.s3(), Settings.require(Topology.ANCHORS.nameEnvVar())));
    }

    /**
     * Entries of the main chain at or below its head, newest first. The indexes hold every item with a target or an
     * actor, so entries written outside the log into another partition, or past the head, are left out here.
     */
    public List<AuditEntry> newest(AuditQuery query) {
        long headSeq = storedHead().map(AuditHead::headSeq).orElse(Long.MAX_VALUE - 1);
        long below = Math.min(query.beforeSeq().orElse(Long.MAX_VALUE), headSeq + 1);
        Stream<AuditEntry> entries;
        if (query.target().isPresent()) {
            entries = fromIndex(byTarget, query.target().get(), below)
                    .filter(e -> query.actorSub().map(a -> a.equals(e.actorSub())).orElse(true));
        } else if (query.actorSub().isPresent()) {
            entries = fromIndex(byActor, query.actorSub().get(), below);
        } else {
            entries = table.query(request(AuditLog.MAIN_CHAIN, below).consistentRead(true).build()).items().stream();
        }
        return entries.filter(e -> AuditLog.MAIN_CHAIN.equals(e.chain()) && e.seq() <= headSeq).limit(query.limit()).toList();
    }

    public Optional<AuditHead> storedHead() {
        return Optional.ofNullable(heads.getItem(GetItemEnhancedRequest.builder().key(AuditHead.KEY).consistentRead(true).build()));
    }

    public Optional<AuditEntry> entry(long seq) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(seq).build()).consistentRead(true).build()));
    }

    /**
     * Walks the whole chain: every entry's hash and link, the head's seal, that the chain ends exactly at the head, and
     * that the newest anchor is still part of it.
     *
     * @throws SealingUnavailable when a seal cannot be checked
     */
    public ChainVerification verify() {
        Optional<Anchor> anchor;
        String anchorsUnreadable = null;
        try {
            anchor = anchors.newest(Anchor.AUDIT_HEAD);
        } catch (AnchorsUnavailable e) {
            anchor = Optional.empty();
            anchorsUnreadable = e.getMessage();
        }
        Optional<AuditHead> head = storedHead();
        if (head.isEmpty()) {
            // the head item (seq 0) is what is missing
            Optional<String> headless = whyHeadless(anchor);
            return headless.isPresent() ? ChainVerification.broken(0, 0, headless.get(), anchor)
                    : ChainVerification.intact(0, null, null, anchor, anchorsUnreadable);
        }
        Optional<String> headBroken = whyHeadUntrusted(head.get());
        if (headBroken.isPresent()) {
            return ChainVerification.broken(0, head.get().headSeq(), headBroken.get(), anchor);
        }
        Optional<SegmentBreak> broken = checkSegment(0, AuditHasher.GENESIS, head.get());
        if (broken.isPresent()) {
            return ChainVerification.broken(broken.get().checked(), broken.get().at(), broken.get().problem(), anchor);
        }
        if (anchor.isPresent()) {
            Optional<String> off = whyAnchorDoesNotFit(anchor.get(), head.get());
            if (off.isPresent()) {
                return ChainVerification.broken(head.get().headSeq(), Math.min(anchor.get().seq(), head.get().headSeq() + 1),
                        off.get(), anchor);
            }
        }
        return ChainVerification.intact(head.get().headSeq(), head.get().headSeq(), head.get().headHash(), anchor, anchorsUnreadable);
    }

    /**
     * Why a chain without a head item is not simply new: the head is missing while the chain has entries, or the chain
     * and its head are gone though {@code anchor} shows there was a chain. Empty for a chain that never had an entry.
     */
    public Optional<String> whyHeadless(Optional<Anchor> anchor) {
        if (entry(1).isPresent()) {
            return Optional.of("the audit head is missing while the chain has entries");
        }
        return anchor.map(a -> "the audit chain and its head are gone, but the chain was anchored at seq " + a.seq()
                + " (" + a.anchoredAt() + ")");
    }

    /** Why the head cannot be trusted (its MAC does not match), or empty when it can. */
    public Optional<String> whyHeadUntrusted(AuditHead head) {
        return switch (sealer.verify(head.canonical(), head.seal())) {
            case Verification.Valid valid -> Optional.empty();
            case Verification.Invalid invalid -> Optional.of("the audit head (seq " + head.headSeq() + ") does not match its seal");
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    /**
     * Why a trusted head does not continue from the anchor: the anchor itself is not sealed (put in the bucket by
     * hand), the chain is shorter than the anchor, or the anchored entry's hash changed. Empty when it continues.
     */
    public Optional<String> whyAnchorDoesNotFit(Anchor anchor, AuditHead head) {
        switch (sealer.verify(AuditHead.canonical(anchor.seq(), anchor.hash()), anchor.seal())) {
            case Verification.Valid valid -> { }
            case Verification.Invalid invalid -> {
                return Optional.of("the newest anchor (seq " + anchor.seq() + ", " + anchor.anchoredAt()
                        + ") does not carry a valid seal: it was not written by Warroom");
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        if (anchor.seq() > head.headSeq()) {
            return Optional.of("the chain ends at seq " + head.headSeq() + " but was anchored at seq " + anchor.seq() + " ("
                    + anchor.anchoredAt() + "): newer entries were deleted and an older head put back");
        }
        if (anchor.seq() == 0) {
            return Optional.empty();
        }
        Optional<AuditEntry> anchored = entry(anchor.seq());
        if (anchored.isEmpty() || !Objects.equals(anchored.get().hash(), anchor.hash())) {
            return Optional.of("entry " + anchor.seq() + " is not the one anchored at " + anchor.anchoredAt()
                    + ": the chain was rewritten from there");
        }
        return Optional.empty();
    }

    /** Where a walk of part of the chain found it broken, after {@code checked} sound entries. */
    public record SegmentBreak(long checked, long at, String problem) {
    }

    /**
     * Walks the entries after {@code afterSeq} (whose hash is {@code afterHash}) up to the head: each must be at the
     * next seq, link to the one before, match its own hash, and the last must be the head's.
     */
    public Optional<SegmentBreak> checkSegment(long afterSeq, String afterHash, AuditHead head) {
        long expectedSeq = afterSeq + 1;
        String prevHash = afterHash;
        var pages = table.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(afterSeq + 1).build(),
                        Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(head.headSeq()).build()))
                .scanIndexForward(true)
                .consistentRead(true)
                .build());
        for (AuditEntry entry : pages.items()) {
            long checked = expectedSeq - 1 - afterSeq;
            if (entry.seq() != expectedSeq) {
                return Optional.of(new SegmentBreak(checked, expectedSeq,
                        "entry " + expectedSeq + " is missing (next present is " + entry.seq() + ")"));
            }
            if (!Objects.equals(entry.prevHash(), prevHash)) {
                return Optional.of(new SegmentBreak(checked, entry.seq(), "prevHash does not match the hash of entry " + (entry.seq() - 1)));
            }
            if (!Objects.equals(AuditHasher.hash(entry), entry.hash())) {
                return Optional.of(new SegmentBreak(checked, entry.seq(), "the entry's content does not match its hash"));
            }
            prevHash = entry.hash();
            expectedSeq++;
        }
        long last = expectedSeq - 1;
        long checked = last - afterSeq;
        if (last < head.headSeq()) {
            return Optional.of(new SegmentBreak(checked, last + 1, "the chain ends at seq " + last + " but its head is at seq "
                    + head.headSeq() + ": the newest entries were deleted"));
        }
        if (!Objects.equals(prevHash, head.headHash())) {
            return Optional.of(new SegmentBreak(checked - 1, last, "entry " + last + " is not the one its head was sealed over: it was rewritten"));
        }
        return entryPastHead(head).map(past -> new SegmentBreak(checked, past,
                "entry " + past + " lies past the head (seq " + head.headSeq() + "): it was added outside the audit log"));
    }

    // An entry after the head read is either an append that committed since (it moved the head with it) or one put
    // there by hand; the head, read again, tells which.
    private Optional<Long> entryPastHead(AuditHead head) {
        Optional<Long> past = table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortGreaterThan(
                                Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(head.headSeq()).build()))
                        .limit(1)
                        .consistentRead(true)
                        .build())
                .items().stream().findFirst().map(AuditEntry::seq);
        if (past.isEmpty()) {
            return past;
        }
        long nowAt = storedHead().map(AuditHead::headSeq).orElse(0L);
        return nowAt >= past.get() ? Optional.empty() : past;
    }

    private static Stream<AuditEntry> fromIndex(DynamoDbIndex<AuditEntry> index, String key, long below) {
        return index.query(request(key, below).build()).stream().map(Page::items).flatMap(List::stream);
    }

    private static QueryEnhancedRequest.Builder request(String partition, long below) {
        return QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(partition).sortValue(below).build()))
                .scanIndexForward(false);
    }
}
