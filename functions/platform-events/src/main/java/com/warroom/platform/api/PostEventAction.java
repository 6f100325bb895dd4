package com.warroom.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.observability.OpsMetrics;
import com.warroom.platform.DetailRules;
import com.warroom.platform.EventBridgeMessage;
import com.warroom.platform.EventDetail;
import com.warroom.platform.FeeRuleBook;
import com.warroom.platform.PlatformEventType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/platform/events} {@code {"id","type","detail"}}: checks the event with the ingest's own rules (400 naming
 * each bad field, {@code detail.amount}; 422 for a fee rule the config in force does not have) and puts on the
 * platform-events queue exactly what EventBridge would deliver, so the ingest takes it in as it takes the bus's events.
 * Answers 202 with the event id; the ingest is idempotent by that id, so sending an event again is harmless.
 */
final class PostEventAction implements RouteAction {

    static final String ROUTE = "POST /v1/platform/events";
    static final String QUEUED_METRIC = "PlatformEventQueued";
    private static final Set<String> FIELDS = Set.of("id", "type", "detail");
    private static final Logger LOG = LoggerFactory.getLogger(PostEventAction.class);

    private final FeeRuleBook feeRules;
    private final PlatformEventQueue queue;
    private final String region;
    private final Clock clock;

    PostEventAction(FeeRuleBook feeRules, PlatformEventQueue queue, String region, Clock clock) {
        this.feeRules = feeRules;
        this.queue = queue;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        BodyFields fields;
        switch (BodyFields.parse(request.body(), FIELDS)) {
            case BodyFields.Parsed.Invalid invalid -> {
                return ApiResult.problem(invalid.problem());
            }
            case BodyFields.Parsed.Fields parsed -> fields = parsed.fields();
        }
        Optional<String> id = fields.requiredString("id").filter(text -> {
            if (!DetailRules.ID.matcher(text).matches()) {
                fields.reject("id", "must be 1 to 100 of A-Z a-z 0-9 . _ @ -");
                return false;
            }
            return true;
        });
        Optional<PlatformEventType> type = fields.requiredString("type").flatMap(text -> {
            Optional<PlatformEventType> known = PlatformEventType.of(text);
            if (known.isEmpty()) {
                fields.reject("type", "unknown type " + text + "; known are " + PlatformEventType.detailTypes());
            }
            return known;
        });
        Optional<JsonNode> detail = fields.requiredValue("detail");
        Optional<EventDetail> read = Optional.empty();
        if (type.isPresent() && detail.isPresent()) {
            switch (DetailRules.check(type.get(), detail.get())) {
                case DetailRules.Checked.Valid valid -> read = Optional.of(valid.detail());
                case DetailRules.Checked.Invalid invalid -> invalid.errors().forEach(e -> fields.reject(e.field(), e.message()));
            }
        }
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        if (read.get() instanceof EventDetail.Fee fee && feeRules.rule(fee.ruleId()) instanceof FeeRuleBook.Found.Unknown unknown) {
            return ApiResult.problem(unknownFeeRule(unknown.error()));
        }
        queue.send(EventBridgeMessage.write(id.get(), type.get(), (ObjectNode) detail.get(), clock.instant(),
                EventBridgeMessage.HTTP_ACCOUNT, region));
        OpsMetrics.count(QUEUED_METRIC);
        LOG.info("event {} ({}) from {} queued for the ingest", id.get(), type.get().detailType(), request.requireCaller().sub());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.get());
        body.put("type", type.get().detailType());
        body.put("status", "QUEUED");
        return ApiResult.accepted(body);
    }

    private static Problem unknownFeeRule(FieldError error) {
        return new Problem(Problem.TYPE_BASE + "unknown-fee-rule", "Unknown fee rule", 422, error.field() + ": " + error.message(),
                List.of(error));
    }
}
