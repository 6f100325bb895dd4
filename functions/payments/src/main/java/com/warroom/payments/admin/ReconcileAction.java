package com.warroom.payments.admin;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrder;
import com.warroom.payments.PendingOrders;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/admin/payments/reconcile} (roles ops, finance, super_admin), body {@code {}}: the PSP reconcile on
 * demand: a check with Midtrans for every order PENDING longer than 15 minutes, as the stuck-tx-sweeper queues them on its
 * schedule (the sweeper once per order per 15 minutes; this route at once, for all of them). Audited ({@code payments.reconcile}, with the orders it queues) before
 * the checks are queued; answers 202 {@code {"queued": n, "orderIds": [...]}}.
 */
final class ReconcileAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/payments/reconcile";
    static final String AUDIT_ACTION = "payments.reconcile";
    static final String AUDIT_TARGET = "payments:reconcile";

    private final PendingOrders pending;
    private final PaymentCheckQueue checks;
    private final Clock clock;
    private final AuditLog audit;

    ReconcileAction(PendingOrders pending, PaymentCheckQueue checks, Clock clock, AuditLog audit) {
        this.pending = pending;
        this.checks = checks;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        switch (BodyFields.parse(request.body(), Set.of())) {
            case BodyFields.Parsed.Invalid invalid -> {
                return ApiResult.problem(invalid.problem());
            }
            case BodyFields.Parsed.Fields fields when !fields.fields().valid() -> {
                return ApiResult.problem(Problem.validation(fields.fields().errors()));
            }
            case BodyFields.Parsed.Fields fields -> { }
        }
        List<String> due = pending.registeredBefore(clock.instant().minus(PendingOrders.OVERDUE), Integer.MAX_VALUE).stream()
                .map(PendingOrder::orderId).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queued", due.size());
        answer.put("orderIds", due);
        if (request.priming()) {
            // SnapStart priming: the read above warms the path; nothing is audited or queued before the snapshot
            return ApiResult.accepted(Map.of("queued", 0, "orderIds", List.of()));
        }
        AuditDraft draft = new AuditDraft(request.requireCaller(), AUDIT_ACTION, AUDIT_TARGET, null, Json.write(answer),
                "PSP reconcile on demand: a Midtrans check for each order PENDING longer than "
                        + PendingOrders.OVERDUE.toMinutes() + " minutes", new RequestOrigin(request.requestId(), request.sourceIp()));
        audit.commit(auditSeq -> new AuditedChange.Write<>(List.of(), draft, entry -> entry));
        checks.sendAll(due.stream().map(PaymentCheck::reconcile).toList());
        return ApiResult.accepted(answer);
    }
}
