package com.warroom.support;

/** The whole EXP a reproduced and fixed bug earns its reporter, per ticket priority, as the config in force says. */
@FunctionalInterface
public interface ExpRewardRates {

    /**
     * The EXP for a fixed bug of {@code priority}: a whole number above zero.
     *
     * @throws IllegalStateException when no config is loaded
     */
    long expFor(TicketPriority priority);
}
