package com.warroom.incidents.desk;

import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.DetectedBy;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A declaration as the route checked it: severity empty for a support report; commander empty for the on-call one. */
public record NewIncident(String title, Optional<Severity> severity, List<Component> components, DetectedBy detectedBy,
                          Instant firstSeenAt, Incident.Impact impact, Optional<String> commander) {
    public NewIncident {
        components = List.copyOf(components);
    }
}
