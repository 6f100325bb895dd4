package com.warroom.idempotency;

/**
 * An {@code Idempotency-Key} as sent by one caller to one route. The same key sent by another caller, or to another
 * route, is another key: the item key is a SHA-256 over all three parts.
 */
public record IdempotencyKey(String route, String caller, String value) {

    public static final int MAX_LENGTH = 255;
    /** What a valid key is, for the problem answered to an invalid one. */
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters (0x20 to 0x7E)";
    static final String ITEM_PREFIX = "request#";

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("an idempotency key " + RULE);
        }
    }

    public static boolean isValid(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** The partition key of its record in the idempotency table. */
    public String itemKey() {
        return ITEM_PREFIX + Sha256.hexOfParts(route, caller, value);
    }
}
