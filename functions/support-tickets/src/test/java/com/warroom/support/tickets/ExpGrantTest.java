package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.assertProblem;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.ledger.AccountStatement;
import com.warroom.ledger.Ledger;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.money.AssetUnit;
import com.warroom.outbox.NotificationKind;
import com.warroom.seal.KmsSealer;
import com.warroom.support.ExpRewards;
import com.warroom.support.tickets.desk.Outcome;
import com.warroom.support.tickets.desk.RewardRecorder;
import com.warroom.support.tickets.desk.TicketDesk;
import com.warroom.support.tickets.keeper.TicketKeeper;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reproduced and fixed BUG tickets: the reporter's EXP granted exactly once, whoever marks and however often. */
@ExtendWith(EmbeddedStackExtension.class)
class ExpGrantTest {

    private static final int MARKERS = 8;
    private static final String REPRODUCED = "POST /v1/support/tickets/{id}/reproduced";
    private static final String FIXED = "POST /v1/support/tickets/{id}/fixed";
    private static TicketWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new TicketWorld(stack);
    }

    @Test
    void fixed_whenManyStaffMarkAtOnce_oneWins_andTheReporterGetsTheEntryTheNoticeAndTheExpOnce() throws Exception {
        String user = TicketWorld.newUser();
        String id = world.fileId(user, TicketType.BUG);
        ok(world.staff("POST /v1/support/tickets/{id}/priority", id, "{\"priority\":\"HIGH\"}"), 200);
        ok(world.staff(REPRODUCED, id, "{\"note\":\"seen on Android 14\"}"), 200);
        List<TicketDesk> desks = new ArrayList<>();
        for (int i = 0; i < MARKERS; i++) {
            desks.add(world.desk(world.rewards())); // each marker its own process
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(MARKERS);
        List<Future<Outcome>> marks = new ArrayList<>();
        try {
            for (int i = 0; i < MARKERS; i++) {
                TicketDesk desk = desks.get(i);
                Caller caller = new Caller("support-" + i, "support-" + i + "@warroom.test", Set.of(Role.SUPPORT));
                marks.add(pool.submit(() -> {
                    go.await();
                    return desk.markFixed(id, Optional.of("fixed in 2.3.1"), desk.staff(caller, new RequestOrigin("r", "127.0.0.1")));
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> mark : marks) {
                outcomes.add(mark.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Done).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Outcome.Done)).hasSize(MARKERS - 1)
                    .allSatisfy(o -> assertThat(((Outcome.Refused) o).slug()).isEqualTo("already-fixed"));
        } finally {
            pool.shutdownNow();
        }
        Ledger ledger = new Ledger(world.enhanced, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), world.clock);
        assertThat(ledger.journal("exp-reward:" + id)).isPresent();
        AccountStatement statement = ledger.statement(ExpRewards.account(user), Optional.empty(), 10);
        assertThat(statement.balances()).singleElement().satisfies(balance -> {
            assertThat(balance.currency()).isEqualTo(AssetUnit.EXP);
            assertThat(balance.minor()).isEqualTo(200);
            assertThat(balance.entryCount()).isEqualTo(1);
        });
        assertThat(world.outbox.find(NotificationKind.EXP_GRANTED.idFor(id))).isPresent();
        assertThat(outboxItemsAbout(id)).isEqualTo(1);
        JsonNode ticket = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200);
        assertThat(ticket.path("exp").path("amount").asLong()).isEqualTo(200);
        assertThat(ticket.path("exp").path("entryId").asText()).isEqualTo("exp-reward:" + id);
        assertThat(ticket.path("expPending").asBoolean()).isFalse();
        assertThat(ticket.path("history").findValuesAsText("kind")).containsExactly("CREATED", "PRIORITY", "REPRODUCED", "FIXED", "EXP_GRANTED");
        assertThat(world.audited(id)).extracting(entry -> entry.get("action").s())
                .containsExactly("support.ticket.priority", "support.ticket.reproduced", "support.ticket.fixed");
        // marking again changes nothing
        assertProblem(world.staff(FIXED, id, "{}"), 409, "already-fixed", null);
        assertThat(ledger.statement(ExpRewards.account(user), Optional.empty(), 10).balances().getFirst().minor()).isEqualTo(200);
    }

    @Test
    void marks_outOfOrderOrOnOtherTypes_are409_andWriteNothing() {
        String bug = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        var before = world.stored(bug);
        assertProblem(world.staff(FIXED, bug, "{}"), 409, "not-reproduced", null);
        assertThat(world.stored(bug)).isEqualTo(before);
        ok(world.staff(REPRODUCED, bug, "{}"), 200);
        var reproduced = world.stored(bug);
        assertProblem(world.staff(REPRODUCED, bug, "{}"), 409, "already-reproduced", null);
        assertThat(world.stored(bug)).isEqualTo(reproduced);

        for (TicketType type : List.of(TicketType.QUESTION, TicketType.SUGGESTION, TicketType.CRITICISM)) {
            String id = world.fileId(TicketWorld.newUser(), type);
            var stored = world.stored(id);
            assertProblem(world.staff(REPRODUCED, id, "{}"), 409, "not-a-bug", null);
            assertProblem(world.staff(FIXED, id, "{}"), 409, "not-a-bug", null);
            assertThat(world.stored(id)).isEqualTo(stored);
        }
    }

    @Test
    void fixed_whenTheGrantFails_staysFixedWithTheGrantPending_andTheKeeperFinishesItOnce() {
        String user = TicketWorld.newUser();
        String id = world.fileId(user, TicketType.BUG);
        ok(world.staff(REPRODUCED, id, "{}"), 200);
        RewardRecorder failing = new RewardRecorder(new ExpRewards(new Ledger(world.enhanced, Topology.LEDGER_BALANCES.localName(),
                Topology.LEDGER_ENTRIES.localName(), KmsSealer.forKey(Topology.SEALS), world.clock), world.outbox,
                priority -> {
                    throw new IllegalStateException("no config is loaded");
                }, world.clock), world.store, world.clock);
        TicketDesk crashing = world.desk(failing);
        Caller caller = new Caller("support-x", "x@warroom.test", Set.of(Role.SUPPORT));

        Outcome outcome = crashing.markFixed(id, Optional.empty(), crashing.staff(caller, new RequestOrigin("r", "127.0.0.1")));

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        JsonNode pending = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200);
        assertThat(pending.path("fixed").isObject()).isTrue();
        assertThat(pending.path("exp").isNull()).isTrue();
        assertThat(pending.path("expPending").asBoolean()).isTrue();

        TicketKeeper.Round round = world.keeper.run();
        assertThat(round.rewarded()).contains(id);
        JsonNode granted = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200);
        assertThat(granted.path("exp").path("amount").asLong()).isEqualTo(100);
        assertThat(granted.path("expPending").asBoolean()).isFalse();

        assertThat(world.keeper.run().rewarded()).doesNotContain(id);
        Ledger ledger = new Ledger(world.enhanced, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), world.clock);
        assertThat(ledger.statement(ExpRewards.account(user), Optional.empty(), 10).balances()).singleElement()
                .satisfies(balance -> assertThat(balance.minor()).isEqualTo(100));
        assertThat(ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200).path("history").findValuesAsText("kind"))
                .containsOnlyOnce("EXP_GRANTED");
    }

    private static long outboxItemsAbout(String ticketId) {
        return world.dynamo.scanPaginator(b -> b.tableName(Topology.OUTBOX.localName()))
                .items().stream().filter(item -> item.values().stream().map(AttributeValue::s)
                        .anyMatch(v -> v != null && v.contains(ticketId))).count();
    }

}
