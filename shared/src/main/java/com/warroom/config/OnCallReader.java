package com.warroom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.oncall.EscalationStep;
import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRotation;
import com.warroom.oncall.OnCallSchedule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the config's {@code onCall} section for {@link ConfigReader} and checks its rules, naming each bad field:
 * a valid time zone; rotations with a known area, two different people (emails), {@code from} before {@code to};
 * every area listed, the rotations of one area not overlapping (an open-ended one is the area's last); one to
 * {@link #MAX_STEPS} escalation steps, each waiting longer than the one before, calling {@code backup} or a person;
 * and, when a time is given (a change being requested or applied), every area covered at that time.
 */
final class OnCallReader {

    static final int MAX_ROTATIONS = 500;
    static final int MAX_STEPS = 10;

    private static final Set<String> FIELDS = Set.of("timeZone", "rotations", "escalation");
    private static final Set<String> ROTATION_FIELDS = Set.of("area", "primary", "backup", "from", "to");
    private static final Set<String> STEP_FIELDS = Set.of("afterMinutes", "call");
    private static final String AREAS = Arrays.stream(OnCallArea.values()).map(OnCallArea::wireName).toList().toString();

    private final ConfigReader reader;

    OnCallReader(ConfigReader reader) {
        this.reader = reader;
    }

    Optional<OnCallSchedule> onCall(JsonNode node, String path, Optional<Instant> now) {
        int mark = reader.errors().size();
        Optional<ObjectNode> object = reader.object(node, path, FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = reader.text(object.get(), path, "timeZone", OnCallReader::zoneProblem).map(ZoneId::of);
        Optional<List<OnCallRotation>> rotations = rotations(object.get().get("rotations"), ConfigReader.field(path, "rotations"));
        Optional<List<EscalationStep>> escalation = escalation(object.get().get("escalation"), ConfigReader.field(path, "escalation"));
        if (reader.errors().size() > mark) {
            return Optional.empty();
        }
        OnCallSchedule schedule = new OnCallSchedule(zone.orElseThrow(), rotations.orElseThrow(), escalation.orElseThrow());
        if (now.isPresent()) {
            List<OnCallArea> uncovered = schedule.uncoveredAt(now.get());
            if (!uncovered.isEmpty()) {
                reader.reject(ConfigReader.field(path, "rotations"), "no rotation covers " + now.get() + " for "
                        + uncovered.stream().map(OnCallArea::wireName).toList() + ": someone must be on call now for every area");
                return Optional.empty();
            }
        }
        return Optional.of(schedule);
    }

    private Optional<List<OnCallRotation>> rotations(JsonNode node, String path) {
        int mark = reader.errors().size();
        Optional<ArrayNode> array = reader.array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().size() > MAX_ROTATIONS) {
            reader.reject(path, "lists at most " + MAX_ROTATIONS + " rotations; drop the ones long past");
            return Optional.empty();
        }
        List<OnCallRotation> rotations = new ArrayList<>();
        Map<OnCallRotation, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < array.get().size(); i++) {
            int at = i;
            rotation(array.get().get(i), ConfigReader.item(path, i)).ifPresent(r -> {
                rotations.add(r);
                index.put(r, at);
            });
        }
        if (reader.errors().size() > mark) {
            return Optional.empty();
        }
        Map<OnCallArea, List<OnCallRotation>> byArea = new EnumMap<>(OnCallArea.class);
        rotations.forEach(r -> byArea.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r));
        for (OnCallArea area : OnCallArea.values()) {
            List<OnCallRotation> ofArea = byArea.getOrDefault(area, List.of()).stream()
                    .sorted(Comparator.comparing(OnCallRotation::from)).toList();
            if (ofArea.isEmpty()) {
                reader.reject(path, "has no rotation for " + area.wireName() + ": every area of " + AREAS + " needs one");
                continue;
            }
            for (int i = 1; i < ofArea.size(); i++) {
                OnCallRotation before = ofArea.get(i - 1);
                OnCallRotation next = ofArea.get(i);
                String nextPath = ConfigReader.item(path, index.get(next));
                if (before.to().isEmpty()) {
                    reject(nextPath, "from", "starts after " + ConfigReader.item(path, index.get(before))
                            + ", which has no end: only the last rotation of an area may be open-ended");
                } else if (next.from().isBefore(before.to().get())) {
                    reject(nextPath, "from", "overlaps " + ConfigReader.item(path, index.get(before)) + " (until "
                            + before.to().get() + "): one primary per area at a time");
                }
            }
        }
        return reader.errors().size() > mark ? Optional.empty() : Optional.of(rotations);
    }

    private Optional<OnCallRotation> rotation(JsonNode node, String path) {
        int mark = reader.errors().size();
        Optional<ObjectNode> object = reader.object(node, path, ROTATION_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = object.get();
        Optional<OnCallArea> area = reader.text(o, path, "area", a -> OnCallArea.parse(a).filter(x -> x.wireName().equals(a)).isPresent()
                ? Optional.empty() : Optional.of("must be one of " + AREAS)).flatMap(OnCallArea::parse);
        Optional<String> primary = reader.text(o, path, "primary", RosterMember::emailProblem);
        Optional<String> backup = reader.text(o, path, "backup", RosterMember::emailProblem);
        Optional<LocalDate> from = reader.text(o, path, "from", OnCallReader::dateProblem).map(LocalDate::parse);
        Optional<LocalDate> to = Optional.empty();
        if (o.has("to") && !o.get("to").isNull()) {
            to = reader.text(o, path, "to", OnCallReader::dateProblem).map(LocalDate::parse);
        }
        if (primary.isPresent() && backup.isPresent() && primary.get().equalsIgnoreCase(backup.get())) {
            reject(path, "backup", "is the primary: the backup is another person");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            reject(path, "to", "must be after from (" + from.get() + ")");
        }
        if (reader.errors().size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new OnCallRotation(area.orElseThrow(), primary.orElseThrow().toLowerCase(Locale.ROOT),
                backup.orElseThrow().toLowerCase(Locale.ROOT), from.orElseThrow(), to));
    }

    private Optional<List<EscalationStep>> escalation(JsonNode node, String path) {
        int mark = reader.errors().size();
        Optional<ArrayNode> array = reader.array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().isEmpty() || array.get().size() > MAX_STEPS) {
            reader.reject(path, "must list 1 to " + MAX_STEPS + " steps");
            return Optional.empty();
        }
        List<EscalationStep> steps = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < array.get().size(); i++) {
            String stepPath = ConfigReader.item(path, i);
            Optional<ObjectNode> object = reader.object(array.get().get(i), stepPath, STEP_FIELDS);
            if (object.isEmpty()) {
                continue;
            }
            Optional<Long> minutes = reader.whole(object.get(), stepPath, "afterMinutes", 1, EscalationStep.MAX_MINUTES,
                    "must be a whole number of minutes from 1 to " + EscalationStep.MAX_MINUTES);
            Optional<String> call = reader.text(object.get(), stepPath, "call", c -> EscalationStep.BACKUP.equals(c) ? Optional.empty()
                    : RosterMember.emailProblem(c).map(p -> "must be \"" + EscalationStep.BACKUP + "\" or a person's email: " + p));
            if (minutes.isPresent()) {
                if (minutes.get() <= previous) {
                    reject(stepPath, "afterMinutes", "must be more than the step before (" + previous + "): each step waits longer");
                }
                previous = minutes.get();
            }
            if (minutes.isPresent() && call.isPresent()) {
                String who = EscalationStep.BACKUP.equals(call.get()) ? call.get() : call.get().toLowerCase(Locale.ROOT);
                steps.add(new EscalationStep(minutes.get().intValue(), who));
            }
        }
        return reader.errors().size() > mark ? Optional.empty() : Optional.of(steps);
    }

    private void reject(String path, String name, String message) {
        reader.reject(ConfigReader.field(path, name), message);
    }

    private static Optional<String> zoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("is not a time zone such as Asia/Jakarta");
        }
    }

    private static Optional<String> dateProblem(String date) {
        try {
            LocalDate.parse(date);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("is not a date such as 2026-12-07");
        }
    }
}
