package com.warroom.payouts.worker;

import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The config in force, read again once it is a minute old: a submit needs its treasury wallet, and reading and parsing
 * the snapshot on every one cost a Query and the address checks. An approved treasury change reaches the worker within
 * the minute; a payout is never paid from a wallet the config does not list.
 */
final class ConfigInForce {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final ConfigStore store;
    private final Clock clock;
    private volatile Read last;

    private record Read(Optional<SeedConfig> config, Instant at) {
    }

    ConfigInForce(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<SeedConfig> get() {
        Instant now = clock.instant();
        Read read = last;
        if (read == null || read.config().isEmpty() || !now.isBefore(read.at().plus(MAX_AGE))) {
            read = new Read(store.current(), now);
            last = read;
        }
        return read.config();
    }
}
