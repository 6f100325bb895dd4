package com.warroom.payouts.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditHasher;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutQueries;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code nextCursor} of the payout list: where the following page starts, as URL-safe base64 of
 * {@code {"listing","id","at"?}} — a digest of the listing's filters, the last payout read and (for the index listings)
 * its sort time. Opaque to callers; a cursor of another listing, or one not made here, is refused, so that it can never
 * point the index query outside its range.
 */
final class PayoutCursor {

    static final int MAX_LENGTH = 512;

    private PayoutCursor() {
    }

    /** Everything a listing filters on: a cursor belongs to one. */
    record Listing(PayoutQueries.Selection selection, Optional<PayoutKind> kind, Optional<Boolean> stuck) {

        String digest() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("status", selection.status().map(Enum::name).orElse(""));
            filters.put("user", selection.userId().orElse(""));
            filters.put("from", selection.from().map(SortableTime::format).orElse(""));
            filters.put("to", selection.to().map(SortableTime::format).orElse(""));
            filters.put("kind", kind.map(Enum::name).orElse(""));
            filters.put("stuck", stuck.map(String::valueOf).orElse(""));
            return AuditHasher.sha256Hex(Json.canonical(filters)).substring(0, 24);
        }
    }

    static String encode(Listing listing, PayoutQueries.Position position) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("listing", listing.digest());
        fields.put("id", position.payoutId());
        position.sortKey().ifPresent(at -> fields.put("at", SortableTime.format(at)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PayoutQueries.Position> decode(String text, Listing listing) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            boolean indexed = listing.selection().source() != PayoutQueries.Source.SCAN;
            if (!node.isObject() || node.size() != (indexed ? 3 : 2) || !listing.digest().equals(node.path("listing").textValue())) {
                return Optional.empty();
            }
            String id = node.path("id").textValue();
            if (!Payout.isValidId(id)) {
                return Optional.empty();
            }
            if (!indexed) {
                return Optional.of(new PayoutQueries.Position(id, Optional.empty()));
            }
            String at = node.path("at").textValue();
            Instant sortKey = Instant.parse(at == null ? "" : at);
            return listing.selection().inRange(sortKey) ? Optional.of(new PayoutQueries.Position(id, Optional.of(sortKey))) : Optional.empty();
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
