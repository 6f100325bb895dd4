package com.warroom.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ledger account's name: a kind and its qualifiers joined by {@code ':'}, such as {@code psp_clearing:midtrans},
 * {@code revenue:courses}, {@code treasury:evm:1:USDC}, {@code fees:blue_check:treasury} or {@code user:u-42:IDR}.
 * Whether the account may go below zero follows from its kind ({@link #nonNegative()}).
 */
public record AccountId(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{1,30}(:[A-Za-z0-9._@-]{1,100}){1,4}");

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not an account name (kind:qualifier[:...]): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** {@code psp_clearing} for {@code psp_clearing:midtrans}. */
    public String kind() {
        return value.substring(0, value.indexOf(':'));
    }

    /**
     * Whether postings may never take the balance below zero. Every account is, except the clearing accounts of the
     * outside parties money comes through (their balance is what they hold for us, a negative number by this ledger's
     * sign: see {@link Posting}) and equity ({@code equity:opening}, where opening balances come from, negative by
     * the same sign).
     */
    public boolean nonNegative() {
        return !kind().endsWith("_clearing") && !kind().equals("equity");
    }

    @Override
    public String toString() {
        return value;
    }
}
