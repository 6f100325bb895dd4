package com.warroom.flags.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagSnapshot;
import com.warroom.flags.FlagStore;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The in-process {@link FlagGate} of another function, reading the real flag table while an admin
 * toggles through the route: the change reaches it within 30 seconds of the gate's clock, and the
 * gate degrades as promised when the table cannot be read.
 */
@ExtendWith(EmbeddedStackExtension.class)
class FlagPropagationTest {

    private static FlagApi api;
    private static FlagStore store;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));
    private final AtomicBoolean tableDown = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger staleServed = new AtomicInteger();
    private final AtomicInteger failedClosed = new AtomicInteger();
    private final AtomicInteger failedOpen = new AtomicInteger();
    private FlagGate gate;
    private String round;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
        store = new FlagStore(DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build(),
                Topology.FLAGS.localName(), FlagReadHandler.sealer(), java.time.Clock.systemUTC());
    }

    @BeforeEach
    void newGate() {
        round = "R-" + UUID.randomUUID();
        FlagGate.SnapshotSource faultyStore = () -> {
            reads.incrementAndGet();
            if (tableDown.get()) {
                throw new IllegalStateException("injected: the flag table cannot be read");
            }
            return store.read();
        };
        gate = new FlagGate(faultyStore, clock, new FlagGate.Signals() {
            public void staleServed() {
                staleServed.incrementAndGet();
            }

            public void failedClosed() {
                failedClosed.incrementAndGet();
            }

            public void failedOpen() {
                failedOpen.incrementAndGet();
            }

            public void tampered() {
                throw new AssertionError("only changes through the API here: the seal must hold");
            }
        });
    }

    private FlagDecision contribute() {
        return gate.check(Flag.CONTRIBUTE, Optional.of(round), Optional.of("U1"));
    }

    @Test
    void check_whenFlagDisabledThroughTheRoute_blocksWithin30SecondsAndNotBefore() {
        assertThat(contribute().allowed()).isTrue();
        assertThat(api.set("contribute", "round:" + round, false, "Round under investigation").getStatusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(29));
        assertThat(contribute().allowed()).as("served from the cached snapshot").isTrue();
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        FlagDecision decision = contribute();
        assertThat(decision.allowed()).as("30 s after the gate's last read").isFalse();
        assertThat(decision.blockedBy().scope()).isEqualTo("round:" + round);
        assertThat(decision.blockedBy().reason()).isEqualTo("Round under investigation");
        assertThat(decision.stale()).isFalse();
        assertThat(reads).hasValue(2);
        assertThat(gate.check(Flag.CONTRIBUTE, Optional.of("R-other"), Optional.of("U1")).allowed()).isTrue();
    }

    @Test
    void check_whenTheTableCannotBeRead_servesTheCachedCopyForFiveMinutesThenFailsClosedForFundsOnly() {
        assertThat(api.set("contribute", "round:" + round, false, "Round under investigation").getStatusCode()).isEqualTo(200);
        assertThat(contribute().allowed()).isFalse();
        tableDown.set(true);

        clock.advance(Duration.ofMinutes(5));
        FlagDecision stale = contribute();
        assertThat(stale.allowed()).as("the cached copy still blocks the round").isFalse();
        assertThat(stale.stale()).isTrue();
        assertThat(staleServed).hasValue(1);
        assertThat(gate.check(Flag.AMA_JOIN_TOKEN, Optional.of(round), Optional.empty()).allowed()).isTrue();

        clock.advance(Duration.ofSeconds(2));
        FlagDecision closed = gate.check(Flag.PAYOUT, Optional.empty(), Optional.of("U1"));
        assertThat(closed.allowed()).as("fund flows fail closed").isFalse();
        assertThat(closed.stale()).isTrue();
        assertThat(closed.blockedBy().reason()).isEqualTo(FlagGate.UNAVAILABLE_REASON);
        assertThat(failedClosed).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        FlagDecision open = gate.check(Flag.NOTIFICATION_REMINDER, Optional.empty(), Optional.of("U1"));
        assertThat(open.allowed()).as("other flows fail open").isTrue();
        assertThat(open.stale()).isTrue();
        assertThat(failedOpen).hasValue(1);

        tableDown.set(false);
        clock.advance(Duration.ofSeconds(2));
        FlagDecision recovered = contribute();
        assertThat(recovered.allowed()).isFalse();
        assertThat(recovered.stale()).isFalse();
        assertThat(gate.check(Flag.PAYOUT, Optional.empty(), Optional.of("U1")).allowed()).isTrue();
    }

    @Test
    void check_whenTheTableIsDownFromTheStart_blocksFundFlowsAndAllowsTheRest() {
        tableDown.set(true);
        assertThat(gate.check(Flag.REFUND, Optional.empty(), Optional.empty()).allowed()).isFalse();
        assertThat(gate.check(Flag.AMA_JOIN_TOKEN, Optional.empty(), Optional.empty()).allowed()).isTrue();
        assertThat(reads).as("one read, then a pause before the next try").hasValue(1);
    }

    @Test
    void snapshot_readFromTheStore_holdsEveryRecordWritten() {
        assertThat(api.set("claim.referral", "user:" + round, false, "Referral farming by this user").getStatusCode()).isEqualTo(200);
        FlagSnapshot snapshot = store.read();
        assertThat(snapshot.decide(Flag.CLAIM_REFERRAL, Optional.empty(), Optional.of(round), false).allowed()).isFalse();
    }
}
