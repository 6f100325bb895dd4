package com.warroom.notifications.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.lambda.Priming;
import com.warroom.lambda.QueueBatch;
import com.warroom.outbox.Outbox;
import com.warroom.secrets.SecretReader;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The notifications queue's consumer: delivers each outbox item its message names ({@link NotificationSender}). A
 * message that fails (a provider failure with retries left, an item another sender holds, an unreadable body) fails
 * alone and comes back after the visibility timeout.
 */
public final class NotificationSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final NotificationSender sender;

    public NotificationSenderHandler() {
        this(fromSettings(AwsClients.dynamoDbEnhanced(), Clock.systemUTC()));
    }

    NotificationSenderHandler(NotificationSender sender) {
        this.sender = sender;
        Priming.register(Topology.NOTIFICATION_SENDER.name(), sender::prime);
    }

    static NotificationSender fromSettings(DynamoDbEnhancedClient dynamo, Clock clock) {
        FlagGate flags = new FlagGate(new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), KmsSealer.forKey(Topology.SEALS), clock),
                clock, new MetricGateSignals());
        SesEmailSender email = new SesEmailSender(AwsClients.sesV2(), Settings.require(Topology.NOTIFICATION_MAIL.fromEnvVar()));
        return new NotificationSender(Outbox.fromSettings(dynamo, clock), flags, email, whatsApp(), policy(), clock);
    }

    /** The WhatsApp channel: on when the provider's base URL is configured (it has no default). */
    static Optional<WhatsAppSender> whatsApp() {
        return Settings.find(Topology.WHATSAPP_API.baseUrlEnvVar()).or(Topology.WHATSAPP_API::defaultBaseUrl).map(url -> {
            SecretReader secrets = SecretReader.fromEnvironment();
            return new HttpWhatsAppSender(HttpWhatsAppSender.defaultClient(), URI.create(url),
                    () -> secrets.read(Topology.WHATSAPP_API_TOKEN));
        });
    }

    /** A claim goes stale after the sender's own timeout; the last receive is the queue's max receive count. */
    static NotificationSender.Policy policy() {
        return new NotificationSender.Policy(Duration.ofSeconds(Topology.NOTIFICATION_SENDER.timeoutSeconds()),
                Topology.NOTIFICATIONS.maxReceiveCount());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, context, message -> sender.deliver(message.getBody(), receiveCount(message)));
    }

    // Lambda always sends it; a message without one is taken as a first receive
    static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
