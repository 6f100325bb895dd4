package com.warroom.support.tickets.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FreeText;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketType;
import com.warroom.support.tickets.desk.NewTicket;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/support/tickets} (service for a signed-in user, or support; {@code Idempotency-Key} optional) with
 * {@code {"userId","type","title","body"}} and optionally {@code "contact":{"email","phone"}}, where the EXP notice
 * goes:
 * 201 with the ticket, OPEN at priority MEDIUM. userId 1–100 of {@code [A-Za-z0-9._@-]}; title 3–200 and body 1–5000
 * characters of free text.
 */
final class FileTicketAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets";
    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 5000;
    static final int MAX_EMAIL = 254;
    private static final Set<String> FIELDS = Set.of("userId", "type", "title", "body", "contact");
    private static final Set<String> CONTACT_FIELDS = Set.of("email", "phone");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final TicketDesk desk;

    FileTicketAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        params.errors().forEach(e -> fields.reject(e.field(), e.message()));
        Optional<String> userId = fields.requiredString("userId").filter(id -> {
            boolean valid = Ticket.USER_ID.matcher(id).matches();
            if (!valid) {
                fields.reject("userId", "must be 1 to 100 of letters, digits and . _ @ -");
            }
            return valid;
        });
        Optional<TicketType> type = TicketRequests.enumField(fields, "type", fields.requiredString("type"), TicketType.values(), TicketType::parse);
        Optional<String> title = fields.requiredText("title", MIN_TITLE, MAX_TITLE);
        Optional<String> body = fields.requiredText("body", 1, MAX_BODY);
        Optional<String> email = Optional.empty();
        Optional<String> phone = Optional.empty();
        Optional<JsonNode> contact = fields.optionalValue("contact");
        if (contact.isPresent()) {
            JsonNode c = contact.get();
            if (!c.isObject()) {
                fields.reject("contact", "must be an object {\"email\",\"phone\"}");
            } else {
                Iterator<String> names = c.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (!CONTACT_FIELDS.contains(name)) {
                        fields.reject("contact." + name, "unknown field; allowed fields are " + CONTACT_FIELDS.stream().sorted().toList());
                    }
                }
                email = contactText(fields, c, "email", text -> text.length() <= MAX_EMAIL && EMAIL.matcher(text).matches()
                        && FreeText.whyRefused(text).isEmpty(), "must be an email address (at most " + MAX_EMAIL + " characters)");
                phone = contactText(fields, c, "phone", text -> PHONE.matcher(text).matches(),
                        "must be a phone number in E.164 form, such as +6281234567890");
                if (email.isEmpty() && phone.isEmpty() && fields.valid()) {
                    fields.reject("contact", "must hold an email or a phone (or leave contact out)");
                }
            }
        }
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        Ticket ticket = desk.file(new NewTicket(userId.get(), type.get(), title.get(), body.get(), email, phone),
                request.requireCaller(), TicketRequests.origin(request));
        return ApiResult.of(201, ticket.view(TicketRequests.masked(request)));
    }

    private static Optional<String> contactText(BodyFields fields, JsonNode contact, String name,
                                                java.util.function.Predicate<String> valid, String rule) {
        JsonNode value = contact.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            fields.reject("contact." + name, "must be a string");
            return Optional.empty();
        }
        String text = value.textValue().strip();
        if (!valid.test(text)) {
            fields.reject("contact." + name, rule);
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
