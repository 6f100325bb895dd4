package com.warroom.ledger;

import static com.warroom.ledger.Entries.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.money.Money;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link Ledger#post} and {@link Ledger#prepare} on DynamoDB Local with seals from the local KMS. */
@ExtendWith(EmbeddedStackExtension.class)
class LedgerPostingTest {

    private LedgerFixture fixture;
    private Ledger ledger;
    private AccountId clearing;
    private AccountId revenue;

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        fixture = new LedgerFixture(stack);
        ledger = fixture.ledger();
        clearing = fixture.account("psp_clearing", "midtrans");
        revenue = fixture.account("revenue", "courses");
    }

    @Test
    void post_whenNewAccounts_writesTheJournalItemAChainedLineAndASealedBalanceForEach() {
        String id = fixture.id("order-paid:O-1");
        JournalEntry entry = Entries.transfer(id, clearing, revenue, "IDR", 15_000_000);

        assertThat(ledger.post(entry)).isEqualTo(new PostingOutcome.Posted(entry));

        assertThat(fixture.balance(clearing, "IDR")).isEqualTo(-15_000_000);
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(15_000_000);
        Map<String, AttributeValue> balance = fixture.rawBalance(revenue, "IDR");
        Map<String, AttributeValue> line = fixture.rawLine(revenue, "IDR", 1);
        assertThat(balance.get("entryCount").n()).isEqualTo("1");
        assertThat(balance.get("lastEntryId").s()).isEqualTo(id);
        assertThat(balance.get("lastLineHash").s()).isEqualTo(line.get("hash").s()).hasSize(64);
        assertThat(balance.get("nonNegative").bool()).isTrue();
        assertThat(fixture.rawBalance(clearing, "IDR").get("nonNegative").bool()).isFalse();
        assertThat(balance.get("mac").s()).isNotBlank();
        assertThat(balance.get("keyId").s()).startsWith("arn:aws:kms:");
        assertThat(line.get("entryId").s()).isEqualTo(id);
        assertThat(line.get("cause").s()).isEqualTo("test:" + id);
        assertThat(line.get("at").s()).isEqualTo(Entries.AT.toString());
        assertThat(line.get("minor").n()).isEqualTo("15000000");
        assertThat(line.get("balanceAfter").n()).isEqualTo("15000000");
        assertThat(line.get("prevHash").s()).isEqualTo(LedgerHash.GENESIS);
        assertThat(fixture.rawLine(clearing, "IDR", 1).get("minor").n()).isEqualTo("-15000000");
        assertThat(fixture.journalHas(id)).isTrue();
    }

    @Test
    void post_whenAccountsHaveLines_chainsTheNextLineToTheNewest() {
        ledger.post(Entries.transfer(fixture.id("e-1"), clearing, revenue, "IDR", 100));
        ledger.post(Entries.transfer(fixture.id("e-2"), clearing, revenue, "IDR", 250));

        Map<String, AttributeValue> first = fixture.rawLine(revenue, "IDR", 1);
        Map<String, AttributeValue> second = fixture.rawLine(revenue, "IDR", 2);
        assertThat(second.get("prevHash").s()).isEqualTo(first.get("hash").s());
        assertThat(second.get("balanceAfter").n()).isEqualTo("350");
        assertThat(fixture.rawBalance(revenue, "IDR").get("lastLineHash").s()).isEqualTo(second.get("hash").s());
        assertThat(fixture.entryCount(revenue, "IDR")).isEqualTo(2);
        assertThat(fixture.balance(clearing, "IDR")).isEqualTo(-350);
    }

    @Test
    void post_whenTheSameIdAgain_answersAlreadyPostedAndWritesNothing() {
        String id = fixture.id("order-paid:O-2");
        ledger.post(Entries.transfer(id, clearing, revenue, "IDR", 15_000_000));
        Set<Map<String, AttributeValue>> before = fixture.everything();

        // the same business event, even with other amounts, is never a second entry
        assertThat(ledger.post(Entries.transfer(id, clearing, revenue, "IDR", 15_000_000)))
                .isEqualTo(new PostingOutcome.AlreadyPosted(id));
        assertThat(fixture.ledger().post(Entries.transfer(id, clearing, revenue, "IDR", 99)))
                .isEqualTo(new PostingOutcome.AlreadyPosted(id));

        assertThat(fixture.everything()).isEqualTo(before);
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(15_000_000);
    }

    @Test
    void post_whenItWouldTakeANonNegativeAccountBelowZero_answersOverdrawnAndWritesNothing() {
        ledger.post(Entries.transfer(fixture.id("in"), clearing, revenue, "IDR", 100));
        Set<Map<String, AttributeValue>> before = fixture.everything();
        String refund = fixture.id("order-refund:O-3:150");

        assertThat(ledger.post(Entries.transfer(refund, revenue, clearing, "IDR", 150)))
                .isEqualTo(new PostingOutcome.Overdrawn(revenue, new Money("IDR", -50)));

        assertThat(fixture.everything()).isEqualTo(before);
        assertThat(fixture.journalHas(refund)).isFalse();
        // exactly down to zero is allowed
        assertThat(ledger.post(Entries.transfer(fixture.id("out"), revenue, clearing, "IDR", 100)))
                .isInstanceOf(PostingOutcome.Posted.class);
        assertThat(fixture.balance(revenue, "IDR")).isZero();
    }

    @Test
    void post_whenANewNonNegativeAccountWouldStartNegative_answersOverdrawnAndCreatesNoBalance() {
        AccountId user = fixture.account("user", "u-1");
        Set<Map<String, AttributeValue>> before = fixture.everything();

        assertThat(ledger.post(Entries.transfer(fixture.id("withdraw"), user, clearing, "IDR", 1)))
                .isEqualTo(new PostingOutcome.Overdrawn(user, new Money("IDR", -1)));

        assertThat(fixture.everything()).isEqualTo(before);
        assertThat(fixture.rawBalance(user, "IDR")).isEmpty();
    }

    @Test
    void post_whenAFeeSplitOverFourAccounts_keepsTheSumOfTheBalancesAtZero() {
        AccountId treasury = fixture.account("fees", "blue_check:treasury");
        AccountId referral = fixture.account("fees", "blue_check:referral");
        AccountId creator = fixture.account("fees", "blue_check:creator");

        JournalEntry paid = Entries.split(fixture.id("order-paid:O-4"), clearing, "IDR", List.of(treasury, referral, creator),
                List.of(7_000_001L, 2_999_999L, 1L));
        assertThat(ledger.post(paid)).isInstanceOf(PostingOutcome.Posted.class);

        long sum = fixture.balance(clearing, "IDR") + fixture.balance(treasury, "IDR") + fixture.balance(referral, "IDR")
                + fixture.balance(creator, "IDR");
        assertThat(sum).isZero();
        assertThat(fixture.balance(clearing, "IDR")).isEqualTo(-10_000_001);
        assertThat(fixture.balance(creator, "IDR")).isEqualTo(1);
    }

    @Test
    void post_whenAnEntryHasTwoCurrencies_keepsOneBalanceAndChainPerCurrency() {
        ledger.post(Entries.of(fixture.id("fx"), leg(clearing, "IDR", -15_000_000), leg(revenue, "IDR", 15_000_000),
                leg(clearing, "JPY", -1_500), leg(revenue, "JPY", 1_500)));

        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(15_000_000);
        assertThat(fixture.balance(revenue, "JPY")).isEqualTo(1_500);
        assertThat(fixture.rawLine(revenue, "JPY", 1).get("key").s()).isEqualTo("line#" + revenue.value() + "#JPY");
        assertThat(fixture.balance(clearing, "IDR") + fixture.balance(revenue, "IDR")).isZero();
        assertThat(fixture.balance(clearing, "JPY") + fixture.balance(revenue, "JPY")).isZero();
    }

    @Test
    void post_costsOneGenerateMacPerAccount_andVerifiesOnlyBalancesItDidNotSealOrCheckItself() {
        CountingSealer counted = new CountingSealer(KmsSealer.forKey(Topology.SEALS));
        Ledger warm = fixture.ledger(counted);

        warm.post(Entries.transfer(fixture.id("k-1"), clearing, revenue, "IDR", 100));
        assertThat(counted.seals()).as("GenerateMac, new balances").isEqualTo(2);
        assertThat(counted.verifications()).as("VerifyMac, new balances").isZero();

        counted.reset();
        warm.post(Entries.transfer(fixture.id("k-2"), clearing, revenue, "IDR", 100));
        assertThat(counted.seals()).as("GenerateMac, balances it sealed").isEqualTo(2);
        assertThat(counted.verifications()).as("VerifyMac, balances it sealed").isZero();

        fixture.ledger().post(Entries.transfer(fixture.id("k-3"), clearing, revenue, "IDR", 100));
        counted.reset();
        warm.post(Entries.transfer(fixture.id("k-4"), clearing, revenue, "IDR", 100));
        assertThat(counted.seals()).as("GenerateMac, balances another ledger sealed").isEqualTo(2);
        assertThat(counted.verifications()).as("VerifyMac, balances another ledger sealed").isEqualTo(2);

        AccountId treasury = fixture.account("fees", "k:treasury");
        AccountId referral = fixture.account("fees", "k:referral");
        AccountId sbt = fixture.account("fees", "k:sbt");
        counted.reset();
        warm.post(Entries.split(fixture.id("k-5"), clearing, "IDR", List.of(treasury, referral, sbt), List.of(50L, 30L, 20L)));
        assertThat(counted.seals()).as("GenerateMac, four accounts").isEqualTo(4);
        assertThat(counted.verifications()).isZero();
    }

    @Test
    void prepare_whenTheCallersTransactionIsRefused_writesNothing_andPreparingAgainStillWrites() {
        String id = fixture.id("order-paid:O-5");
        JournalEntry entry = Entries.transfer(id, clearing, revenue, "IDR", 500);
        Set<Map<String, AttributeValue>> before = fixture.everything();
        LedgerWrite.Writes writes = (LedgerWrite.Writes) ledger.prepare(entry);

        // the caller's own condition (here: an order item that is not there) fails the whole transaction
        var request = TransactWriteItemsEnhancedRequest.builder();
        writes.writes().forEach(w -> w.accept(request));
        request.addConditionCheck(fixture.enhanced.table(LedgerFixture.ENTRIES, JournalRecord.SCHEMA), ConditionCheck.builder()
                .key(JournalRecord.key(fixture.id("no-such-order")))
                .conditionExpression(Expression.builder().expression("attribute_exists(#k)").putExpressionName("#k", "key").build())
                .build());
        assertThatThrownBy(() -> fixture.enhanced.transactWriteItems(request.build()))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(fixture.everything()).isEqualTo(before);

        LedgerWrite again = ledger.prepare(entry);
        assertThat(again).isInstanceOf(LedgerWrite.Writes.class);
        var alone = TransactWriteItemsEnhancedRequest.builder();
        ((LedgerWrite.Writes) again).writes().forEach(w -> w.accept(alone));
        fixture.enhanced.transactWriteItems(alone.build());
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(500);
        assertThat(ledger.prepare(entry)).isEqualTo(new LedgerWrite.AlreadyPosted(id));
    }

    @Test
    void prepare_whenAnotherPostingCommitsFirst_theStaleWritesAreRefusedByTheirConditions() {
        ledger.post(Entries.transfer(fixture.id("p-0"), clearing, revenue, "IDR", 10));
        LedgerWrite.Writes stale = (LedgerWrite.Writes) ledger.prepare(Entries.transfer(fixture.id("p-1"), clearing, revenue, "IDR", 1));
        fixture.ledger().post(Entries.transfer(fixture.id("p-2"), clearing, revenue, "IDR", 2));
        Set<Map<String, AttributeValue>> before = fixture.everything();

        var request = TransactWriteItemsEnhancedRequest.builder();
        stale.writes().forEach(w -> w.accept(request));
        assertThatThrownBy(() -> fixture.enhanced.transactWriteItems(request.build()))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).contains("ConditionalCheckFailed"));

        assertThat(fixture.everything()).isEqualTo(before);
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(12);
    }

    @Test
    void post_whenTheKeyServiceCannotVerify_refusesWithSealingUnavailableAndWritesNothing() {
        ledger.post(Entries.transfer(fixture.id("u-0"), clearing, revenue, "IDR", 10));
        Set<Map<String, AttributeValue>> before = fixture.everything();
        Sealer real = KmsSealer.forKey(Topology.SEALS);
        Sealer cannotVerify = new Sealer() {
            @Override
            public Seal seal(byte[] canonicalBytes) {
                return real.seal(canonicalBytes);
            }

            @Override
            public Verification verify(byte[] canonicalBytes, Seal seal) {
                return new Verification.Unavailable("KMS did not answer");
            }
        };

        assertThatThrownBy(() -> fixture.ledger(cannotVerify).post(Entries.transfer(fixture.id("u-1"), clearing, revenue, "IDR", 1)))
                .isInstanceOf(SealingUnavailable.class);
        assertThat(fixture.everything()).isEqualTo(before);
    }

    @Test
    void post_whenTheKeyServiceCannotSeal_refusesWithSealingUnavailableAndWritesNothing() {
        Set<Map<String, AttributeValue>> before = fixture.everything();
        Sealer cannotSeal = new Sealer() {
            @Override
            public Seal seal(byte[] canonicalBytes) {
                throw new SealingUnavailable("GenerateMac failed: KMS did not answer", null);
            }

            @Override
            public Verification verify(byte[] canonicalBytes, Seal seal) {
                return new Verification.Unavailable("KMS did not answer");
            }
        };

        assertThatThrownBy(() -> fixture.ledger(cannotSeal).post(Entries.transfer(fixture.id("s-1"), clearing, revenue, "IDR", 1)))
                .isInstanceOf(SealingUnavailable.class);
        assertThat(fixture.everything()).isEqualTo(before);
    }

    @Test
    void post_writesTheJournalItemWithEveryPosting() {
        String id = fixture.id("order-paid:O-6");
        ledger.post(Entries.transfer(id, clearing, revenue, "IDR", 15_000_000));

        JournalRecord stored = fixture.enhanced.table(LedgerFixture.ENTRIES, JournalRecord.SCHEMA).getItem(JournalRecord.key(id));
        assertThat(stored.entryId()).isEqualTo(id);
        assertThat(stored.cause()).isEqualTo("test:" + id);
        assertThat(stored.at()).isEqualTo(Entries.AT.toString());
        assertThat(stored.postedAt()).isNotBlank();
        JsonNode postings = Json.readTree(stored.postings());
        assertThat(postings.findValuesAsText("account")).containsExactly(clearing.value(), revenue.value());
        assertThat(postings.findValues("minor")).extracting(JsonNode::asLong).containsExactly(-15_000_000L, 15_000_000L);
    }
}
