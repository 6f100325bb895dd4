package com.warroom.platform.ingest;

import static com.warroom.platform.PlatformStack.contribution;
import static com.warroom.platform.PlatformStack.eventBridge;
import static com.warroom.platform.PlatformStack.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.platform.PlatformStack;
import com.warroom.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingest's handler on the real queue, as Lambda's event source mapping hands batches over and settles their answers. */
@ExtendWith(EmbeddedStackExtension.class)
class IngestHandlerTest {

    private static PlatformStack world;
    private static PlatformEventsIngestHandler handler;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PlatformStack(stack);
        handler = new PlatformEventsIngestHandler(world.ingest);
    }

    @BeforeEach
    void reset() {
        world.drainQueue();
        world.drainDeadLetters();
    }

    private SQSBatchResponse handle(com.amazonaws.services.lambda.runtime.events.SQSEvent batch) {
        return handler.handleRequest(batch, PlatformStack.context(Topology.PLATFORM_EVENTS_INGEST.name()));
    }

    @Test
    void batch_whenOneEventIsBad_parksItWithItsReason_postsTheOthers_andReportsNoFailure() {
        String round = newId("r");
        String badId = newId("e");
        world.send(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, newId("u"), "1", "USDC")));
        String bad = eventBridge(badId, "ContributionConfirmed", contribution(round, newId("u"), "1.1234567", "USDC"));
        world.send(bad);
        world.send(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, newId("u"), "2", "USDC")));

        List<String> failed = world.drainThrough(this::handle);

        assertThat(failed).isEmpty();
        assertThat(world.queue.messages()).isZero();
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(3_000_000L);
        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.body()).isEqualTo(bad);
            assertThat(letter.reason()).isEqualTo("detail.amount: has more decimals than USDC allows (6)");
            assertThat(letter.attributes()).containsEntry("eventId", badId).containsEntry("detailType", "ContributionConfirmed");
        });
    }

    @Test
    void transientFailure_whenKmsIsUnavailable_isABatchItemFailure_andTheRedeliveryPostsIt() {
        String round = newId("r");
        String id = newId("e");
        world.send(eventBridge(id, "ContributionConfirmed", contribution(round, newId("u"), "4", "USDC")));
        world.sealer.failNext(1);

        List<String> failed = world.drainThrough(this::handle);

        assertThat(failed).hasSize(1);
        assertThat(world.events.find(id)).as("nothing half-applied").isEmpty();
        assertThat(world.posted("platform:" + id)).isFalse();
        assertThat(world.rounds.total(round, "USDC")).isEmpty();
        assertThat(world.drainDeadLetters()).as("a transient failure is the queue's to retry, not parked").isEmpty();

        List<String> again = world.drainThrough(this::handle);

        assertThat(again).isEmpty();
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(4_000_000L);
        assertThat(world.events.find(id)).isPresent();
    }

    @Test
    void sampleEvents_eachTypeAsAwsDeliversIt_isTakenIn_andTheRoundsTotalsMatchItsFinalization() {
        for (String sample : List.of("contribution-confirmed", "refund-issued", "fee-charged", "referral-claimed", "round-finalized")) {
            SQSBatchResponse answer = handle(EventLoader.loadSQSEvent("events/platform-events-ingest/" + sample + ".json"));
            assertThat(answer.getBatchItemFailures()).as(sample).isEmpty();
        }

        assertThat(world.drainDeadLetters()).isEmpty();
        assertThat(world.events.find("3f1c2b7a-0c51-4e0b-9b1a-6d2f0c9e8a01")).isPresent();
        assertThat(world.rounds.total("round-sample-1", "USDC")).hasValueSatisfying(total ->
                assertThat(total.raisedMinor() - total.refundedMinor()).isEqualTo(world.rounds.finalization("round-sample-1")
                        .orElseThrow().totalRaisedMinor()));
    }

    @Test
    void badEvent_whenItsDeadLetterCannotBeSent_failsTheMessage_soItComesBackInsteadOfBeingLost() {
        var cannotPark = new PlatformEventsIngestHandler(new PlatformEventIngest(
                new PlatformEventIngest.Stores(world.dynamo, world.events, world.rounds,
                        new com.warroom.platform.FeeRuleBook(new com.warroom.config.ConfigStore(world.dynamo,
                                Topology.CONFIG.localName(), world.clock))),
                world.ledger::prepare, new DeadLetters(world.stack.sqs(), world.queue.url().replace("platform-events", "no-such-queue")),
                Topology.PLATFORM_EVENT_QUEUE.maxReceiveCount(), world.clock));
        String bad = eventBridge(newId("e"), "ContributionConfirmed", contribution(newId("r"), newId("u"), "-1", "USDC"));
        world.send(bad);

        List<String> failed = world.drainThrough(batch -> cannotPark.handleRequest(batch,
                PlatformStack.context(Topology.PLATFORM_EVENTS_INGEST.name())));

        assertThat(failed).hasSize(1);
        assertThat(world.drainQueue()).containsExactly(bad);
        assertThat(world.drainDeadLetters()).isEmpty();
    }

    @Test
    void priming_readsOnly() {
        Priming.primeRegistered();

        assertThat(world.queue.messages()).isZero();
        assertThat(world.drainDeadLetters()).isEmpty();
    }
}
