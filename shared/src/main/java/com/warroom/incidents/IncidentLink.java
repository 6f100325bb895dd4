package com.warroom.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What an incident is linked to: a kill-switch change, a reconcile finding, an order, a payout or a support ticket. */
public record IncidentLink(Kind kind, String id, Instant linkedAt, String actor) {

    /** The kinds of thing an incident links to; {@code flag} links are made by the kill-switch route only. */
    public enum Kind {
        FLAG, FINDING, ORDER, PAYOUT, TICKET;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String text) {
            return Arrays.stream(values()).filter(k -> k.wire().equals(text)).findFirst();
        }
    }

    /** Whether this links the same thing as {@code other} (whenever and by whomever). */
    public boolean sameTarget(IncidentLink other) {
        return kind == other.kind && id.equals(other.id);
    }

    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", kind.wire());
        view.put("id", id);
        view.put("linkedAt", SortableTime.format(linkedAt));
        view.put("actor", actor);
        return view;
    }

    /** The links of an item's {@code links} attribute (a JSON array; absent is none). */
    public static List<IncidentLink> parseAll(String json) {
        List<IncidentLink> links = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return links;
        }
        for (JsonNode node : Json.readTree(json)) {
            links.add(new IncidentLink(Kind.parse(node.path("kind").asText()).orElseThrow(), node.path("id").asText(),
                    Instant.parse(node.path("linkedAt").asText()), node.path("actor").asText()));
        }
        return links;
    }

    /** {@code links} as the {@code links} attribute keeps them. */
    public static String writeAll(List<IncidentLink> links) {
        return Json.write(links.stream().map(IncidentLink::view).toList());
    }

    /** {@code json}'s links with {@code link} added, unless the same target is linked already. */
    public static String with(String json, IncidentLink link) {
        List<IncidentLink> links = parseAll(json);
        if (links.stream().noneMatch(link::sameTarget)) {
            links.add(link);
        }
        return writeAll(links);
    }
}
