package com.warroom.support.tickets;

import com.warroom.incidents.IncidentItem;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** A reconcile finding or an incident a ticket is about. */
public record TicketLink(Kind kind, String id) {

    /** An incident's id: {@code inc-} and 32 hex digits. */
    public static final Pattern INCIDENT_ID = IncidentItem.ID;
    /** A reconcile finding's stable id: {@code f-} and 32 hex digits. */
    public static final Pattern FINDING_ID = Pattern.compile("f-[0-9a-f]{32}");
    public static final int MAX_LINKS = 20;

    public enum Kind {
        FINDING("finding"),
        INCIDENT("incident");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Kind> parse(String text) {
            return Arrays.stream(values()).filter(k -> k.wire.equals(text)).findFirst();
        }

        public Pattern idPattern() {
            return this == FINDING ? FINDING_ID : INCIDENT_ID;
        }
    }

    public String text() {
        return kind.wire + ":" + id;
    }

    public static TicketLink fromText(String text) {
        int colon = text.indexOf(':');
        return new TicketLink(Kind.parse(text.substring(0, colon)).orElseThrow(), text.substring(colon + 1));
    }
}
