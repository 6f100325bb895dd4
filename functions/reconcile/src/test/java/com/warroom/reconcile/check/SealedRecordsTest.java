package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewOverrideSeal;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class SealedRecordsTest {

    private static final String OTHER_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

    private CheckWorld world;
    private Check check;

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        check = new SealedRecords(world.sealer, world.flags);
        world.user("u-1");
        world.user("u-2");
        world.payout("p-1", "u-1", PayoutKind.WITHDRAWAL, "w-1", "25", PayoutStatus.CONFIRMED);
        world.payout("p-2", "u-2", PayoutKind.WITHDRAWAL, "w-2", "25", PayoutStatus.REQUESTED);
    }

    @Test
    void compare_whenEveryRecordIsAsItsFunctionSealedIt_findsNothing() {
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAPayoutsDestinationWasEdited_findsThePayoutHighEscalate() {
        edit(Topology.PAYOUTS, Map.of("payoutId", AttributeValue.fromS("p-2")), "address", AttributeValue.fromS(OTHER_ADDRESS));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("payout p-2");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
            assertThat(f.runbook()).isEqualTo("#reconcile-sealed-records");
        });
    }

    @Test
    void compare_whenAPrimaryWalletOrABalanceWasEdited_findsEach() {
        edit(Topology.USERS, Map.of("userId", AttributeValue.fromS("u-1")), "address", AttributeValue.fromS(OTHER_ADDRESS));
        edit(Topology.LEDGER_BALANCES, Map.of("account", AttributeValue.fromS("treasury:evm:1:USDC"), "currency", AttributeValue.fromS("USDC")),
                "balance", AttributeValue.fromN("999999999999"));

        assertThat(world.run(check)).extracting(FindingDraft::subject)
                .containsExactlyInAnyOrder("primary wallet of user u-1", "ledger balance treasury:evm:1:USDC USDC");
    }

    @Test
    void compare_whenAPaymentReviewWasLetThroughByHand_findsIt_butNotOneLetThroughByTheOverride() {
        ReviewStore reviews = new ReviewStore(world.dynamo, Topology.PAYMENT_REVIEWS.localName());
        PaymentReview open = review("UNKNOWN_ORDER:ev-open");
        PaymentReview approved = new ReviewOverrideSeal(world.sealer).overridden(review("UNKNOWN_ORDER:ev-approved"),
                "{\"approvedBy\":\"root-bob\"}");
        PaymentReview byHand = review("UNKNOWN_ORDER:ev-by-hand");
        reviews.record(open);
        reviews.record(approved);
        reviews.record(byHand);
        edit(Topology.PAYMENT_REVIEWS, Map.of("id", AttributeValue.fromS(byHand.id())), "state",
                AttributeValue.fromS(PaymentReview.OVERRIDDEN_PASS));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("payment review UNKNOWN_ORDER:ev-by-hand (OVERRIDDEN_PASS)");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
        });
    }

    private static PaymentReview review(String id) {
        return new PaymentReview(id, "UNKNOWN_ORDER", "O-" + id.substring(id.indexOf(':') + 1), id.substring(id.indexOf(':') + 1),
                "no order is registered here", Optional.empty(), Optional.empty(), PaymentReview.OPEN, "2026-11-23T08:00:00.000Z");
    }

    @Test
    void compare_whenAFlagRowWasFlippedAroundTheKillSwitchRoute_findsTheFlagStates() {
        setFlag(Flag.PAYOUT, false);
        Map<String, AttributeValue> key = Map.of("flag", AttributeValue.fromS(Flag.PAYOUT.key()), "scope", AttributeValue.fromS(FlagScope.GLOBAL.key()));
        Map<String, AttributeValue> sealed = world.getRaw(Topology.FLAGS, key);
        try {
            edit(Topology.FLAGS, key, "enabled", AttributeValue.fromBool(true));

            assertThat(world.run(check)).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("flag states");
                assertThat(f.risk()).isEqualTo(Risk.HIGH);
            });
        } finally {
            world.putRaw(Topology.FLAGS, sealed);
            setFlag(Flag.PAYOUT, true);
        }
    }

    private void edit(TableDef table, Map<String, AttributeValue> key, String attribute, AttributeValue value) {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(table, key));
        item.put(attribute, value);
        world.putRaw(table, item);
    }

    private void setFlag(Flag flag, boolean enabled) {
        FlagStore.Load.Trusted trusted = (FlagStore.Load.Trusted) world.flags.load();
        FlagRecord current = trusted.current(flag, FlagScope.GLOBAL);
        FlagRecord next = new FlagRecord(flag.key(), FlagScope.GLOBAL.key(), enabled, "set by a reconcile test", "ops-test",
                "ops-test@warroom.test", world.clock.instant().toString(), current.version() + 1, 0);
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        world.flags.change(trusted, next).forEach(write -> write.accept(transaction));
        world.dynamo.transactWriteItems(transaction.build());
    }
}
