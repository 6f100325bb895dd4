package com.warroom.payouts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.config.Chain;
import com.warroom.http.BodyFields;
import com.warroom.payouts.Wallet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** Reads a wallet object ({@code {"chain","address"}}) of a body, naming each bad part as {@code <field>.<part>}. */
final class WalletField {

    static final String CHAIN_RULE = "must be a chain key: evm:<chainId> (e.g. evm:1) or solana";
    private static final Set<String> PARTS = Set.of("chain", "address");

    private WalletField() {
    }

    /** A wallet whose chain key is readable; {@code checkAddress}: its address must also be one of that chain. */
    static Optional<Wallet> read(BodyFields fields, String field, JsonNode node, boolean checkAddress) {
        if (!node.isObject()) {
            fields.reject(field, "must be a JSON object {\"chain\",\"address\"}");
            return Optional.empty();
        }
        int errorsBefore = fields.errors().size();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PARTS.contains(name)) {
                fields.reject(field + "." + name, "unknown field; allowed fields are " + PARTS.stream().sorted().toList());
            }
        }
        Optional<String> chainKey = text(fields, field + ".chain", node.get("chain"));
        Optional<String> address = text(fields, field + ".address", node.get("address"));
        Optional<Chain> chain = chainKey.flatMap(key -> {
            Optional<Chain> parsed = Chain.parse(key);
            if (parsed.isEmpty()) {
                fields.reject(field + ".chain", CHAIN_RULE);
            }
            return parsed;
        });
        if (checkAddress && chain.isPresent() && address.isPresent()) {
            chain.get().addressProblem(address.get()).ifPresent(why -> fields.reject(field + ".address", why));
        }
        if (fields.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Wallet(chain.orElseThrow().key(), address.orElseThrow()));
    }

    private static Optional<String> text(BodyFields fields, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            fields.reject(name, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            fields.reject(name, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }
}
