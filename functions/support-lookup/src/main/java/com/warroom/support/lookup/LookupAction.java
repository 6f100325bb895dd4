package com.warroom.support.lookup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Caller;
import com.warroom.http.FieldError;
import com.warroom.http.FreeText;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.support.playbook.Facts;
import com.warroom.support.playbook.Playbook;
import com.warroom.support.playbook.Suggestion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/support/lookup?q=} (support, ops, finance, super_admin): the card of the user {@code q} leads to, with
 * the playbook's suggested answers; 404 naming what was searched when it leads nowhere. A bad {@code q} is a 400 and
 * is neither looked up nor audited.
 */
final class LookupAction implements RouteAction {

    static final String ROUTE = "GET /v1/support/lookup";
    static final String NOT_AN_IDENTIFIER = "must be a user id, an email, a wallet address (EVM 0x + 40 hex, or Solana base58), "
            + "an order id, a payout id, a Midtrans transaction id (UUID) or a chain tx hash (0x + 64 hex, or a Solana signature)";

    private final SupportLookup lookup;
    private final Playbook playbook;

    LookupAction(SupportLookup lookup, Playbook playbook) {
        this.lookup = lookup;
        this.playbook = playbook;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("q"));
        Optional<String> q = params.required("q").map(String::strip);
        q.flatMap(LookupAction::whyRefused).ifPresent(why -> params.reject("q", why));
        List<QueryKind> shapes = q.filter(text -> params.valid()).map(Identifiers::kindsOf).orElse(List.of());
        if (params.valid() && shapes.isEmpty()) {
            params.reject("q", NOT_AN_IDENTIFIER);
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Caller caller = request.requireCaller();
        Masking masking = Masking.forCaller(caller);
        String shown = masking.query(q.get(), shapes);
        return switch (lookup.lookup(q.get(), shapes, caller, new RequestOrigin(request.requestId(), request.sourceIp()))) {
            case SupportLookup.Outcome.Card card -> ApiResult.ok(CardView.of(
                    new CardView.QueryEcho(shown, card.found().kind(), card.found().subject()), masking, card.facts(),
                    card.alsoMatched(), suggestions(card.facts())));
            case SupportLookup.Outcome.Nobody nobody -> ApiResult.problem(notFound(shown, nobody.notFound()));
        };
    }

    /** The playbook's answers, filled from the facts the card shows (masked as the card is). */
    private ArrayNode suggestions(Facts facts) {
        ArrayNode suggestions = Json.mapper().createArrayNode();
        for (Suggestion suggestion : playbook.suggest(facts)) {
            ObjectNode view = suggestions.addObject();
            view.put("caseId", suggestion.caseId());
            view.put("title", suggestion.title());
            ObjectNode answer = view.putObject("answer");
            answer.put("id", suggestion.answerIndonesian());
            answer.put("en", suggestion.answerEnglish());
            view.put("nextStep", suggestion.nextStep());
        }
        return suggestions;
    }

    private static Optional<String> whyRefused(String q) {
        if (q.length() > Identifiers.MAX_LENGTH) {
            return Optional.of("must be at most " + Identifiers.MAX_LENGTH + " characters (it is " + q.length() + ")");
        }
        Optional<String> text = FreeText.whyRefused(q);
        if (text.isPresent()) {
            return text;
        }
        return q.chars().anyMatch(Character::isWhitespace) ? Optional.of("must be one identifier, without spaces or line breaks")
                : Optional.empty();
    }

    private static Problem notFound(String shown, Search.NotFound notFound) {
        List<String> kinds = notFound.kindsTried().stream().map(Enum::name).toList();
        String detail = "nothing found for q " + shown + " as " + String.join(", ", kinds) + "; searched " + String.join(", ",
                notFound.searched());
        Problem base = Problem.notFound(detail);
        return new Problem(base.type(), base.title(), base.status(), detail,
                List.of(new FieldError("q", "found as none of " + String.join(", ", kinds))))
                .with("q", shown).with("kindsTried", kinds).with("searched", notFound.searched());
    }
}
