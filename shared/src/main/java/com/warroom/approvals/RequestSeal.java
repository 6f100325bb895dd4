package com.warroom.approvals;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The seal an approval request gets once, from the route that records it: a MAC ({@code mac}, made with {@code keyId})
 * over what decides who may approve what — the request's id, action, payload hash, requester (sub, email, roles),
 * request and expiry times — and over {@code auditSeq}, the seq of the request's {@code approval.requested} audit
 * entry. Nobody else can make one (only the requesting functions may {@code GenerateMac}), so a row edited in the
 * table, or given another request's seal, no longer verifies.
 */
public record RequestSeal(Long auditSeq, String mac, String keyId) {

    private static final String DOMAIN = "warroom.approval-request.v1";

    /** The request sealed over the audit entry at {@code auditSeq} that records it: one {@code GenerateMac}. */
    public static ApprovalRequest sealed(ApprovalRequest request, long auditSeq, Sealer sealer) {
        Seal seal = sealer.seal(canonical(request, auditSeq));
        return request.toBuilder().requestSeal(new RequestSeal(auditSeq, seal.mac(), seal.keyId())).build();
    }

    /** Whether the seal holds a MAC, a key id and an audit seq; a row without any of them was never sealed, or was stripped. */
    public boolean complete() {
        return auditSeq != null && mac != null && !mac.isBlank() && keyId != null && !keyId.isBlank();
    }

    public Seal seal() {
        return new Seal(mac == null ? "" : mac, keyId == null ? "" : keyId);
    }

    /**
     * The bytes the MAC covers: the domain and the SHA-256 of the request's deciding fields in a fixed order, roles
     * sorted. A digest, because KMS MACs at most 4,096 bytes and the requester's claims are not ours to bound.
     */
    public static byte[] canonical(ApprovalRequest r, long auditSeq) {
        List<String> fields = new ArrayList<>();
        fields.add(nullable(r.id()));
        fields.add(nullable(r.action()));
        fields.add(nullable(r.payloadHash()));
        fields.add(nullable(r.requestedBy()));
        fields.add(nullable(r.requestedByEmail()));
        List<String> roles = r.requestedByRoles().stream().sorted().toList();
        fields.add(Integer.toString(roles.size()));
        fields.addAll(roles);
        fields.add(nullable(r.requestedAt()));
        fields.add(nullable(r.expiresAt()));
        fields.add(Long.toString(auditSeq));
        return CanonicalBytes.of(DOMAIN, sha256(CanonicalBytes.of(fields)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // a prefix keeps an absent field apart from any text, the empty text included
    private static String nullable(String value) {
        return value == null ? "-" : "=" + value;
    }
}
