package com.warroom.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the audit chain from its first entry. When {@code ok} is false,
 * {@code brokenAt} is the sequence number of the first entry that does not fit and {@code problem}
 * says how; {@code entries} counts the entries checked before it. {@code headHash} lets ops anchor
 * the chain elsewhere, since a hash chain alone cannot show that its newest entries were cut off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean ok, long entries, Long brokenAt, String problem, Long headSeq, String headHash) {

    static ChainVerification intact(long entries, Long headSeq, String headHash) {
        return new ChainVerification(true, entries, null, null, headSeq, headHash);
    }

    static ChainVerification broken(long checked, long brokenAt, String problem) {
        return new ChainVerification(false, checked, brokenAt, problem, null, null);
    }
}
