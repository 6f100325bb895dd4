package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.outbox.Outbox;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.support.ExpAward;
import com.warroom.support.ExpGrant;
import com.warroom.support.ExpRewardRates;
import com.warroom.support.ExpRewards;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EXP rewards live in the same ledger as money: the reconcile checks must read an EXP grant as the sound posting it is
 * (a clearing account below zero by design, a user's EXP balance sealed and chained), never as a finding.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ExpGrantChecksTest {

    @Test
    void everyCheck_whenEXPWasGranted_findsNothingMoreThanWithout(EmbeddedStack stack) {
        CheckWorld world = new CheckWorld(stack);
        world.user("u-exp");
        world.payout("p-exp", "u-exp", PayoutKind.WITHDRAWAL, "w-exp", "25", PayoutStatus.CONFIRMED);
        world.paidOrder(CheckWorld.newId("O"), "u-exp", "course:intro-java", "150000.00");
        List<Check> checks = checks(world);
        Map<String, List<FindingDraft>> before = findings(world, checks);

        ExpRewards rewards = new ExpRewards(world.ledger, new Outbox(world.dynamo, Topology.OUTBOX.localName(), world.clock),
                ExpRewardRates.inForce(world.config), world.clock);
        ExpGrant critical = rewards.grant(new ExpAward("T-exp-1", "u-exp", TicketPriority.CRITICAL, Optional.of("u@example.com"), Optional.empty()));
        ExpGrant low = rewards.grant(new ExpAward("T-exp-2", "u-exp", TicketPriority.LOW, Optional.empty(), Optional.empty()));
        rewards.grant(new ExpAward("T-exp-1", "u-exp", TicketPriority.CRITICAL, Optional.empty(), Optional.empty()));

        assertThat(critical.exp()).isEqualTo(500);
        assertThat(low.exp()).isEqualTo(50);
        Map<String, List<FindingDraft>> after = findings(world, checks);
        assertThat(after).isEqualTo(before);
        for (String ledgerCheck : List.of("negative-balances", "sealed-records", "payouts-vs-ledger", "orders-paid", "fee-splits",
                "treasury-holds", "double-payout")) {
            assertThat(after.get(ledgerCheck)).as(ledgerCheck).isEmpty();
        }
    }

    private static Map<String, List<FindingDraft>> findings(CheckWorld world, List<Check> checks) {
        Map<String, List<FindingDraft>> found = new LinkedHashMap<>();
        for (Check check : checks) {
            // two segments merged in a shuffled order, as a run folds them
            found.put(check.name(), world.run(check, 2, new Random(7)));
        }
        return found;
    }

    private static List<Check> checks(CheckWorld world) {
        return new Checks(new Checks.Sources(world.sealer, world.flags,
                new AuditTrail(world.dynamo, Topology.AUDIT.localName(), world.sealer, new AnchorStore(AwsClients.s3(), Topology.ANCHORS.localName())),
                Optional::empty, new Checks.PaidOrders(world.dynamo, Topology.ORDERS.localName(), new MidtransClient(MidtransClient.httpClient(),
                        URI.create("http://127.0.0.1:9"), () -> "unused", Duration.ofSeconds(1))), MismatchThresholds.defaults())).all();
    }
}
