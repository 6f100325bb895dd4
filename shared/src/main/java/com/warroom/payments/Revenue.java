package com.warroom.payments;

import com.warroom.ledger.AccountId;
import com.warroom.ledger.Posting;
import com.warroom.money.FeePart;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.FeeSplitter;
import com.warroom.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an order's money goes in the ledger when it is paid: {@code revenue:courses}, or, for an item that is a fee
 * rule of the config in force (such as {@code blue_check}), the rule's recipients {@code fees:<rule>:<recipient>},
 * split exactly by {@link FeeSplitter}. Recorded on the order when it is paid, so that a refund reverses the same
 * accounts in the same shares even after the config changed.
 */
public sealed interface Revenue {

    AccountId COURSES = new AccountId("revenue:courses");

    /** Paid for an item without a fee rule. */
    record Courses() implements Revenue {
    }

    /** Paid for an item that is a fee rule: the amount is split among the rule's recipients. */
    record Fees(String rule, List<FeeSplit> splits) implements Revenue {
        public Fees {
            splits = new FeeSplitter(splits).splits();
        }
    }

    /**
     * The credit legs of {@code amount} (positive, in the ledger's sign), one per account, leaving out a recipient whose
     * share rounds to zero.
     */
    default List<Posting> credits(Money amount) {
        return amountsOf(amount.minor()).entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Posting(e.getKey(), new Money(amount.currency(), e.getValue()))).toList();
    }

    /**
     * What each account gets of a total of {@code minor}: the difference of two totals is what a refund between them
     * reverses, so the refunds of an order add up exactly to its payment, account by account.
     */
    default Map<AccountId, Long> amountsOf(long minor) {
        Map<AccountId, Long> amounts = new LinkedHashMap<>();
        switch (this) {
            case Courses courses -> amounts.put(COURSES, minor);
            case Fees fees -> {
                for (FeePart part : new FeeSplitter(fees.splits()).split(minor)) {
                    amounts.put(new AccountId("fees:" + fees.rule() + ":" + part.to().wireName()), part.minor());
                }
            }
        }
        return amounts;
    }

    /** {@code courses} or {@code fees:<rule>:<recipient>=<bps>,...}: the order's {@code revenue} attribute. */
    default String encode() {
        return switch (this) {
            case Courses courses -> "courses";
            case Fees fees -> "fees:" + fees.rule() + ":" + String.join(",",
                    fees.splits().stream().map(s -> s.to().wireName() + "=" + s.bps()).toList());
        };
    }

    static Optional<Revenue> decode(String text) {
        if ("courses".equals(text)) {
            return Optional.of(new Courses());
        }
        if (text == null || !text.startsWith("fees:")) {
            return Optional.empty();
        }
        String[] ruleAndSplits = text.substring("fees:".length()).split(":", 2);
        if (ruleAndSplits.length != 2) {
            return Optional.empty();
        }
        try {
            List<FeeSplit> splits = new ArrayList<>();
            for (String split : ruleAndSplits[1].split(",")) {
                String[] toAndBps = split.split("=", 2);
                FeeRecipient to = FeeRecipient.fromWireName(toAndBps[0]).orElseThrow(IllegalArgumentException::new);
                splits.add(new FeeSplit(to, Integer.parseInt(toAndBps[1])));
            }
            return Optional.of(new Fees(ruleAndSplits[0], splits));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
