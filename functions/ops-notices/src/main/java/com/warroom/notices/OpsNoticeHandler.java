package com.warroom.notices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.idempotency.ProcessedMessages;
import com.warroom.lambda.Priming;
import com.warroom.lambda.QueueBatch;
import com.warroom.topology.Topology;
import java.time.Clock;

/**
 * Posts every applied kill-switch change from the flag-changes queue to the ops-notices topic. A message it cannot
 * read or post fails alone (partial batch response) and, after the queue's retries, lands in the DLQ.
 */
public final class OpsNoticeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final OpsNoticePoster poster;
    private final Priming priming;

    public OpsNoticeHandler() {
        this(new OpsNoticePoster(new OpsNoticeTopic(AwsClients.sns(), Settings.require(Topology.OPS_NOTICES.arnEnvVar())),
                new ProcessedMessages(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.IDEMPOTENCY.envVar()), Clock.systemUTC())));
    }

    OpsNoticeHandler(OpsNoticePoster poster) {
        this.poster = poster;
        this.priming = Priming.register(Topology.OPS_NOTICE.name(), poster::prime);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, context, message -> poster.post(message.getBody()));
    }

    /** The SnapStart priming this handler registered: tests run it by calling {@code beforeCheckpoint}. */
    Priming priming() {
        return priming;
    }
}
