package com.warroom.seal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes a seal covers: the field count, then each field as its UTF-8 length and bytes (4-byte big-endian
 * lengths), so that no two lists of fields share bytes: ("ab", "c") and ("a", "bc") differ.
 */
public final class CanonicalBytes {

    private CanonicalBytes() {
    }

    public static byte[] of(String... fields) {
        return of(List.of(fields));
    }

    /** @throws IllegalArgumentException for a field that is not well-formed UTF-16 (a lone surrogate would encode as '?') */
    public static byte[] of(List<String> fields) {
        var out = new ByteArrayOutputStream();
        writeInt(out, fields.size());
        for (String field : fields) {
            byte[] utf8 = strictUtf8(field);
            writeInt(out, utf8.length);
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    private static byte[] strictUtf8(String field) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(field));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a sealed field is not well-formed text", e);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }
}
