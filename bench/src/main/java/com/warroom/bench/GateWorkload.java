package com.warroom.bench;

import com.warroom.flags.Flag;
import java.util.Optional;
import java.util.Random;

/**
 * The checks the throughput bench cycles through: 4,096 (flag, round, user) triples drawn once from a fixed
 * seed over every catalogue flag, 40 rounds (25 with an override) and 200 users (25 with an override), with
 * the round and the user each absent 40% of the time. The Optionals are built here, not in the measured loop.
 */
final class GateWorkload {

    static final int SIZE = 4096;
    static final int MASK = SIZE - 1;

    /** One check's arguments. */
    record Check(Flag flag, Optional<String> round, Optional<String> user) {
    }

    private final Check[] checks;

    private GateWorkload(Check[] checks) {
        this.checks = checks;
    }

    static GateWorkload standard() {
        Random random = new Random(20261123L);
        Flag[] flags = Flag.values();
        Check[] checks = new Check[SIZE];
        for (int i = 0; i < SIZE; i++) {
            Flag flag = flags[random.nextInt(flags.length)];
            Optional<String> round = random.nextInt(100) < 60 ? Optional.of(FlagSeed.roundId(1 + random.nextInt(40))) : Optional.empty();
            Optional<String> user = random.nextInt(100) < 60 ? Optional.of(FlagSeed.userId(1 + random.nextInt(200))) : Optional.empty();
            checks[i] = new Check(flag, round, user);
        }
        return new GateWorkload(checks);
    }

    Check get(int index) {
        return checks[index & MASK];
    }
}
