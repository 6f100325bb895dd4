package com.warroom.payments;

import com.warroom.money.Money;
import java.util.regex.Pattern;

/** What the platform registers before sending the user to Midtrans: who pays how much for what. */
public record NewOrder(String orderId, String userId, String item, Money amount, Customer customer) {

    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    public static final String USER_ID_RULE = "must be 1 to 128 letters, digits, '.', '_', '@', ':' or '-'";
    public static final Pattern ITEM = Pattern.compile("[a-z0-9_:.-]{1,100}");
    public static final String ITEM_RULE = "must be 1 to 100 lower-case letters, digits, '_', ':', '.' or '-'";
}
