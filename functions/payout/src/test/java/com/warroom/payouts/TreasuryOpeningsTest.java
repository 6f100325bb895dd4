package com.warroom.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.money.DecimalAmount;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed's treasury opening balances posted to the ledger over the embedded stack: once ever, each with its audit entry. */
@ExtendWith(EmbeddedStackExtension.class)
class TreasuryOpeningsTest {

    private static final Path SEED = Path.of("../../config/seed-v1.json");
    private static final Caller SEEDER = new Caller("warroom-test-seed", "", Set.of());

    private static PayoutsStack world;
    private static TreasuryOpenings openings;
    private static OpeningBalances balances;

    @BeforeAll
    static void start(EmbeddedStack stack) throws Exception {
        world = new PayoutsStack(stack, Instant.parse("2026-12-04T09:00:00Z"));
        openings = new TreasuryOpenings(world.ledger, new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock),
                world.clock);
        String text = Files.readString(SEED);
        SeedConfig seed = ((ConfigOutcome.Valid) SeedConfigParser.parse(text)).config();
        balances = ((OpeningBalances.Parsed.Valid) OpeningBalances.parse(text, seed)).balances();
    }

    @Test
    void post_theSeedsOpeningsTwice_postsEachOnce_withItsAuditEntry_andTheTreasuriesHoldThem() {
        Map<AccountId, Long> before = treasuries();
        long equityBefore = world.balance(PayoutJournal.OPENING, "USDC");

        List<TreasuryOpenings.Outcome> first = openings.post(balances, SEEDER, source());

        assertThat(first).hasSize(9);
        // the embedded stack is one per test JVM: an opening another test posted first is already there, not posted again
        for (int i = 0; i < first.size(); i++) {
            OpeningBalances.Opening opening = balances.openings().get(i);
            assertThat(first.get(i).entryId()).isEqualTo("opening:" + opening.account().value());
            long expected = first.get(i) instanceof TreasuryOpenings.Outcome.Posted ? opening.amount().minor() : 0;
            assertThat(treasury(opening) - before.get(opening.account())).as(opening.account().value()).isEqualTo(expected);
        }
        assertThat(world.ledger.posted(first.stream().map(TreasuryOpenings.Outcome::entryId).toList())).hasSize(9);
        assertThat(world.balance(PayoutJournal.treasury("evm:1", "USDC"), "USDC")).isGreaterThanOrEqualTo(1_000_000_000_000L);
        assertThat(world.balance(PayoutJournal.treasury("solana", "SOL"), "SOL")).isGreaterThanOrEqualTo(1_000_000_000_000L);
        Map<AccountId, Long> afterFirst = treasuries();

        List<TreasuryOpenings.Outcome> second = openings.post(balances, SEEDER, source());

        assertThat(second).hasSize(9).allMatch(o -> o instanceof TreasuryOpenings.Outcome.AlreadyPosted);
        assertThat(treasuries()).isEqualTo(afterFirst);
        AuditTrail trail = AuditTrail.fromSettings(world.dynamo);
        for (OpeningBalances.Opening opening : balances.openings()) {
            List<AuditEntry> entries = trail.newest(new AuditQuery(Optional.of("ledger:" + opening.account().value()), Optional.empty(),
                    10, Optional.empty()));
            assertThat(entries).as(opening.account().value()).hasSize(1);
            assertThat(entries.get(0).action()).isEqualTo(TreasuryOpenings.AUDIT_ACTION);
            assertThat(Json.readTree(entries.get(0).after()).path("amount").asText()).isEqualTo(DecimalAmount.format(opening.amount()));
        }
        if (first.stream().allMatch(o -> o instanceof TreasuryOpenings.Outcome.Posted)) {
            // USDC opens on evm:1, evm:8453 and solana: 1,000,000 each, all from equity
            assertThat(world.balance(PayoutJournal.OPENING, "USDC") - equityBefore).isEqualTo(-3_000_000_000_000L);
        }
    }

    private static ConfigSeeder.SeedSource source() {
        return new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1"));
    }

    private static long treasury(OpeningBalances.Opening opening) {
        return world.balance(opening.account(), opening.amount().currency());
    }

    private static Map<AccountId, Long> treasuries() {
        Map<AccountId, Long> balancesNow = new HashMap<>();
        balances.openings().forEach(opening -> balancesNow.put(opening.account(), treasury(opening)));
        return balancesNow;
    }
}
