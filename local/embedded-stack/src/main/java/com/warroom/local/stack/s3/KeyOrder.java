package com.warroom.local.stack.s3;

import java.util.Comparator;

/**
 * The order S3 lists keys in: by their UTF-8 bytes, unsigned. That is code point order, which differs from
 * {@link String#compareTo} (UTF-16 units) where a character above U+FFFF meets one in U+E000..U+FFFF.
 */
final class KeyOrder {

    static final Comparator<String> UTF8_BINARY = KeyOrder::compare;

    private KeyOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
