package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.LOW;

import java.util.List;
import java.util.Set;

/** No case applies: a polite answer asking for what support needs, and the facts worth a look. */
final class General implements CaseRule {

    static final Situation DEFAULT = new Situation("default", LOW, Set.of("userId", "openTickets", "openFindings"));
    private static final Set<String> CLOSED_TICKETS = Set.of("RESOLVED", "CLOSED");

    @Override
    public String caseId() {
        return "general";
    }

    @Override
    public List<Situation> situations() {
        return List.of(DEFAULT);
    }

    @Override
    public List<Match> matches(Facts facts) {
        long openTickets = facts.tickets().stream().filter(t -> !CLOSED_TICKETS.contains(t.status())).count();
        return List.of(new Match(DEFAULT, new Values()
                .put("userId", facts.user().userId())
                .put("openTickets", Long.toString(openTickets))
                .put("openFindings", Integer.toString(facts.findings().size()))));
    }
}
