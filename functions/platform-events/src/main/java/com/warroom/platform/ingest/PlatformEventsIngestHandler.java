package com.warroom.platform.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.lambda.Priming;
import com.warroom.lambda.QueueBatch;
import com.warroom.ledger.Ledger;
import com.warroom.platform.FeeRuleBook;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The ingest: a consumer of the platform-events queue. Each message is one EventBridge event; one that can never be
 * taken in is parked in the dead-letter queue with its reason and counts as handled; one that fails otherwise is named
 * in the batch response and comes back.
 */
public final class PlatformEventsIngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final PlatformEventIngest ingest;

    public PlatformEventsIngestHandler() {
        this(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
    }

    private PlatformEventsIngestHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this(new PlatformEventIngest(stores(dynamo, clock), Ledger.fromSettings(dynamo, sealer, clock)::prepare,
                new DeadLetters(AwsClients.sqs(), Settings.require(Topology.PLATFORM_EVENT_QUEUE.dlqUrlEnvVar())),
                Topology.PLATFORM_EVENT_QUEUE.maxReceiveCount(), clock));
    }

    PlatformEventsIngestHandler(PlatformEventIngest ingest) {
        this.ingest = ingest;
        Priming.register(Topology.PLATFORM_EVENTS_INGEST.name(), ingest::prime);
    }

    /** The tables of the topology. */
    static PlatformEventIngest.Stores stores(DynamoDbEnhancedClient dynamo, Clock clock) {
        return new PlatformEventIngest.Stores(dynamo,
                new PlatformEventStore(dynamo, Settings.require(Topology.PLATFORM_EVENTS.envVar())),
                new RoundStore(dynamo, Settings.require(Topology.ROUNDS.envVar())),
                new FeeRuleBook(new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock)));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, context, message -> ingest.take(message.getBody(), receiveCount(message)));
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
