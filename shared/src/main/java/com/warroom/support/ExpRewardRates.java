package com.warroom.support;

import com.warroom.config.ConfigStore;

/** The whole EXP a reproduced and fixed bug earns its reporter, per ticket priority, as the config in force says. */
@FunctionalInterface
public interface ExpRewardRates {

    /**
     * The EXP for a fixed bug of {@code priority}: a whole number from 1 to
     * {@link com.warroom.config.SeedConfig#MAX_EXP_REWARD}.
     *
     * @throws IllegalStateException when no config is loaded
     */
    long expFor(TicketPriority priority);

    /** The rates of the config in force at each call: the newest snapshot's {@code expRewards}, read strongly consistent. */
    static ExpRewardRates inForce(ConfigStore config) {
        return priority -> config.currentExpRewards()
                .orElseThrow(() -> new IllegalStateException("no config is loaded, so the EXP rewards are unknown: run the config seed first"))
                .get(priority);
    }
}
