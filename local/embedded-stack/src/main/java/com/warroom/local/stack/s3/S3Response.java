package com.warroom.local.stack.s3;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an operation answers: the status, the headers, and the body (none for HEAD). */
record S3Response(int status, Map<String, String> headers, byte[] body) {

    S3Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static S3Response xml(String xml) {
        return new S3Response(200, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    static S3Response empty(int status, Map<String, String> headers) {
        return new S3Response(status, headers, new byte[0]);
    }
}
