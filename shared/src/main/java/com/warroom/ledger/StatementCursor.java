package com.warroom.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.money.Money;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the next page of an account's statement starts: the lines of {@code currency} before {@code beforeSeq}, then
 * the following currencies. Handed out as URL-safe base64 of {@code {"account","currency","before"}}: opaque to callers,
 * and refused for another account.
 */
public record StatementCursor(AccountId account, String currency, long beforeSeq) {

    public static final int MAX_LENGTH = 512;

    public String encode() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("account", account.value());
        fields.put("currency", currency);
        fields.put("before", beforeSeq);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, when {@code text} is one this ledger handed out for {@code account}. */
    public static Optional<StatementCursor> decode(String text, AccountId account) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (node == null || !node.isObject() || node.size() != 3 || !account.value().equals(node.path("account").textValue())) {
                return Optional.empty();
            }
            String currency = node.path("currency").textValue();
            JsonNode before = node.path("before");
            if (!Money.isUnit(currency) || !before.isIntegralNumber() || !before.canConvertToLong()
                    || before.longValue() < 2) {
                return Optional.empty();
            }
            return Optional.of(new StatementCursor(account, currency, before.longValue()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
