package com.warroom.notifications.admin;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxDispatch;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Moves FAILED outbox items back to PENDING for another try: every item of one request and its audit entry
 * ({@value #AUDIT_ACTION}) in one transaction, each item only if it is still FAILED, so that a second requeue of the
 * same items skips them as not FAILED. Then each is queued for the sender; an item that cannot be queued is put back to
 * FAILED (with why in its last error), so that the request can be retried.
 */
final class OutboxRequeue {

    static final String AUDIT_ACTION = "outbox.requeue";
    static final String AUDIT_TARGET = "outbox";
    static final String NOT_FAILED = "not FAILED";
    static final String UNKNOWN = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRequeue.class);
    // <kind>:<subject id>, an order id as Midtrans takes it (ticket ids fit the same): anything else cannot be an outbox id
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,50}");

    private final Outbox outbox;
    private final AuditLog audit;
    private final OutboxDispatch dispatch;

    OutboxRequeue(Outbox outbox, AuditLog audit, OutboxDispatch dispatch) {
        this.outbox = outbox;
        this.audit = audit;
        this.dispatch = dispatch;
    }

    /** An id that was not requeued, with its status when it exists. */
    record Skipped(String id, String status, String reason) {
    }

    /** What a requeue did; {@code notQueued} were requeued but could not be queued, and are FAILED again. */
    record Result(List<String> requeued, List<Skipped> skipped, List<String> notQueued) {
        Result {
            requeued = List.copyOf(requeued);
            skipped = List.copyOf(skipped);
            notQueued = List.copyOf(notQueued);
        }
    }

    private record Planned(List<OutboxRecord> requeued, List<Skipped> skipped) {
    }

    Result requeue(List<String> ids, Caller caller, RequestOrigin origin) {
        Planned planned = audit.commit(seq -> plan(ids, caller, origin));
        List<String> queued = new ArrayList<>();
        List<String> notQueued = new ArrayList<>();
        for (OutboxRecord item : planned.requeued()) {
            try {
                dispatch.dispatch(item.id());
                queued.add(item.id());
            } catch (RuntimeException e) {
                LOG.error("outbox item {} was requeued but could not be queued; it is FAILED again", item.id(), e);
                outbox.settle(item, OutboxStatus.FAILED, Optional.of("requeued by " + caller.sub() + " but not queued: " + e.getMessage()));
                notQueued.add(item.id());
            }
        }
        return new Result(queued, planned.skipped(), notQueued);
    }

    // reads only: the audit log calls it again when the chain or an item moved under it
    private AuditedChange.Attempt<Planned> plan(List<String> ids, Caller caller, RequestOrigin origin) {
        Map<String, OutboxRecord> found = outbox.findAll(ids.stream().filter(OutboxRequeue::couldBeOutboxId).toList());
        List<OutboxRecord> requeued = new ArrayList<>();
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        List<Map<String, Object>> before = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String id : ids) {
            OutboxRecord item = found.get(id);
            if (item == null) {
                skipped.add(new Skipped(id, null, UNKNOWN));
            } else if (item.status() != OutboxStatus.FAILED) {
                skipped.add(new Skipped(id, item.status().name(), NOT_FAILED));
            } else {
                Outbox.Requeue requeue = outbox.requeue(item);
                requeued.add(requeue.requeued());
                writes.add(requeue.write());
                before.add(ListOutboxAction.view(item));
            }
        }
        if (requeued.isEmpty()) {
            return new AuditedChange.Refuse<>(new Planned(List.of(), skipped));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", OutboxStatus.PENDING.name());
        after.put("requeued", requeued.stream().map(OutboxRecord::id).toList());
        AuditDraft draft = new AuditDraft(caller, AUDIT_ACTION, AUDIT_TARGET, Json.write(Map.of("items", before)), Json.write(after),
                null, origin);
        return new AuditedChange.Write<>(writes, draft, entry -> new Planned(requeued, skipped));
    }

    static boolean couldBeOutboxId(String id) {
        int colon = id.indexOf(':');
        return colon > 0 && NotificationKind.fromWire(id.substring(0, colon)).isPresent()
                && SUBJECT_ID.matcher(id.substring(colon + 1)).matches();
    }
}
