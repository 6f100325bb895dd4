package com.warroom.flags;

import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Tells consumers that a flag changed (set by the kill-switch route, or enabled by an approved request), on the
 * flag-changes queue. The flags table stays the source
 * of truth (every FlagGate re-reads it within 30 s), so a failed send is counted and logged but does
 * not undo or fail the change.
 */
public final class FlagChangeNotifier {

    public static final String SEND_FAILED = "FlagChangeNotifyFailed";
    private static final Logger LOG = LoggerFactory.getLogger(FlagChangeNotifier.class);

    private final SqsClient sqs;
    private final Optional<String> queueUrl;

    public FlagChangeNotifier(SqsClient sqs, Optional<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void changed(FlagRecord state) {
        if (queueUrl.isEmpty()) {
            return;
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(Json.write(state)));
        } catch (SdkException e) {
            OpsMetrics.count(SEND_FAILED);
            LOG.warn("flag change {}@{} v{} was applied but not announced", state.flag(), state.scope(), state.version(), e);
        }
    }
}
