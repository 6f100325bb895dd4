package com.warroom.audit.anchor;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditChainTampered;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.json.Json;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.observability.OpsMetrics;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Every 5 minutes (EventBridge Scheduler, input {@code {}}): anchors the audit head and the flag seal
 * ({@link IntegrityAnchor}). Answers {@code {"auditHead":{...},"flagSeal":{...}}}. A tampered state is counted
 * ({@code AuditChainTampered}, {@code FlagStateTampered}, both alarmed) and logged; the run still succeeds, since
 * it did its job. It fails (and its Errors are alarmed) only when it could not check or write.
 */
public final class IntegrityAnchorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityAnchorHandler.class);

    private static final TypeReference<Map<String, Object>> ANSWER = new TypeReference<>() { };

    private final IntegrityAnchor anchor;
    // held so that the registration lives as long as the handler
    private final Priming priming;

    public IntegrityAnchorHandler() {
        this(fromSettings(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC()));
    }

    IntegrityAnchorHandler(IntegrityAnchor anchor) {
        this.anchor = anchor;
        this.priming = Priming.register(Topology.INTEGRITY_ANCHOR.name(), anchor::prime);
    }

    static IntegrityAnchor fromSettings(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        AnchorStore anchors = new AnchorStore(AwsClients.s3(), Settings.require(Topology.ANCHORS.nameEnvVar()));
        return new IntegrityAnchor(new AuditTrail(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, anchors),
                new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), sealer, clock), anchors, sealer, clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = Envelope.requestId(context, "local");
        return Envelope.rethrowing(context, runId, () -> {
            IntegrityAnchor.Run run = anchor.run();
            if (run.auditHead().tampered()) {
                OpsMetrics.count(AuditChainTampered.METRIC);
                LOG.error("integrity anchor run {}: the audit chain was tampered with: {}", runId, run.auditHead().problem());
            }
            if (run.flagSeal().tampered()) {
                OpsMetrics.count(MetricGateSignals.TAMPERED);
                LOG.error("integrity anchor run {}: the flag states were tampered with: {}", runId, run.flagSeal().problem());
            }
            LOG.info("integrity anchor run {}: audit head {}, flag seal {}", runId, run.auditHead(), run.flagSeal());
            return Json.mapper().convertValue(run, ANSWER);
        });
    }
}
