package com.warroom.topology;

/** Turns logical names ({@code midtrans-server-key}) into other spellings. */
final class ConstructName {

    private ConstructName() {
    }

    /** {@code midtransServerKey} for {@code midtrans-server-key}. */
    static String camel(String logicalName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : logicalName.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
