package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A run folds each table in as many segments as it likes and merges their aggregates in any order: one segment, and
 * four segments merged shuffled, give every scanning check the same findings.
 */
@ExtendWith(EmbeddedStackExtension.class)
class SegmentsTest {

    @Test
    void compare_whenTheTablesAreFoldedInOneOrInFourSegmentsMergedInAnotherOrder_givesTheSameFindings(EmbeddedStack stack) {
        CheckWorld world = new CheckWorld(stack);
        aWorldWithSomethingWrongEverywhere(world);
        Checks checks = new Checks(new Checks.Sources(world.sealer, world.flags,
                new AuditTrail(world.dynamo, Topology.AUDIT.localName(), world.sealer,
                        new AnchorStore(AwsClients.s3(), Topology.ANCHORS.localName())),
                world.config::currentFeeRules,
                new Checks.PaidOrders(world.dynamo, Topology.ORDERS.localName(), new MidtransClient(MidtransClient.httpClient(),
                        URI.create("http://127.0.0.1:9"), () -> "unused", Duration.ofSeconds(1))),
                MismatchThresholds.defaults()));

        int scanning = 0;
        for (Check check : checks.all()) {
            if (check.scans().isEmpty()) {
                continue;
            }
            scanning++;
            List<FindingDraft> whole = world.run(check, 1, new Random(1));
            List<FindingDraft> segmented = world.run(check, 4, new Random(7));
            List<FindingDraft> reversed = world.run(check, 3, new Random(42));
            assertThat(whole).as("%s finds what was broken", check.name()).isNotEmpty();
            assertThat(segmented).as(check.name()).containsExactlyInAnyOrderElementsOf(whole);
            assertThat(reversed).as(check.name()).containsExactlyInAnyOrderElementsOf(whole);
        }
        assertThat(scanning).isEqualTo(10);
    }

    private static void aWorldWithSomethingWrongEverywhere(CheckWorld world) {
        for (int u = 1; u <= 6; u++) {
            world.user("u-" + u);
            world.payout("p-" + u, "u-" + u, PayoutKind.WITHDRAWAL, "w-" + u, u + "0", PayoutStatus.CONFIRMED);
            world.payout("p-held-" + u, "u-" + u, PayoutKind.REFUND, "r-" + u, u + ".5", PayoutStatus.REQUESTED);
            world.contribution("R-" + (u % 3), "u-" + u, u + "00", "USDC");
            world.referralClaim("u-" + u, "10", "USDC");
            world.paidOrder("O-" + u, "u-" + u, "course:rust", u + "50000.00");
            world.fee("fee-" + u, "blue_check", Integer.toString(10 * u), "USDC",
                    Map.of("fees:blue_check:treasury", Integer.toString(7 * u), "fees:blue_check:referral", Integer.toString(3 * u)));
        }
        // double payout; referral paid beyond the claim; CONFIRMED without entry
        world.payout("p-1-again", "u-1", PayoutKind.WITHDRAWAL, "w-1", "10", PayoutStatus.CONFIRMED);
        world.payout("p-ref", "u-2", PayoutKind.REFERRAL_CLAIM, "c-2", "35", PayoutStatus.CONFIRMED);
        edit(world, Topology.PAYOUTS, Map.of("payoutId", AttributeValue.fromS("p-held-3")), "status", AttributeValue.fromS("CONFIRMED"));
        // fee misposted; round total raised around the ledger
        world.fee("fee-bad", "blue_check", "500", "USDC", Map.of("fees:blue_check:treasury", "500"));
        world.addToTotal("R-1", "USDC", 7_000_000L, 0, 0, 0);
        // an entitlement gone; a negative, tampered balance; an open review
        world.raw.deleteItem(b -> b.tableName(Topology.ENTITLEMENTS.localName()).key(Map.of("userId", AttributeValue.fromS("u-4"),
                "item", AttributeValue.fromS("course:rust"))));
        edit(world, Topology.LEDGER_BALANCES, Map.of("account", AttributeValue.fromS("revenue:courses"), "currency", AttributeValue.fromS("IDR")),
                "balance", AttributeValue.fromN("-1"));
        new ReviewStore(world.dynamo, Topology.PAYMENT_REVIEWS.localName()).record(new PaymentReview("UNKNOWN_ORDER:ev-9", "UNKNOWN_ORDER",
                "O-9", "ev-9", "unknown order", Optional.empty(), Optional.empty(), PaymentReview.OPEN, world.clock.instant().toString()));
        world.clock.advance(Duration.ofHours(1));
    }

    private static void edit(CheckWorld world, com.warroom.topology.TableDef table, Map<String, AttributeValue> key, String name,
                             AttributeValue value) {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(table, key));
        item.put(name, value);
        world.putRaw(table, item);
    }
}
