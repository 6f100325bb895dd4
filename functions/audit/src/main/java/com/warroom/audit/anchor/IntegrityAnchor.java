package com.warroom.audit.anchor;

import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditHasher;
import com.warroom.audit.AuditHead;
import com.warroom.audit.AuditTrail;
import com.warroom.flags.FlagSeal;
import com.warroom.flags.FlagStore;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.util.Optional;

/**
 * Copies the audit head and the flag seal out of their tables, after checking that each still continues from its
 * newest anchor. Between two runs an insider can only undo what happened after the last anchor; what was anchored
 * stays provable: a chain or a seal that goes back behind its anchor is reported as tampered, and never anchored.
 */
public final class IntegrityAnchor {

    private final AuditTrail trail;
    private final FlagStore flags;
    private final AnchorStore anchors;
    private final Sealer sealer;
    private final Clock clock;

    public IntegrityAnchor(AuditTrail trail, FlagStore flags, AnchorStore anchors, Sealer sealer, Clock clock) {
        this.trail = trail;
        this.flags = flags;
        this.anchors = anchors;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The outcome for the audit head and for the flag seal. */
    public record Run(AnchorOutcome auditHead, AnchorOutcome flagSeal) {
        public boolean tampered() {
            return auditHead.tampered() || flagSeal.tampered();
        }
    }

    /** Reads (only) what a run reads first, so that a restored snapshot has its clients warm. */
    public void prime() {
        trail.storedHead();
        flags.storedSeal();
    }

    /**
     * @throws SealingUnavailable when a seal cannot be checked
     * @throws com.warroom.anchor.AnchorsUnavailable when the anchors cannot be read or written
     */
    public Run run() {
        return new Run(anchorAuditHead(), anchorFlagSeal());
    }

    AnchorOutcome anchorAuditHead() {
        Optional<Anchor> newest = anchors.newest(Anchor.AUDIT_HEAD);
        Optional<AuditHead> stored = trail.storedHead();
        if (stored.isEmpty()) {
            return trail.whyHeadless(newest).map(AnchorOutcome::tampered).orElse(AnchorOutcome.empty());
        }
        AuditHead head = stored.get();
        Optional<String> untrusted = trail.whyHeadUntrusted(head);
        if (untrusted.isPresent()) {
            return AnchorOutcome.tampered(untrusted.get());
        }
        long fromSeq = 0;
        String fromHash = AuditHasher.GENESIS;
        if (newest.isPresent()) {
            Optional<String> off = trail.whyAnchorDoesNotFit(newest.get(), head);
            if (off.isPresent()) {
                return AnchorOutcome.tampered(off.get());
            }
            if (newest.get().seq() == head.headSeq()) {
                return AnchorOutcome.unchanged(head.headSeq());
            }
            fromSeq = newest.get().seq();
            fromHash = newest.get().hash();
        }
        // only the entries since the last anchor: the ones before were checked when it was written
        Optional<AuditTrail.SegmentBreak> broken = trail.checkSegment(fromSeq, fromHash, head);
        if (broken.isPresent()) {
            return AnchorOutcome.tampered(broken.get().problem());
        }
        anchors.append(new Anchor(Anchor.AUDIT_HEAD, head.headSeq(), head.headHash(), null, head.mac(), head.keyId(),
                clock.instant().toString()));
        return AnchorOutcome.anchored(head.headSeq());
    }

    AnchorOutcome anchorFlagSeal() {
        Optional<Anchor> newest = anchors.newest(Anchor.FLAG_SEAL);
        FlagStore.Load load = flags.load();
        if (load instanceof FlagStore.Load.Tampered tampered) {
            return AnchorOutcome.tampered(tampered.why());
        }
        var trusted = (FlagStore.Load.Trusted) load;
        long version = trusted.sealVersion();
        if (newest.isPresent()) {
            Anchor anchor = newest.get();
            Optional<String> forged = whyFlagAnchorForged(anchor);
            if (forged.isPresent()) {
                return AnchorOutcome.tampered(forged.get());
            }
            if (anchor.seq() > version) {
                return AnchorOutcome.tampered(version == 0
                        ? "every flag row and the seal are gone, but the seal was anchored at version " + anchor.seq()
                                + " (" + anchor.anchoredAt() + ")"
                        : "the flag seal is at version " + version + " but was anchored at version " + anchor.seq() + " ("
                                + anchor.anchoredAt() + "): older rows were put back with their old seal");
            }
            if (anchor.seq() == version) {
                String digest = FlagSeal.rowsDigest(trusted.snapshot().records());
                return digest.equals(anchor.hash()) ? AnchorOutcome.unchanged(version)
                        : AnchorOutcome.tampered("the flag rows at seal version " + version + " are not the ones anchored at "
                                + anchor.anchoredAt());
            }
        }
        if (version == 0) {
            return AnchorOutcome.empty();
        }
        Optional<FlagSeal> seal = flags.storedSeal();
        if (seal.isEmpty() || seal.get().version() != version) {
            // a change committed since the load: the next run anchors it
            return AnchorOutcome.unchanged(newest.map(Anchor::seq).orElse(0L));
        }
        anchors.append(new Anchor(Anchor.FLAG_SEAL, version, FlagSeal.rowsDigest(trusted.snapshot().records()),
                trusted.snapshot().records().size(), seal.get().mac(), seal.get().keyId(), clock.instant().toString()));
        return AnchorOutcome.anchored(version);
    }

    private Optional<String> whyFlagAnchorForged(Anchor anchor) {
        if (anchor.count() == null) {
            return Optional.of("the newest flag-seal anchor (version " + anchor.seq() + ") has no row count: it was not written by Warroom");
        }
        return switch (sealer.verify(FlagSeal.canonical(anchor.seq(), anchor.count(), anchor.hash()), anchor.seal())) {
            case Verification.Valid valid -> Optional.empty();
            case Verification.Invalid invalid -> Optional.of("the newest flag-seal anchor (version " + anchor.seq() + ", "
                    + anchor.anchoredAt() + ") does not carry a valid seal: it was not written by Warroom");
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }
}
