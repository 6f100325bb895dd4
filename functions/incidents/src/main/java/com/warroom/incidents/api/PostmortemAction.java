package com.warroom.incidents.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FreeText;
import com.warroom.http.RouteAction;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.model.Postmortem;
import com.warroom.incidents.store.IncidentStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/incidents/{id}/postmortem} (ops, finance, super_admin) with {@code {"owner","rootCause"?,"impact"?,
 * "resolution"?,"preventiveAction"?,"actions"?:[{"text","owner","done"}]}}: writes (or rewrites) the post-mortem; it
 * counts as written when all four sections are. 200 with the post-mortem as GET answers it.
 */
final class PostmortemAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents/{id}/postmortem";
    static final int MAX_SECTION = 10_000;
    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION_TEXT = 500;
    private static final Set<String> FIELDS = Set.of("owner", "rootCause", "impact", "resolution", "preventiveAction", "actions");
    private static final Set<String> ACTION_FIELDS = Set.of("text", "owner", "done");

    private final IncidentDesk desk;
    private final IncidentStore store;
    private final Clock clock;

    PostmortemAction(IncidentDesk desk, IncidentStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    private record Body(Optional<String> owner, IncidentDesk.PostmortemText text) {
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.change(request, FIELDS, fields -> new Body(
                        IncidentRequests.person(fields, "owner", fields.requiredString("owner")),
                        new IncidentDesk.PostmortemText(fields.optionalText("rootCause", 1, MAX_SECTION), fields.optionalText("impact", 1, MAX_SECTION),
                                fields.optionalText("resolution", 1, MAX_SECTION), fields.optionalText("preventiveAction", 1, MAX_SECTION),
                                actions(fields))),
                (id, body) -> IncidentRequests.answer(desk.writePostmortem(id, body.owner().get(), body.text(),
                                IncidentRequests.staff(desk, request)), 200,
                        done -> GetPostmortemAction.body(done.incident(), store, clock),
                        unchanged -> GetPostmortemAction.body(unchanged.incident(), store, clock)));
    }

    private static List<Postmortem.Action> actions(BodyFields fields) {
        List<Postmortem.Action> actions = new ArrayList<>();
        Optional<JsonNode> value = fields.optionalValue("actions");
        if (value.isEmpty()) {
            return actions;
        }
        if (!value.get().isArray() || value.get().size() > MAX_ACTIONS) {
            fields.reject("actions", "must be a list of at most " + MAX_ACTIONS + " actions {\"text\",\"owner\",\"done\"}");
            return actions;
        }
        for (int i = 0; i < value.get().size(); i++) {
            JsonNode a = value.get().get(i);
            String at = "actions[" + i + "]";
            if (!a.isObject()) {
                fields.reject(at, "must be an object {\"text\",\"owner\",\"done\"}");
                continue;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!ACTION_FIELDS.contains(name)) {
                    fields.reject(at + "." + name, "unknown field; allowed fields are " + ACTION_FIELDS.stream().sorted().toList());
                }
            }
            JsonNode text = a.get("text");
            JsonNode owner = a.get("owner");
            JsonNode done = a.get("done");
            boolean good = true;
            if (text == null || !text.isTextual() || text.textValue().isBlank() || text.textValue().strip().length() > MAX_ACTION_TEXT
                    || FreeText.whyRefused(text.textValue()).isPresent()) {
                fields.reject(at + ".text", "is required: 1 to " + MAX_ACTION_TEXT + " characters of text");
                good = false;
            }
            if (owner == null || !owner.isTextual() || !IncidentRequests.PERSON.matcher(owner.textValue()).matches()) {
                fields.reject(at + ".owner", "is required and " + IncidentRequests.PERSON_RULE);
                good = false;
            }
            if (done != null && !done.isNull() && !done.isBoolean()) {
                fields.reject(at + ".done", "must be true or false");
                good = false;
            }
            if (good) {
                actions.add(new Postmortem.Action(text.textValue().strip(), owner.textValue(), done != null && done.asBoolean()));
            }
        }
        return actions;
    }
}
