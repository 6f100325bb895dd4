package com.warroom.incidents.report;

import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.model.Severity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status updates of an incident, filled in from its status, severity, affected components (by the names users know)
 * and impact: one for the war room and one for users in Indonesian and English. The SOP forbids technical details in
 * them, so they are made only of those fields, never of free text typed into the incident (its title, notes or impact
 * description could hold table names, stack traces or wallet addresses).
 */
public final class StatusUpdate {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH).withZone(JAKARTA);
    private static final DateTimeFormatter TIME_ID = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.forLanguageTag("id"))
            .withZone(JAKARTA);

    private StatusUpdate() {
    }

    public static Map<String, Object> of(Incident incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentId", incident.incidentId());
        body.put("internal", internal(incident));
        Map<String, String> user = new LinkedHashMap<>();
        user.put("id", userIndonesian(incident));
        user.put("en", userEnglish(incident));
        body.put("user", user);
        return body;
    }

    static String internal(Incident incident) {
        List<Component> components = incident.declaration().components();
        Severity severity = incident.severity().orElse(null);
        return "Status update " + incident.incidentId() + ": "
                + (severity == null ? "severity not classified yet" : severity.name() + " (" + severity.label() + ", respond "
                + severity.targetResponse() + ")")
                + ". Status " + incident.status() + ". Affected: " + String.join(", ", components.stream().map(Component::userNameEn).toList())
                + "; about " + incident.declaration().impact().usersAffected() + " users. Commander: " + incident.handling().commander()
                + ". Detected " + TIME.format(incident.declaration().detectedAt()) + " WIB by " + incident.declaration().detectedBy().wire()
                + ". " + nextUpdate(incident);
    }

    private static String nextUpdate(Incident incident) {
        return switch (incident.status()) {
            case RESOLVED, CLOSED -> "No further updates planned.";
            default -> "Next update within " + incident.severity().map(s -> s == Severity.P0 ? "30 min" : s == Severity.P1 ? "1 h" : "4 h")
                    .orElse("1 h") + ".";
        };
    }

    static String userEnglish(Incident incident) {
        String features = joined(incident.declaration().components().stream().map(Component::userNameEn).toList(), "and");
        String since = TIME.format(incident.declaration().firstSeenAt()) + " WIB";
        return switch (phase(incident.status())) {
            case INVESTIGATING -> "We are aware of a problem with " + features + " since " + since + " and are working on it. "
                    + "Your funds and purchases are safe; anything affected will be put right. We will post an update soon.";
            case MITIGATED -> "The problem with " + features + " since " + since + " has been contained and we are finishing the fix. "
                    + "Your funds and purchases are safe; anything affected will be put right. We will post an update soon.";
            case RESOLVED -> "The problem with " + features + " since " + since + " has been resolved. "
                    + "If something still looks wrong, please contact our support. Thank you for your patience.";
        };
    }

    static String userIndonesian(Incident incident) {
        String features = joined(incident.declaration().components().stream().map(Component::userNameId).toList(), "dan");
        String since = TIME_ID.format(incident.declaration().firstSeenAt()) + " WIB";
        return switch (phase(incident.status())) {
            case INVESTIGATING -> "Kami mengetahui adanya gangguan pada " + features + " sejak " + since + " dan sedang menanganinya. "
                    + "Dana dan pembelian Anda aman; semua yang terdampak akan kami perbaiki. Kami akan segera memberi kabar terbaru.";
            case MITIGATED -> "Gangguan pada " + features + " sejak " + since + " sudah dikendalikan dan perbaikan sedang kami selesaikan. "
                    + "Dana dan pembelian Anda aman; semua yang terdampak akan kami perbaiki. Kami akan segera memberi kabar terbaru.";
            case RESOLVED -> "Gangguan pada " + features + " sejak " + since + " sudah teratasi. "
                    + "Jika masih ada kendala, silakan hubungi tim dukungan kami. Terima kasih atas kesabaran Anda.";
        };
    }

    private enum Phase {
        INVESTIGATING, MITIGATED, RESOLVED
    }

    private static Phase phase(IncidentStatus status) {
        return switch (status) {
            case DETECTED, CLASSIFIED -> Phase.INVESTIGATING;
            case CONTAINED, INVESTIGATING -> Phase.MITIGATED;
            case RESOLVED, CLOSED -> Phase.RESOLVED;
        };
    }

    private static String joined(List<String> names, String and) {
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.size() == 1) {
            return distinct.getFirst();
        }
        return String.join(", ", distinct.subList(0, distinct.size() - 1)) + " " + and + " " + distinct.getLast();
    }
}
