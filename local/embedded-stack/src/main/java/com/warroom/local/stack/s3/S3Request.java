package com.warroom.local.stack.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A path-style S3 request: {@code /<bucket>/<key>} with the key percent-decoded as UTF-8 ({@code '+'} is a plus sign
 * in a path), the query parameters decoded, and the headers by lower-case name.
 */
record S3Request(String method, Optional<String> bucket, Optional<String> key, Map<String, String> query,
                 Map<String, String> headers, byte[] body) {

    S3Request {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    static S3Request of(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        return new S3Request(method, Optional.of(decode(bucket, false)).filter(b -> !b.isEmpty()),
                Optional.of(decode(key, false)).filter(k -> !k.isEmpty()), query(rawQuery), lowerCase, body);
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** Percent-decoding to UTF-8; {@code plusIsSpace} in a query, as a form decoder reads it. */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw S3Error.invalidArgument("a truncated percent-encoding in " + text);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw S3Error.invalidArgument("a percent-encoding that is not hexadecimal in " + text);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
