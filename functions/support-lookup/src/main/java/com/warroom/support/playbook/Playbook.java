package com.warroom.support.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The support playbook: rules in code pick the cases the facts of a lookup show, and the templates of the playbook
 * file ({@code config/support-playbook.json}, bundled in this jar) word the answer to the user in Indonesian and
 * English and the internal next step. Cases come most urgent first; when none applies, one "general" suggestion.
 */
public final class Playbook {

    static final String RESOURCE = "config/support-playbook.json";

    /**
     * Placeholders that tell what only staff may read (rail status, a payout's failure reason, a kill switch's reason).
     */
    static final Set<String> INTERNAL_ONLY = Set.of("railStatus", "reason", "flag", "blockScope", "blockReason",
            "blockedSince", "openFindings");

    private static final List<CaseRule> CASES = List.of(
            PayoutTrouble.refund(),
            PayoutTrouble.vestingClaim(),
            new PaidNoAccess(),
            new WrongWallet(),
            new ReferralClaim(),
            new KycRejected(),
            new CannotPost());
    private static final CaseRule GENERAL = new General();

    private final Map<String, Map<String, Template>> templates;

    private Playbook(Map<String, Map<String, Template>> templates) {
        this.templates = templates;
    }

    /** The playbook of the bundled file; throws {@link PlaybookFileException} naming every problem of a bad file. */
    public static Playbook load() {
        try (InputStream in = Playbook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the support-lookup jar bundles it from config/");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The playbook of {@code json}, {@code source} naming it in problems. */
    static Playbook parse(String json, String source) {
        return new Playbook(PlaybookFile.read(json, source, rules(), INTERNAL_ONLY));
    }

    /** Every case the file must word, general last. */
    static List<CaseRule> rules() {
        List<CaseRule> all = new ArrayList<>(CASES);
        all.add(GENERAL);
        return List.copyOf(all);
    }

    /** The cases the facts show, most urgent first (one suggestion per case); a "general" one when none applies. */
    public List<Suggestion> suggest(Facts facts) {
        return pick(facts).stream().map(Pick::suggestion).toList();
    }

    /** What {@link #suggest} answers, with the situation that chose each template. */
    List<Pick> pick(Facts facts) {
        List<Pick> picks = new ArrayList<>();
        for (CaseRule rule : CASES) {
            best(rule, facts).ifPresent(picks::add);
        }
        if (picks.isEmpty()) {
            picks.add(best(GENERAL, facts).orElseThrow());
        }
        // stable: equal urgency keeps the order of CASES
        picks.sort(Comparator.comparing(p -> p.situation().urgency()));
        return List.copyOf(picks);
    }

    private Optional<Pick> best(CaseRule rule, Facts facts) {
        List<Situation> order = rule.situations();
        return rule.matches(facts).stream()
                .min(Comparator.<CaseRule.Match, Integer>comparing(m -> m.situation().urgency().ordinal())
                        .thenComparing(m -> order.indexOf(m.situation())))
                .map(m -> new Pick(rule.caseId(), m.situation(), render(rule.caseId(), m)));
    }

    private Suggestion render(String caseId, CaseRule.Match match) {
        Situation situation = match.situation();
        if (!match.values().names().containsAll(situation.placeholders())) {
            throw new IllegalStateException(caseId + "." + situation.name() + " left placeholders without a value");
        }
        return templates.get(caseId).get(situation.name()).render(caseId, match.values());
    }

    /** A suggestion with the case and situation that chose its template. */
    record Pick(String caseId, Situation situation, Suggestion suggestion) {
    }
}
