package com.warroom.support;

import com.warroom.config.ConfigStore;
import java.util.Map;

/** The whole EXP a reproduced and fixed bug earns its reporter, per ticket priority, as the config in force says. */
@FunctionalInterface
public interface ExpRewardRates {

    /**
     * The EXP for a fixed bug of {@code priority}: a whole number from 1 to
     * {@link com.warroom.config.SeedConfig#MAX_EXP_REWARD}.
     *
     * @throws IllegalStateException when no config is loaded, or the one in force sets no EXP rewards
     */
    long expFor(TicketPriority priority);

    /**
     * The rates of the config in force at each call: the newest snapshot's {@code expRewards}, read strongly
     * consistent.
     */
    static ExpRewardRates inForce(ConfigStore config) {
        return priority -> {
            Map<TicketPriority, Long> rewards = config.currentExpRewards()
                    .orElseThrow(() -> new IllegalStateException("no config is loaded, so the EXP rewards are unknown: run the config seed first"));
            if (rewards.isEmpty()) {
                throw new IllegalStateException("the config in force sets no EXP rewards (it was stored before they existed): "
                        + "request an exp_rewards.set change");
            }
            return rewards.get(priority);
        };
    }
}
