package com.warroom.notifications.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigChange;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.ledger.AccountStatement;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerItems;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.money.AssetUnit;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.DeliveryChannel;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxMessage;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import com.warroom.outbox.SqsOutboxDispatch;
import com.warroom.seal.KmsSealer;
import com.warroom.support.ExpAward;
import com.warroom.support.ExpGrant;
import com.warroom.support.ExpRewardRates;
import com.warroom.support.ExpRewards;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * EXP rewards end to end on the embedded stack: the ledger entry and the outbox notice written together and once, the
 * amount from the config in force, the notice handed to the notifications queue and delivered by the sender (email and
 * WhatsApp, Indonesian and English), and a notice with no contact kept as undeliverable.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ExpRewardsTest {

    private static final int MARKERS = 8;
    private static final Caller ADMIN = new Caller("warroom-test", "test@warroom.test", Set.of(Role.SUPER_ADMIN));
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";

    private static EmbeddedStack stack;
    private static OutboxFixtures fixtures;
    private static ConfigStore config;
    private static WireMockServer provider;
    private RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new OutboxFixtures(embedded);
        config = new ConfigStore(fixtures.dynamo(), Topology.CONFIG.localName(), Clock.systemUTC());
        if (config.newest().isEmpty()) {
            var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
            new ConfigSeeder(config, new AuditLog(fixtures.dynamo(), Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS),
                    Clock.systemUTC())).seed(seed.config(), ADMIN,
                    new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
        }
        provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void install() {
        metrics = RecordedMetrics.install();
        provider.resetAll();
    }

    @AfterEach
    void restore() {
        metrics.close();
    }

    @Test
    void grant_whenManyMarkFixedAtOnce_postsOneEntryAndOneNotice_andTheUserGetsOneMail() throws Exception {
        ExpAward award = award(TicketPriority.HIGH, Optional.of("reporter-" + UUID.randomUUID() + "@example.com"), Optional.empty());
        long clearingBefore = balance(ExpRewards.SOURCE.value());
        List<Callable<ExpGrant>> marks = new ArrayList<>();
        for (int i = 0; i < MARKERS; i++) {
            ExpRewards rewards = rewards(); // each caller its own process: its own ledger and trusted balances
            marks.add(() -> rewards.grant(award));
        }

        List<ExpGrant> grants = Races.race(marks);

        assertThat(grants).filteredOn(ExpGrant::newlyPosted).hasSize(1);
        ExpGrant first = grants.stream().filter(ExpGrant::newlyPosted).findFirst().orElseThrow();
        assertThat(first.entryId()).isEqualTo("exp-reward:" + award.ticketId());
        assertThat(first.exp()).isEqualTo(200);
        assertThat(grants).allSatisfy(grant -> {
            assertThat(grant.entryId()).isEqualTo(first.entryId());
            assertThat(grant.exp()).isEqualTo(200);
            assertThat(grant.grantedAt()).isEqualTo(first.grantedAt());
        });
        LedgerItems.Journal journal = ledger().journal(first.entryId()).orElseThrow();
        assertThat(journal.cause()).isEqualTo("ticket:" + award.ticketId());
        assertThat(journal.legs()).containsExactlyInAnyOrder(
                new LedgerItems.Leg(ExpRewards.SOURCE.value(), AssetUnit.EXP, -200),
                new LedgerItems.Leg("exp:" + award.userId(), AssetUnit.EXP, 200));
        AccountStatement user = ledger().statement(ExpRewards.account(award.userId()), Optional.empty(), 10);
        assertThat(user.balances()).singleElement().satisfies(balance -> {
            assertThat(balance.currency()).isEqualTo("EXP");
            assertThat(balance.minor()).isEqualTo(200);
            assertThat(balance.entryCount()).isEqualTo(1);
            assertThat(balance.lastEntryId()).isEqualTo(first.entryId());
            assertThat(balance.sealIntact()).isTrue();
        });
        assertThat(user.lines()).singleElement().satisfies(line -> assertThat(line.entryId()).isEqualTo(first.entryId()));
        assertThat(balance(ExpRewards.SOURCE.value())).isEqualTo(clearingBefore - 200);
        assertThat(metrics.count(ExpRewards.GRANTED_METRIC)).isEqualTo(1);

        String noticeId = NotificationKind.EXP_GRANTED.idFor(award.ticketId());
        assertThat(noticeId).isEqualTo("exp.granted:" + award.ticketId());
        OutboxRecord notice = fixtures.stored(noticeId);
        assertThat(notice.kind()).isEqualTo(NotificationKind.EXP_GRANTED);
        assertThat(notice.subjectId()).isEqualTo(award.ticketId());
        assertThat(notice.orderId()).isEmpty();
        assertThat(notice.userId()).isEqualTo(award.userId());
        assertThat(notice.facts()).containsExactly(Map.entry("exp", "200"));
        assertThat(notice.delivery().channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(fixtures.outbox().forOrder(award.ticketId())).as("a ticket's notice is not an order's").isEmpty();

        // every message the grants queued goes to the sender, as the queue would hand them over: one mail
        NotificationSender sender = SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.empty());
        List<String> queued = drainNotifications(noticeId);
        assertThat(queued).isNotEmpty().containsOnly(noticeId);
        queued.forEach(id -> sender.deliver(SenderFixture.message(id), 1));
        assertThat(fixtures.stored(noticeId).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stack.localSes().sentTo(award.email().orElseThrow())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Anda mendapatkan 200 EXP / You earned 200 EXP");
            assertThat(mail.text()).hasValueSatisfying(text -> assertThat(text)
                    .contains("Terima kasih! Bug yang Anda laporkan (tiket " + award.ticketId() + ") sudah kami reproduksi dan perbaiki. "
                            + "Anda mendapatkan 200 EXP.")
                    .contains("Thank you! The bug you reported (ticket " + award.ticketId() + ") was reproduced and fixed. You earned 200 EXP.")
                    .doesNotContain("exp:"));
        });
    }

    @Test
    void grant_whenCalledAgainLater_answersTheFirstGrantAndWritesNothing() {
        ExpRewards rewards = rewards();
        ExpAward award = award(TicketPriority.CRITICAL, Optional.of("again@example.com"), Optional.empty());
        ExpGrant first = rewards.grant(award);
        OutboxRecord notice = fixtures.stored(NotificationKind.EXP_GRANTED.idFor(award.ticketId()));

        ExpGrant again = rewards().grant(award);

        assertThat(first.newlyPosted()).isTrue();
        assertThat(first.exp()).isEqualTo(500);
        assertThat(again).isEqualTo(new ExpGrant(first.entryId(), 500, first.grantedAt(), false));
        assertThat(ledger().statement(ExpRewards.account(award.userId()), Optional.empty(), 10).balances())
                .singleElement().satisfies(b -> assertThat(b.entryCount()).isEqualTo(1));
        assertThat(fixtures.stored(notice.id()).delivery().version()).isEqualTo(notice.delivery().version());
    }

    @Test
    void grant_whenNoContact_keepsTheNoticeWithNoChannel_andTheSenderMarksItUndeliverable() {
        ExpAward award = award(TicketPriority.LOW, Optional.empty(), Optional.empty());

        ExpGrant grant = rewards().grant(award);

        assertThat(grant.exp()).isEqualTo(50);
        String noticeId = NotificationKind.EXP_GRANTED.idFor(award.ticketId());
        assertThat(fixtures.stored(noticeId).delivery().channel()).isEqualTo(DeliveryChannel.NONE);
        assertThat(fixtures.stored(noticeId).status()).isEqualTo(OutboxStatus.PENDING);

        SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.empty()).deliver(SenderFixture.message(noticeId), 1);

        assertThat(fixtures.stored(noticeId).status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(fixtures.stored(noticeId).delivery().lastError()).contains("the ticket gave no email address or phone number");
        assertThat(ledger().journal(grant.entryId())).isPresent();
    }

    @Test
    void grant_whenOnlyAPhone_theSenderSendsBothLanguagesByWhatsApp() {
        provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.EXP\"}]}")));
        ExpAward award = award(TicketPriority.MEDIUM, Optional.empty(), Optional.of("+6281234567890"));
        rewards().grant(award);
        String noticeId = NotificationKind.EXP_GRANTED.idFor(award.ticketId());
        WhatsAppSender whatsApp = new HttpWhatsAppSender(HttpWhatsAppSender.defaultClient(),
                URI.create(provider.baseUrl() + "/v21.0/" + PHONE_NUMBER_ID), () -> "EAAG-test-token");

        DeliveryOutcome outcome = SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.of(whatsApp))
                .deliver(SenderFixture.message(noticeId), 1);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(noticeId, "wamid.EXP"));
        assertThat(fixtures.stored(noticeId).delivery().channel()).isEqualTo(DeliveryChannel.WHATSAPP);
        provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", containing("6281234567890")))
                .withRequestBody(matchingJsonPath("$.text.body", containing("Anda mendapatkan 100 EXP")))
                .withRequestBody(matchingJsonPath("$.text.body", containing("You earned 100 EXP")))
                .withRequestBody(matchingJsonPath("$.text.body", containing(award.ticketId()))));
    }

    @Test
    void grant_takesTheRatesOfTheConfigInForce_andAnEarlierGrantKeepsItsAmount() {
        ExpRewards rewards = rewards();
        ExpAward before = award(TicketPriority.HIGH, Optional.empty(), Optional.empty());
        assertThat(rewards.grant(before).exp()).isEqualTo(200);
        SeedConfig inForce = config.current().orElseThrow();
        Map<TicketPriority, Long> raised = new EnumMap<>(inForce.expRewards());
        raised.put(TicketPriority.HIGH, 350L);
        apply(new ConfigChange.ExpRewardsSet(raised));
        try {
            ExpAward after = award(TicketPriority.HIGH, Optional.empty(), Optional.empty());

            assertThat(rewards.grant(after).exp()).as("the same ExpRewards reads the rates at each grant").isEqualTo(350);
            assertThat(rewards.grant(before)).satisfies(grant -> {
                assertThat(grant.exp()).isEqualTo(200);
                assertThat(grant.newlyPosted()).isFalse();
            });
            assertThat(ExpRewardRates.inForce(config).expFor(TicketPriority.HIGH)).isEqualTo(350);
            assertThat(ExpRewardRates.inForce(config).expFor(TicketPriority.CRITICAL)).isEqualTo(inForce.expReward(TicketPriority.CRITICAL));
        } finally {
            apply(new ConfigChange.ExpRewardsSet(inForce.expRewards()));
        }
    }

    @Test
    void award_whenIdsCannotNameALedgerEntryOrAccount_expectRefused() {
        assertThatThrownBy(() -> new ExpAward("t 1", "u-1", TicketPriority.LOW, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticket id");
        assertThatThrownBy(() -> new ExpAward("t-1", "u:1", TicketPriority.LOW, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user id");
        assertThatThrownBy(() -> new ExpAward("t-1", "", TicketPriority.LOW, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpAward("t-1", "u-1", null, Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    // ---- helpers

    private static ExpAward award(TicketPriority priority, Optional<String> email, Optional<String> phone) {
        String ticket = "T-" + UUID.randomUUID();
        return new ExpAward(ticket, "u-" + UUID.randomUUID().toString().substring(0, 13), priority, email, phone);
    }

    private static ExpRewards rewards() {
        Clock clock = Clock.systemUTC();
        return new ExpRewards(ledger(), new Outbox(fixtures.dynamo(), Topology.OUTBOX.localName(), clock),
                SqsOutboxDispatch.fromSettings(stack.sqs()), ExpRewardRates.inForce(config), clock);
    }

    private static Ledger ledger() {
        return new Ledger(fixtures.dynamo(), Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
    }

    private static long balance(String account) {
        return ledger().statement(new com.warroom.ledger.AccountId(account), Optional.empty(), 1).balances().stream()
                .filter(b -> b.currency().equals(AssetUnit.EXP)).mapToLong(AccountStatement.Balance::minor).sum();
    }

    private static void apply(ConfigChange change) {
        SeedConfig next = ((ConfigOutcome.Valid) change.applyTo(config.current().orElseThrow())).config();
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        config.putNew(config.snapshot(next, ADMIN, "test:" + change.kind(), 0)).accept(transaction);
        fixtures.dynamo().transactWriteItems(transaction.build());
    }

    /** The outbox ids of the notifications queue's messages about {@code id} (others are left to come back). */
    private static List<String> drainNotifications(String id) {
        String url = Settings.require(Topology.NOTIFICATIONS.urlEnvVar());
        List<String> found = new ArrayList<>();
        for (int emptyPolls = 0; emptyPolls < 2; ) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                emptyPolls++;
            }
            for (Message message : messages) {
                String outboxId = OutboxMessage.parse(message.body()).map(OutboxMessage::outboxId).orElse("");
                if (outboxId.equals(id)) {
                    found.add(outboxId);
                    stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return found;
    }
}
