package com.warroom.local.stack.ses;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SES v2 {@code SendEmail} as SES checks it: a verified sender identity (an address, or its domain), one to 50
 * recipients, a simple message with a subject and a text or HTML body. Tests can make it refuse every send for a
 * while, with the error SES would answer.
 */
final class SesOperations {

    private static final int MAX_RECIPIENTS = 50;

    private final Set<String> identities = ConcurrentHashMap.newKeySet();
    private final Mailbox mailbox;
    private final Clock clock;
    private final String region;
    private final AtomicReference<SesError> refusing = new AtomicReference<>();

    SesOperations(Mailbox mailbox, Clock clock, String region) {
        this.mailbox = mailbox;
        this.clock = clock;
        this.region = region;
    }

    void verify(String identity) {
        identities.add(identity.toLowerCase(Locale.ROOT));
    }

    void refuse(SesError error) {
        refusing.set(error);
    }

    SentEmail sendEmail(JsonNode request) {
        SesError refusal = refusing.get();
        if (refusal != null) {
            throw refusal;
        }
        String from = text(request, "FromEmailAddress").orElseThrow(() -> SesError.badRequest("FromEmailAddress is required"));
        if (!verified(from)) {
            throw new SesError(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region "
                    + region.toUpperCase(Locale.ROOT) + ": " + from);
        }
        JsonNode destination = request.path("Destination");
        List<String> to = addresses(destination.path("ToAddresses"));
        List<String> cc = addresses(destination.path("CcAddresses"));
        List<String> bcc = addresses(destination.path("BccAddresses"));
        int recipients = to.size() + cc.size() + bcc.size();
        if (recipients == 0) {
            throw SesError.badRequest("Destination needs at least one of ToAddresses, CcAddresses, BccAddresses");
        }
        if (recipients > MAX_RECIPIENTS) {
            throw new SesError(400, "MessageRejected", "Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        for (String address : concat(to, cc, bcc)) {
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw SesError.badRequest("Missing final '@domain': " + address);
            }
        }
        JsonNode simple = request.path("Content").path("Simple");
        if (!simple.isObject()) {
            throw SesError.badRequest("Content.Simple is required (the local SES does not take Raw or Template content)");
        }
        String subject = text(simple.path("Subject"), "Data").orElseThrow(() -> SesError.badRequest("Content.Simple.Subject.Data is required"));
        Optional<String> textBody = text(simple.path("Body").path("Text"), "Data");
        Optional<String> html = text(simple.path("Body").path("Html"), "Data");
        if (textBody.isEmpty() && html.isEmpty()) {
            throw SesError.badRequest("Content.Simple.Body needs Text or Html");
        }
        Instant now = clock.instant();
        SentEmail email = new SentEmail(messageId(now), now, from, to, cc, bcc, subject, textBody, html);
        mailbox.keep(email);
        return email;
    }

    private boolean verified(String from) {
        String address = from.toLowerCase(Locale.ROOT);
        // "Name <address>" as SES takes it
        int open = address.lastIndexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        return identities.contains(address) || (at >= 0 && identities.contains(address.substring(at + 1)));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isEmpty() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static List<String> addresses(JsonNode array) {
        List<String> addresses = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(node -> {
                if (!node.isTextual()) {
                    throw SesError.badRequest("an address is not a string");
                }
                addresses.add(node.textValue());
            });
        } else if (!array.isMissingNode() && !array.isNull()) {
            throw SesError.badRequest("an address list is not a list");
        }
        return addresses;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    // shaped like SES's: 0100 + the time in hex, a UUID, 000000
    private static String messageId(Instant now) {
        return "0100" + HexFormat.of().toHexDigits(now.toEpochMilli()).substring(5) + "-" + UUID.randomUUID() + "-000000";
    }
}
