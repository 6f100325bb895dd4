package com.warroom.incidents.desk;

import com.warroom.incidents.TimelineEntry;
import com.warroom.incidents.model.Incident;
import java.util.List;

/** What a change of an incident did. */
public sealed interface Outcome {

    /** Written, with its audit entry: the incident as it is now and the timeline entries the change added. */
    record Done(Incident incident, List<TimelineEntry> added) implements Outcome {
        public Done {
            added = List.copyOf(added);
        }
    }

    /** Nothing to do (linked already): nothing written. */
    record Unchanged(Incident incident) implements Outcome {
    }

    record NotFound(String incidentId) implements Outcome {
    }

    /** Refused ({@code status} 409 or 422), naming {@code field} when one part of the request is to blame: nothing written. */
    record Refused(int status, String slug, String title, String detail, String field) implements Outcome {
        static Refused conflict(String slug, String title, String detail) {
            return new Refused(409, slug, title, detail, null);
        }

        static Refused unprocessable(String field, String slug, String title, String detail) {
            return new Refused(422, slug, title, detail, field);
        }
    }
}
