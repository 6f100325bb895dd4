package com.warroom.audit;

import com.warroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hash of an audit entry: SHA-256 over key-sorted JSON of every field but the hash itself. */
public final class AuditHasher {

    /** The {@code prevHash} of the first entry of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    public static String hash(AuditEntry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chain", e.chain());
        fields.put("seq", e.seq());
        fields.put("id", e.id());
        fields.put("at", e.at());
        fields.put("actorSub", e.actorSub());
        fields.put("actorEmail", e.actorEmail());
        fields.put("actorRoles", e.actorRoles());
        fields.put("action", e.action());
        fields.put("target", e.target());
        fields.put("before", e.before());
        fields.put("after", e.after());
        fields.put("reason", e.reason());
        fields.put("requestId", e.requestId());
        fields.put("sourceIp", e.sourceIp());
        fields.put("prevHash", e.prevHash());
        return sha256Hex(Json.canonical(fields));
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
