package com.warroom.notifications.sender;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.observability.OpsMetrics;
import com.warroom.outbox.DeliveryChannel;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxMessage;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one outbox item per notifications message, at most once at a time: it claims the item (PENDING, or SENDING
 * left by an invocation that ended without settling it, to SENDING with one more attempt) by a conditional write, so of
 * two senders with the same item only one sends. Then SENT; or, when the provider fails, PENDING again with the error
 * and the message retried, until its last receive marks it FAILED (metric {@value #FAILED_METRIC}) before SQS moves the
 * message to the DLQ. A reminder while {@code notification.reminder} is disabled is SUPPRESSED, an item no enabled channel
 * reaches UNDELIVERABLE; items already settled are left alone.
 *
 * <p>Delivery is at least once: a crash after the provider took the message and before SENT is written sends it again
 * on the retry, once the claim is stale.
 */
public final class NotificationSender {

    public static final String SENT_METRIC = "NotificationSent";
    public static final String FAILED_METRIC = "NotificationFailed";
    public static final String SUPPRESSED_METRIC = "NotificationSuppressed";
    public static final String UNDELIVERABLE_METRIC = "NotificationUndeliverable";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    // another sender or a requeue moved the item between our read and our write: read it again, a few times
    private static final int MAX_RACES = 3;

    private final Outbox outbox;
    private final FlagGate flags;
    private final SesEmailSender email;
    private final Optional<WhatsAppSender> whatsApp;
    private final Policy policy;
    private final Clock clock;

    /**
     * {@code staleAfter}: how long a claim is held before another receive may take it over: the sender's timeout, after
     * which the invocation that claimed it has ended. {@code maxReceiveCount}: the queue's, the receive that is the last.
     */
    public record Policy(Duration staleAfter, int maxReceiveCount) {
    }

    public NotificationSender(Outbox outbox, FlagGate flags, SesEmailSender email, Optional<WhatsAppSender> whatsApp, Policy policy,
                              Clock clock) {
        this.outbox = outbox;
        this.flags = flags;
        this.email = email;
        this.whatsApp = whatsApp;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Handles one message, received for the {@code receiveCount}-th time.
     *
     * @throws RetryLater when the message must come back (a provider failure with receives left, or a claim in flight)
     * @throws UnreadableNotificationMessage when the body is not a notifications message
     */
    public DeliveryOutcome deliver(String body, int receiveCount) {
        String id = OutboxMessage.parse(body).orElseThrow(() -> new UnreadableNotificationMessage(body)).outboxId();
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<OutboxRecord> found = outbox.find(id);
            if (found.isEmpty()) {
                LOG.warn("no outbox item {}: nothing to send", id);
                return new DeliveryOutcome.UnknownItem(id);
            }
            Optional<DeliveryOutcome> outcome = attempt(found.get(), receiveCount);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new RetryLater("outbox item " + id + " kept changing while it was being claimed");
    }

    // empty when the item changed under us (another sender, a requeue): the caller reads it again
    private Optional<DeliveryOutcome> attempt(OutboxRecord item, int receiveCount) {
        if (!item.claimable(clock.instant(), policy.staleAfter())) {
            if (item.status() == OutboxStatus.SENDING) {
                throw new RetryLater("outbox item " + item.id() + " is being sent by another invocation (since "
                        + item.delivery().updatedAt() + ")");
            }
            return Optional.of(new DeliveryOutcome.AlreadySettled(item.id(), item.status()));
        }
        Optional<String> suppressedBecause = suppressed(item);
        if (suppressedBecause.isPresent()) {
            return settleWithoutTry(item, OutboxStatus.SUPPRESSED, suppressedBecause.get(), SUPPRESSED_METRIC);
        }
        Optional<DeliveryChannel> channel = channel(item);
        if (channel.isEmpty()) {
            return settleWithoutTry(item, OutboxStatus.UNDELIVERABLE, unreachable(item), UNDELIVERABLE_METRIC);
        }
        Optional<OutboxRecord> claimed = outbox.claim(item, channel.get());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(send(claimed.get(), channel.get(), receiveCount));
    }

    private DeliveryOutcome send(OutboxRecord claimed, DeliveryChannel channel, int receiveCount) {
        MessageText text = MessageText.of(claimed);
        SendResult result = switch (channel) {
            case EMAIL -> email.send(claimed.email().orElseThrow(), text);
            case WHATSAPP -> whatsApp.orElseThrow().send(claimed.phone().orElseThrow(), text.asOneMessage());
            case NONE -> throw new IllegalStateException("no channel to send " + claimed.id() + " on");
        };
        return switch (result) {
            case SendResult.Delivered delivered -> {
                settle(claimed, OutboxStatus.SENT, Optional.empty());
                OpsMetrics.count(SENT_METRIC);
                LOG.info("outbox item {} sent by {} (provider id {}, attempt {})", claimed.id(), channel.wireName(),
                        delivered.providerId(), claimed.delivery().attempts());
                yield new DeliveryOutcome.Sent(claimed.id(), delivered.providerId());
            }
            case SendResult.Failed failed when failed.permanent() || receiveCount >= policy.maxReceiveCount() -> {
                settle(claimed, OutboxStatus.FAILED, Optional.of(failed.error()));
                OpsMetrics.count(FAILED_METRIC);
                LOG.warn("outbox item {} FAILED after {} attempts: {}", claimed.id(), claimed.delivery().attempts(), failed.error());
                if (!failed.permanent()) {
                    // the last receive: SQS moves the message to the DLQ now; the item stays FAILED for a requeue
                    throw new RetryLater("outbox item " + claimed.id() + " failed on the last receive: " + failed.error());
                }
                yield new DeliveryOutcome.Failed(claimed.id(), failed.error());
            }
            case SendResult.Failed failed -> {
                settle(claimed, OutboxStatus.PENDING, Optional.of(failed.error()));
                throw new RetryLater("outbox item " + claimed.id() + " not sent (attempt " + claimed.delivery().attempts()
                        + ", receive " + receiveCount + " of " + policy.maxReceiveCount() + "): " + failed.error());
            }
        };
    }

    private void settle(OutboxRecord claimed, OutboxStatus status, Optional<String> error) {
        if (outbox.settle(claimed, status, error).isEmpty()) {
            // only a stale-claim takeover can move a SENDING item we hold: the other invocation settles it
            LOG.warn("outbox item {} changed while it was being sent; not marked {}", claimed.id(), status);
        }
    }

    private Optional<DeliveryOutcome> settleWithoutTry(OutboxRecord item, OutboxStatus status, String why, String metric) {
        if (outbox.settle(item, status, Optional.of(why)).isEmpty()) {
            return Optional.empty();
        }
        OpsMetrics.count(metric);
        LOG.info("outbox item {} {}: {}", item.id(), status, why);
        return Optional.of(new DeliveryOutcome.NotSent(item.id(), status, why));
    }

    private Optional<String> suppressed(OutboxRecord item) {
        if (item.kind() != NotificationKind.PAYMENT_REMINDER) {
            return Optional.empty();
        }
        FlagDecision decision = flags.check(Flag.NOTIFICATION_REMINDER, Optional.empty(), Optional.of(item.userId()));
        if (decision.allowed()) {
            return Optional.empty();
        }
        FlagDecision.BlockedBy by = decision.blockedBy();
        return Optional.of(Flag.NOTIFICATION_REMINDER.key() + " is disabled (" + by.scope() + "): " + by.reason());
    }

    private Optional<DeliveryChannel> channel(OutboxRecord item) {
        if (item.email().isPresent()) {
            return Optional.of(DeliveryChannel.EMAIL);
        }
        if (item.phone().isPresent() && whatsApp.isPresent()) {
            return Optional.of(DeliveryChannel.WHATSAPP);
        }
        return Optional.empty();
    }

    private static String unreachable(OutboxRecord item) {
        return item.phone().isPresent()
                ? "no email address, and the WhatsApp channel is off (WARROOM_WHATSAPP_BASE_URL is not set)"
                : "the " + item.kind().subject().name().toLowerCase(Locale.ROOT) + " gave no email address or phone number";
    }

    /** Reads only: a claim check and the message of an item that does not exist, an SES request built and not sent. */
    void prime() {
        outbox.find(NotificationKind.PAYMENT_SUCCESS.idFor("warroom-priming"));
        OutboxMessage.parse(new OutboxMessage("payment.success:warroom-priming").body());
        flags.check(Flag.NOTIFICATION_REMINDER, Optional.empty(), Optional.of("warroom-priming"));
    }

    SesEmailSender email() {
        return email;
    }
}
