package com.warroom.topology;

import java.util.List;
import java.util.Objects;

/**
 * An EventBridge bus others publish to, with the one rule Warroom keeps on it: the events of {@code source} whose
 * detail-type is one of {@code detailTypes} are delivered to {@code target}, whose consumer takes them in (so retries
 * and the dead-letter queue are the queue's). EventBridge delivers each event to SQS as its JSON (version, id,
 * detail-type, source, account, time, region, resources, detail). There is no EventBridge locally: a route of the
 * topology puts the same message on the target queue (see the local runner).
 */
public record EventBusDef(String name, String source, List<String> detailTypes, QueueDef target) {

    public EventBusDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        detailTypes = List.copyOf(detailTypes);
        if (detailTypes.isEmpty()) {
            throw new IllegalArgumentException("the rule on bus " + name + " delivers at least one detail-type");
        }
        if (detailTypes.stream().distinct().count() != detailTypes.size()) {
            throw new IllegalArgumentException("bus " + name + " lists a detail-type twice: " + detailTypes);
        }
    }
}
