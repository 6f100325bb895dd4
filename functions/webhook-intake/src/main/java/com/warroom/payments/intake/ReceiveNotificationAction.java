package com.warroom.payments.intake;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/webhooks/midtrans}. Answers 200 {@code {"received": true, "eventKey"}} for a stored notification,
 * also when it was stored before (Midtrans retries until it gets a 2xx and may deliver a notification twice); 400 for a
 * body that is not a notification and 401 for a missing or wrong signature, writing nothing.
 */
final class ReceiveNotificationAction implements RouteAction {

    static final String ROUTE = "POST /v1/webhooks/midtrans";
    /** A Midtrans notification is one or two kilobytes; the raw body is stored, so it must fit a DynamoDB item with room. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebhookIntake intake;

    ReceiveNotificationAction(WebhookIntake intake) {
        this.intake = intake;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        if (request.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return ApiResult.problem(Problem.payloadTooLarge("a Midtrans notification is at most " + MAX_BODY_BYTES + " bytes here"));
        }
        return switch (intake.receive(request.body())) {
            case IntakeOutcome.Malformed malformed -> ApiResult.problem(malformed.problem());
            case IntakeOutcome.Unsigned unsigned -> ApiResult.problem(invalidSignature(unsigned.signaturePresent()
                    ? "does not match SHA-512(order_id + status_code + gross_amount + server key)"
                    : "is required: SHA-512(order_id + status_code + gross_amount + server key), in hex"));
            case IntakeOutcome.Accepted accepted -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("received", true);
                body.put("eventKey", accepted.eventKey());
                yield ApiResult.ok(body);
            }
        };
    }

    private static Problem invalidSignature(String why) {
        return new Problem(Problem.TYPE_BASE + "invalid-signature", "Notification signature is not valid", 401,
                "signature_key " + why, List.of(new FieldError("signature_key", why)));
    }
}
