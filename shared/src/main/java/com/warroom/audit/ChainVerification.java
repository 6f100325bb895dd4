package com.warroom.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.warroom.anchor.Anchor;
import java.util.Optional;

/**
 * The result of walking the audit chain from its first entry to its sealed head and checking it against the newest
 * anchor. When {@code ok} is false, {@code brokenAt} is the sequence number where it does not fit and {@code problem}
 * says how; {@code entries} counts the entries checked before it. {@code anchoredSeq}/{@code anchoredAt} name the
 * anchor checked; {@code anchorsUnreadable} says why none could be (the chain itself was still checked).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long entries, Long brokenAt, String problem, Long headSeq, String headHash,
                                Long anchoredSeq, String anchoredAt, String anchorsUnreadable) {

    static ChainVerification intact(long entries, Long headSeq, String headHash, Optional<Anchor> anchor, String anchorsUnreadable) {
        return new ChainVerification(true, entries, null, null, headSeq, headHash,
                anchor.map(Anchor::seq).orElse(null), anchor.map(Anchor::anchoredAt).orElse(null), anchorsUnreadable);
    }

    static ChainVerification broken(long checked, long brokenAt, String problem, Optional<Anchor> anchor) {
        return new ChainVerification(false, checked, brokenAt, problem, null, null,
                anchor.map(Anchor::seq).orElse(null), anchor.map(Anchor::anchoredAt).orElse(null), null);
    }
}
