package com.warroom.incidents.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.http.FieldError;
import com.warroom.payments.NewOrder;
import com.warroom.payments.OrderId;
import com.warroom.payouts.Payout;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an incident's evidence is collected for: the ids concerned (each list sorted and without duplicates, so that
 * the same request always names its rows in the same order) and the time window, at most {@link #MAX_WINDOW} long.
 */
public record EvidenceRequest(List<String> orderIds, List<String> payoutIds, List<String> userIds, List<String> findingIds,
                              List<String> ticketIds, List<String> flagKeys, Instant from, Instant to) {

    /** The longest window: a month of audit entries and logs is what an incident's first days need, and bounds the reads. */
    public static final Duration MAX_WINDOW = Duration.ofDays(31);
    /** The most ids of one kind in one request. */
    public static final int MAX_IDS_PER_KIND = 25;

    /** A reconcile finding's id ({@code f-} and 32 hex digits, as the reconcile run names them). */
    static final Pattern FINDING_ID = Pattern.compile("f-[0-9a-f]{32}");
    /** A support ticket's id ({@code tkt-} and 32 hex digits). */
    static final Pattern TICKET_ID = Pattern.compile("tkt-[0-9a-f]{32}");

    private static final Set<String> FIELDS = Set.of("orderIds", "payoutIds", "userIds", "findingIds", "ticketIds", "flagKeys",
            "from", "to");

    public EvidenceRequest {
        orderIds = List.copyOf(orderIds);
        payoutIds = List.copyOf(payoutIds);
        userIds = List.copyOf(userIds);
        findingIds = List.copyOf(findingIds);
        ticketIds = List.copyOf(ticketIds);
        flagKeys = List.copyOf(flagKeys);
    }

    /** The request, or every problem with it. */
    public sealed interface Parsed {
        record Valid(EvidenceRequest request) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    /** Reads a request body (a JSON object); every bad field is named, none is guessed. */
    public static Parsed parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Parsed.Invalid(List.of(new FieldError("body", "must be a JSON object")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field; allowed fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        List<String> orders = ids(body, "orderIds", OrderId::isValid, "an order id", errors);
        List<String> payouts = ids(body, "payoutIds", Payout::isValidId, "a payout id", errors);
        List<String> users = ids(body, "userIds", id -> NewOrder.USER_ID.matcher(id).matches(), "a user id", errors);
        List<String> findings = ids(body, "findingIds", id -> FINDING_ID.matcher(id).matches(), "a finding id (f-<32 hex>)", errors);
        List<String> tickets = ids(body, "ticketIds", id -> TICKET_ID.matcher(id).matches(), "a ticket id (tkt-<32 hex>)", errors);
        List<String> flags = ids(body, "flagKeys", key -> Flag.fromKey(key).isPresent(), "a kill switch's key", errors);
        Optional<Instant> from = instant(body, "from", errors);
        Optional<Instant> to = instant(body, "to", errors);
        if (from.isPresent() && to.isPresent()) {
            if (!from.get().isBefore(to.get())) {
                errors.add(new FieldError("to", "must be after from"));
            } else if (Duration.between(from.get(), to.get()).compareTo(MAX_WINDOW) > 0) {
                errors.add(new FieldError("to", "the window from..to is at most " + MAX_WINDOW.toDays() + " days"));
            }
        }
        boolean anyId = Stream.of(orders, payouts, users, findings, tickets, flags).anyMatch(list -> !list.isEmpty());
        boolean idFieldsWellFormed = errors.stream().noneMatch(e -> e.field().endsWith("Ids") || e.field().endsWith("Keys")
                || e.field().contains("["));
        if (!anyId && idFieldsWellFormed) {
            errors.add(new FieldError("orderIds", "name at least one id (orderIds, payoutIds, userIds, findingIds, ticketIds or flagKeys)"));
        }
        if (!errors.isEmpty()) {
            return new Parsed.Invalid(errors);
        }
        return new Parsed.Valid(new EvidenceRequest(orders, payouts, users, findings, tickets, flags, from.get(), to.get()));
    }

    /** Every id the request names, for finding log lines. */
    public Set<String> allIds() {
        Set<String> all = new TreeSet<>();
        Stream.of(orderIds, payoutIds, userIds, findingIds, ticketIds, flagKeys).forEach(all::addAll);
        return all;
    }

    private static List<String> ids(JsonNode body, String field, Predicate<String> shape, String what, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings"));
            return List.of();
        }
        if (value.size() > MAX_IDS_PER_KIND) {
            errors.add(new FieldError(field, "at most " + MAX_IDS_PER_KIND + " ids"));
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode id = value.get(i);
            String at = field + "[" + i + "]";
            if (!id.isTextual()) {
                errors.add(new FieldError(at, "must be a string"));
            } else if (!shape.test(id.textValue())) {
                errors.add(new FieldError(at, "is not " + what));
            } else {
                ids.add(id.textValue());
            }
        }
        return List.copyOf(ids);
    }

    private static Optional<Instant> instant(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required (an ISO-8601 instant such as 2026-12-01T08:00:00Z)"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string (an ISO-8601 instant)"));
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.textValue()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is not an ISO-8601 instant such as 2026-12-01T08:00:00Z"));
            return Optional.empty();
        }
    }
}
