package com.warroom.payments;

import java.util.regex.Pattern;

/** An order id as Midtrans allows it: 1 to 50 letters, digits, {@code . _ ~ -}. Warroom's orders use the same ids. */
public final class OrderId {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._~-]{1,50}");
    public static final String RULE = "must be 1 to 50 letters, digits, '.', '_', '~' or '-'";

    private OrderId() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
