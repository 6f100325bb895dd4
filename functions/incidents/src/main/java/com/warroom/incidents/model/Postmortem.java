package com.warroom.incidents.model;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident's post-mortem: its owner (needed before a P0/P1 is RESOLVED), when it is due (48 hours after RESOLVED for
 * P0/P1), what has been written of the SOP's template, and when the war room was told it is overdue (once).
 */
public record Postmortem(Optional<String> owner, Optional<Instant> dueAt, Optional<Written> written,
                         Optional<Instant> overdueNotifiedAt) {

    public static final Postmortem NONE = new Postmortem(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The template's sections as last written, and the follow-up actions. */
    public record Written(Optional<String> rootCause, Optional<String> impact, Optional<String> resolution,
                          Optional<String> preventiveAction, List<Action> actions, Instant at, String by) {
        public Written {
            actions = List.copyOf(actions);
        }

        /** Every section of the template filled in. */
        public boolean complete() {
            return rootCause.isPresent() && impact.isPresent() && resolution.isPresent() && preventiveAction.isPresent();
        }
    }

    /** A follow-up action with its owner. */
    public record Action(String text, String owner, boolean done) {
    }

    public boolean isEmpty() {
        return owner.isEmpty() && dueAt.isEmpty() && written.isEmpty();
    }

    public boolean complete() {
        return written.map(Written::complete).orElse(false);
    }

    /** Due, and not complete, at {@code now}. */
    public boolean overdue(Instant now) {
        return dueAt.isPresent() && !now.isBefore(dueAt.get()) && !complete();
    }

    public Postmortem withOwner(String next) {
        return new Postmortem(Optional.of(next), dueAt, written, overdueNotifiedAt);
    }

    public Postmortem dueAt(Instant at) {
        return new Postmortem(owner, Optional.of(at), written, overdueNotifiedAt);
    }

    public Postmortem written(String nextOwner, Written next) {
        return new Postmortem(Optional.of(nextOwner), dueAt, Optional.of(next), overdueNotifiedAt);
    }

    public Postmortem overdueNotified(Instant at) {
        return new Postmortem(owner, dueAt, written, Optional.of(at));
    }

    public Map<String, Object> view(boolean overdue) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("owner", owner.orElse(null));
        view.put("dueAt", dueAt.map(SortableTime::format).orElse(null));
        view.put("overdue", overdue);
        view.put("complete", complete());
        view.put("rootCause", written.flatMap(Written::rootCause).orElse(null));
        view.put("impact", written.flatMap(Written::impact).orElse(null));
        view.put("resolution", written.flatMap(Written::resolution).orElse(null));
        view.put("preventiveAction", written.flatMap(Written::preventiveAction).orElse(null));
        view.put("actions", written.map(w -> w.actions().stream().map(a -> {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("text", a.text());
            action.put("owner", a.owner());
            action.put("done", a.done());
            return action;
        }).toList()).orElse(List.of()));
        view.put("writtenAt", written.map(w -> SortableTime.format(w.at())).orElse(null));
        view.put("writtenBy", written.map(Written::by).orElse(null));
        view.put("overdueNotifiedAt", overdueNotifiedAt.map(SortableTime::format).orElse(null));
        return view;
    }
}
