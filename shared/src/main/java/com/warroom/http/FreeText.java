package com.warroom.http;

import java.util.Optional;

/**
 * The one rule for free text people type (reasons, comments, notes): what it may hold. Text ends up in the
 * audit chain, SNS notices, logs and CLI exports, where a control character, a bidi override or a lone
 * surrogate breaks the encoding or makes the text read other than it is.
 *
 * <p>Refused: C0 controls except line feed (a reason may span lines; tab and carriage return are refused so
 * that one line break is spelled one way), DEL and C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), lone surrogates, and text that is only whitespace and zero-width characters.
 * Zero-width characters between visible ones stay allowed: some scripts need them (ZWJ in emoji, ZWNJ in Persian).
 */
public final class FreeText {

    private FreeText() {
    }

    /** Why {@code text} is not acceptable free text, or empty when it is. */
    public static Optional<String> whyRefused(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                visible = true;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text; it holds an unpaired surrogate (U+" + hex(c) + ")");
            }
            if (isControl(c)) {
                return Optional.of("must not hold control characters (found U+" + hex(c) + "); only line breaks (\\n) are allowed");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not hold bidirectional embedding, override or isolate characters (found U+" + hex(c) + ")");
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isZeroWidth(c);
        }
        return visible || text.isEmpty() ? Optional.empty() : Optional.of("must hold visible text, not only spaces or zero-width characters");
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isBidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isZeroWidth(char c) {
        return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
