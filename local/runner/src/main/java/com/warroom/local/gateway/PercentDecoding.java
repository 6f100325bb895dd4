package com.warroom.local.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes percent-encoded URL parts strictly: an escape that is not two hex digits, or bytes that are not
 * UTF-8 once decoded, make the request malformed instead of turning into replacement characters.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** {@code plusIsSpace} for query strings (form encoding); in a path '+' is a plus sign. */
    static String decode(String raw, boolean plusIsSpace, String where) throws MalformedRequest {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int literalStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) != '%') {
                continue;
            }
            literal(raw.substring(literalStart, i), plusIsSpace, bytes);
            int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new MalformedRequest(where + " is not valid percent-encoding: " + raw);
            }
            bytes.write(high << 4 | low);
            i += 2;
            literalStart = i + 1;
        }
        literal(raw.substring(literalStart), plusIsSpace, bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequest(where + " is not UTF-8 once percent-decoded: " + raw);
        }
    }

    private static void literal(String text, boolean plusIsSpace, ByteArrayOutputStream bytes) {
        bytes.writeBytes((plusIsSpace ? text.replace('+', ' ') : text).getBytes(StandardCharsets.UTF_8));
    }
}
