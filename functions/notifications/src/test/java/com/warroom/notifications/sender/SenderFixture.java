package com.warroom.notifications.sender;

import com.warroom.aws.AwsClients;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagStore;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.Outbox;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A sender over the embedded stack, with its own clock and WhatsApp channel, reading flags fresh on every check. */
final class SenderFixture {

    private SenderFixture() {
    }

    static NotificationSender sender(OutboxFixtures fixtures, Clock clock, Optional<WhatsAppSender> whatsApp) {
        Outbox outbox = new Outbox(fixtures.dynamo(), Topology.OUTBOX.localName(), clock);
        FlagStore flags = new FlagStore(fixtures.dynamo(), Topology.FLAGS.localName(), KmsSealer.forKey(Topology.SEALS), clock);
        return new NotificationSender(outbox, new FlagGate(flags, clock, FlagGate.Signals.NONE, Duration.ZERO, FlagGate.DEFAULT_STALE_FOR),
                new SesEmailSender(AwsClients.sesV2(), EmbeddedStack.LOCAL_MAIL_FROM), whatsApp, NotificationSenderHandler.policy(), clock);
    }

    static String message(String outboxId) {
        return "{\"outboxId\":\"" + outboxId + "\"}";
    }
}
