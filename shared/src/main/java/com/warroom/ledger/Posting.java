package com.warroom.ledger;

import com.warroom.money.Money;
import java.util.Objects;

/**
 * One leg of a journal entry: {@code amount} (signed minor units) is added to the account's balance in its currency.
 * The legs of an entry sum to zero per currency, so money only moves: a payment of 150,000.00 IDR posts
 * {@code psp_clearing:midtrans -15000000} and {@code revenue:courses +15000000}.
 */
public record Posting(AccountId account, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.minor() == 0) {
            throw new IllegalArgumentException("a posting moves money: " + account + " has 0");
        }
    }
}
