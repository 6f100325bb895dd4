package com.warroom.idempotency;

/**
 * What a request asked for, as SHA-256 hex over its method, raw path (with the path parameters filled in) and body: a
 * retry must send the same three, or its key was reused for another request.
 */
public record Fingerprint(String hex) {

    public static Fingerprint of(String method, String rawPath, String body) {
        return new Fingerprint(Sha256.hexOfParts(method, rawPath, body));
    }
}
