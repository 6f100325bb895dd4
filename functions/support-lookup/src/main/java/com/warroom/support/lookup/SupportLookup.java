package com.warroom.support.lookup;

import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.support.playbook.Facts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One support lookup: finds who {@code q} leads to, reads their card as the caller may see it, and audits who looked
 * up whom (found or not) before anything is answered.
 */
final class SupportLookup {

    private final IdentifierSearch search;
    private final CardReader cards;
    private final LookupAudit audit;
    private final Clock clock;

    SupportLookup(LookupStore store, LookupAudit audit, Clock clock) {
        this.search = new IdentifierSearch(store);
        this.cards = new CardReader(store);
        this.audit = audit;
        this.clock = clock;
    }

    /** What a lookup answers. */
    sealed interface Outcome {

        /** The card of the first user found; the others the match led to in {@code alsoMatched}. */
        record Card(Search.Found found, Facts facts, List<String> alsoMatched) implements Outcome {
        }

        record Nobody(Search.NotFound notFound) implements Outcome {
        }
    }

    /** Runs the reads of a lookup that finds nobody, writing nothing (no audit entry): for SnapStart's snapshot. */
    void prime() {
        String nobody = "warroom-priming";
        search.search(nobody, Identifiers.kindsOf(nobody));
    }

    /** @param shapes the kinds {@code q} may be ({@link Identifiers#kindsOf}), never empty */
    Outcome lookup(String q, List<QueryKind> shapes, Caller caller, RequestOrigin origin) {
        Instant now = clock.instant();
        return switch (search.search(q, shapes)) {
            case Search.Found found -> {
                Facts facts = cards.read(found, now, Masking.forCaller(caller));
                audit.record(caller, origin, q, shapes, found.kind(), found.userIds());
                yield new Outcome.Card(found, facts, found.userIds().subList(1, found.userIds().size()));
            }
            case Search.NotFound notFound -> {
                audit.record(caller, origin, q, shapes, null, List.of());
                yield new Outcome.Nobody(notFound);
            }
        };
    }
}
