package com.warroom.notifications.sender;

import static com.warroom.notifications.sender.SenderFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.flags.Flag;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.ses.SentEmail;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class NotificationSenderTest {

    private static EmbeddedStack stack;
    private static OutboxFixtures fixtures;
    private RecordedMetrics metrics;
    private NotificationSender sender;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new OutboxFixtures(embedded);
    }

    @BeforeEach
    void install() {
        metrics = RecordedMetrics.install();
        sender = SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.empty());
    }

    @AfterEach
    void restore() {
        stack.localSes().acceptSends();
        metrics.close();
    }

    @Test
    void deliver_whenPendingWithEmail_sendsOneMailThroughSesAndMarksSent() {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);

        DeliveryOutcome outcome = sender.deliver(message(id), 1);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Sent.class);
        OutboxRecord stored = fixtures.stored(id);
        assertThat(stored.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(stored.delivery().attempts()).isEqualTo(1);
        assertThat(stored.delivery().channel().wireName()).isEqualTo("email");
        List<SentEmail> mail = stack.localSes().sentTo(OutboxFixtures.email(order));
        assertThat(mail).singleElement().satisfies(email -> {
            assertThat(email.from()).isEqualTo(EmbeddedStack.LOCAL_MAIL_FROM);
            assertThat(email.subject()).isEqualTo("Payment received: order " + order);
            assertThat(email.text()).hasValueSatisfying(text -> assertThat(text)
                    .contains("IDR 150000.00", "course:intro-java", order));
            assertThat(email.messageId()).isEqualTo(((DeliveryOutcome.Sent) outcome).providerId());
        });
        assertThat(metrics.names()).containsExactly(NotificationSender.SENT_METRIC);
    }

    @Test
    void deliver_whenAlreadySent_sendsNothingAgain() {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);
        sender.deliver(message(id), 1);

        DeliveryOutcome again = sender.deliver(message(id), 1);

        assertThat(again).isEqualTo(new DeliveryOutcome.AlreadySettled(id, OutboxStatus.SENT));
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).hasSize(1);
        assertThat(fixtures.stored(id).delivery().attempts()).isEqualTo(1);
    }

    @Test
    void deliver_whenReminderFlagDisabledForTheUser_suppressesIt_andSendsWhenEnabled() {
        String order = OutboxFixtures.orderId();
        String user = "user-" + order;
        String reminder = fixtures.create(new Notification(NotificationKind.PAYMENT_REMINDER, order, user,
                Optional.of(OutboxFixtures.email(order)), Optional.empty(), OutboxFixtures.FACTS));
        fixtures.setFlagForUser(Flag.NOTIFICATION_REMINDER, user, false);

        DeliveryOutcome outcome = sender.deliver(message(reminder), 1);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.NotSent.class);
        OutboxRecord stored = fixtures.stored(reminder);
        assertThat(stored.status()).isEqualTo(OutboxStatus.SUPPRESSED);
        assertThat(stored.delivery().attempts()).isZero();
        assertThat(stored.delivery().lastError()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("notification.reminder is disabled (user:" + user + ")"));
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).isEmpty();
        assertThat(metrics.names()).containsExactly(NotificationSender.SUPPRESSED_METRIC);

        String other = OutboxFixtures.orderId();
        String allowed = fixtures.create(new Notification(NotificationKind.PAYMENT_REMINDER, other, "user-" + other,
                Optional.of(OutboxFixtures.email(other)), Optional.empty(), OutboxFixtures.FACTS));
        assertThat(sender.deliver(message(allowed), 1)).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(other))).singleElement()
                .satisfies(email -> assertThat(email.subject()).isEqualTo("Reminder: order " + other + " is waiting for payment"));
    }

    @Test
    void deliver_whenNoContact_orPhoneOnlyWithWhatsAppOff_marksUndeliverable() {
        String none = fixtures.create(new Notification(NotificationKind.PAYMENT_SUCCESS, OutboxFixtures.orderId(), "u1",
                Optional.empty(), Optional.empty(), OutboxFixtures.FACTS));
        String phoneOnly = fixtures.create(new Notification(NotificationKind.PAYMENT_SUCCESS, OutboxFixtures.orderId(), "u2",
                Optional.empty(), Optional.of("+6281234567890"), OutboxFixtures.FACTS));

        sender.deliver(message(none), 1);
        sender.deliver(message(phoneOnly), 1);

        assertThat(fixtures.stored(none).status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(fixtures.stored(none).delivery().lastError()).contains("the order gave no email address or phone number");
        assertThat(fixtures.stored(phoneOnly).status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(fixtures.stored(phoneOnly).delivery().lastError().orElseThrow()).contains("WhatsApp channel is off");
        assertThat(metrics.count(NotificationSender.UNDELIVERABLE_METRIC)).isEqualTo(2);
    }

    @Test
    void deliver_whenSesThrottles_recordsTheTryAndRetries_thenTheLastReceiveMarksFailed() {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);
        stack.localSes().refuseSends(429, "TooManyRequestsException", "Maximum sending rate exceeded.");

        for (int receive = 1; receive < 5; receive++) {
            int count = receive;
            assertThatThrownBy(() -> sender.deliver(message(id), count)).isInstanceOf(RetryLater.class);
            OutboxRecord stored = fixtures.stored(id);
            assertThat(stored.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(stored.delivery().attempts()).isEqualTo(receive);
            assertThat(stored.delivery().lastError().orElseThrow()).contains("SES failed").contains("Maximum sending rate exceeded");
        }
        assertThat(metrics.names()).doesNotContain(NotificationSender.FAILED_METRIC);

        assertThatThrownBy(() -> sender.deliver(message(id), 5)).as("the last receive: the message goes on to the DLQ")
                .isInstanceOf(RetryLater.class);
        OutboxRecord failed = fixtures.stored(id);
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.delivery().attempts()).isEqualTo(5);
        assertThat(metrics.count(NotificationSender.FAILED_METRIC)).isEqualTo(1);
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).isEmpty();
    }

    @Test
    void deliver_whenSesRejectsTheMessage_marksFailedAtOnceWithoutARetry() {
        String id = fixtures.paid(OutboxFixtures.orderId());
        stack.localSes().refuseSends(400, "MessageRejected", "Email address is not verified.");

        DeliveryOutcome outcome = sender.deliver(message(id), 1);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(fixtures.stored(id).delivery().lastError().orElseThrow()).isEqualTo(
                "SES refused it: MessageRejected: Email address is not verified.");
        assertThat(metrics.names()).containsExactly(NotificationSender.FAILED_METRIC);
    }

    @Test
    void deliver_whenSendingLeftByACrashedInvocation_waitsUntilItsClaimIsStale_thenSendsIt() {
        AdjustableClock clock = AdjustableClock.system();
        NotificationSender timed = SenderFixture.sender(fixtures, clock, Optional.empty());
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);
        OutboxRecord seen = fixtures.stored(id);
        // an invocation claimed it and died before it said how the sending went
        new com.warroom.outbox.Outbox(fixtures.dynamo(), com.warroom.topology.Topology.OUTBOX.localName(), clock)
                .claim(seen, seen.delivery().channel()).orElseThrow();

        assertThatThrownBy(() -> timed.deliver(message(id), 2)).isInstanceOf(RetryLater.class)
                .hasMessageContaining("being sent by another invocation");
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).isEmpty();

        clock.advance(NotificationSenderHandler.policy().staleAfter().plusSeconds(1));
        assertThat(timed.deliver(message(id), 3)).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(fixtures.stored(id).delivery().attempts()).isEqualTo(2);
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).hasSize(1);
    }

    @Test
    void deliver_whenUnknownItemOrUnreadableBody_sendsNothing() {
        assertThat(sender.deliver(message("payment.success:never-created"), 1))
                .isEqualTo(new DeliveryOutcome.UnknownItem("payment.success:never-created"));
        for (String body : List.of("", "not json", "{}", "{\"outboxId\":42}", "{\"outboxId\":\"  \"}", "[\"payment.success:O-1\"]")) {
            assertThatThrownBy(() -> sender.deliver(body, 1)).as(body).isInstanceOf(UnreadableNotificationMessage.class);
        }
    }

    @Test
    void deliver_whenTenSendersGetTheSameMessageAtOnce_sendsOneMail() throws Exception {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            NotificationSender own = SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.empty());
            calls.add(() -> {
                try {
                    return own.deliver(message(id), 1).getClass().getSimpleName();
                } catch (RetryLater inFlight) {
                    return "RetryLater";
                }
            });
        }

        List<String> outcomes = Races.race(calls);

        assertThat(outcomes).filteredOn("Sent"::equals).hasSize(1);
        assertThat(outcomes).allMatch(o -> List.of("Sent", "RetryLater", "AlreadySettled").contains(o));
        assertThat(stack.localSes().sentTo(OutboxFixtures.email(order))).hasSize(1);
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(fixtures.stored(id).delivery().attempts()).isEqualTo(1);
    }

    @Test
    void stale_claimOfTheLastTry_isTheSendersTimeout_shorterThanTheQueuesVisibility() {
        Duration staleAfter = NotificationSenderHandler.policy().staleAfter();
        assertThat(staleAfter).isEqualTo(Duration.ofSeconds(com.warroom.topology.Topology.NOTIFICATION_SENDER.timeoutSeconds()));
        assertThat(staleAfter).isLessThan(Duration.ofSeconds(com.warroom.topology.Topology.NOTIFICATIONS.visibilityTimeoutSeconds()));
    }
}
