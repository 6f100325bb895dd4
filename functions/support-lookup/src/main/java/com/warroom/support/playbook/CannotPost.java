package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.MEDIUM;

import java.util.List;

/**
 * "I cannot post": the {@code feed.posting} kill switch blocks the user, for them alone (or a narrower scope than
 * everyone: a restriction) or for everyone (a pause). Other switches are not this case.
 */
final class CannotPost implements CaseRule {

    private static final String FLAG = "feed.posting";
    static final Situation RESTRICTED = new Situation("restricted", MEDIUM, Payouts.BLOCK_PLACEHOLDERS);
    static final Situation PAUSED_FOR_EVERYONE = new Situation("paused_for_everyone", MEDIUM, Payouts.BLOCK_PLACEHOLDERS);

    @Override
    public String caseId() {
        return "cannot_post";
    }

    @Override
    public List<Situation> situations() {
        return List.of(RESTRICTED, PAUSED_FOR_EVERYONE);
    }

    @Override
    public List<Match> matches(Facts facts) {
        return facts.blocks().stream().filter(b -> b.flag().equals(FLAG))
                .map(b -> new Match(b.scope().equals("global") ? PAUSED_FOR_EVERYONE : RESTRICTED, Payouts.values(facts, b)))
                .toList();
    }
}
