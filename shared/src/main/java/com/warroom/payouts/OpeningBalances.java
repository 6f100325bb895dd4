package com.warroom.payouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.config.Chain;
import com.warroom.config.SeedConfig;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The opening balances a seed file gives treasury accounts: its optional top-level section
 * {@code "openingBalances": [{"chain":"evm:1","asset":"USDC","amount":"1000000"}, ...]}, each for a treasury wallet the
 * same seed lists, each account once, the amount a positive one of the asset. Each is posted once ever
 * ({@link PayoutJournal#opening}: its entry id is the account's), which is how a fresh ledger has money to pay out.
 */
public record OpeningBalances(List<Opening> openings) {

    public static final String FIELD = "openingBalances";
    private static final Set<String> ENTRY_FIELDS = Set.of("chain", "asset", "amount");

    public OpeningBalances {
        openings = List.copyOf(openings);
    }

    public static final OpeningBalances NONE = new OpeningBalances(List.of());

    /** One treasury account's opening balance. */
    public record Opening(Chain chain, Money amount) {

        public AccountId account() {
            return PayoutJournal.treasury(chain.key(), amount.currency());
        }

        /** The journal entry that opens it, from {@code equity:opening}. */
        public JournalEntry entry(Instant at) {
            return PayoutJournal.opening(chain.key(), amount, at);
        }
    }

    /** The section read, or every bad part of it named. */
    public sealed interface Parsed {
        record Valid(OpeningBalances balances) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
        }
    }

    /** Reads the section of a seed file's JSON; {@code seed} is the config that file holds (already checked). */
    public static Parsed parse(String seedJson, SeedConfig seed) {
        try {
            return parse(Json.mapper().readTree(seedJson), seed);
        } catch (JsonProcessingException e) {
            return new Parsed.Invalid(List.of(new FieldError("$", "is not valid JSON")));
        }
    }

    public static Parsed parse(JsonNode root, SeedConfig seed) {
        JsonNode section = root == null ? null : root.get(FIELD);
        if (section == null || section.isNull()) {
            return new Parsed.Valid(NONE);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!section.isArray()) {
            return new Parsed.Invalid(List.of(new FieldError(FIELD, "must be a JSON array of {\"chain\",\"asset\",\"amount\"}")));
        }
        List<Opening> openings = new ArrayList<>();
        Map<AccountId, Integer> first = new HashMap<>();
        for (int i = 0; i < section.size(); i++) {
            String path = FIELD + "[" + i + "]";
            Optional<Opening> opening = opening(section.get(i), path, seed, errors);
            if (opening.isEmpty()) {
                continue;
            }
            Integer earlier = first.putIfAbsent(opening.get().account(), i);
            if (earlier != null) {
                errors.add(new FieldError(path, "opens " + opening.get().account() + " again (" + FIELD + "[" + earlier
                        + "] opens it): each treasury account has one opening balance"));
            } else {
                openings.add(opening.get());
            }
        }
        return errors.isEmpty() ? new Parsed.Valid(new OpeningBalances(openings)) : new Parsed.Invalid(errors);
    }

    private static Optional<Opening> opening(JsonNode node, String path, SeedConfig seed, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(path, "must be a JSON object {\"chain\",\"asset\",\"amount\"}"));
            return Optional.empty();
        }
        int mark = errors.size();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!ENTRY_FIELDS.contains(name)) {
                errors.add(new FieldError(path + "." + name, "unknown field; allowed fields are " + new TreeSet<>(ENTRY_FIELDS)));
            }
        }
        Optional<String> chainKey = text(node, path, "chain", errors);
        Optional<String> asset = text(node, path, "asset", errors);
        Optional<String> amountText = text(node, path, "amount", errors);
        Optional<Chain> chain = chainKey.flatMap(key -> {
            Optional<Chain> parsed = Chain.parse(key);
            if (parsed.isEmpty()) {
                errors.add(new FieldError(path + ".chain", "must be a chain key: evm:<chainId> or solana"));
            }
            return parsed;
        });
        if (chain.isPresent() && asset.isPresent() && seed.treasuryWallet(chain.get(), asset.get()).isEmpty()) {
            errors.add(new FieldError(path + ".asset", "the seed lists no treasury wallet for " + asset.get() + " on "
                    + chain.get().key() + ": only a listed treasury can have an opening balance"));
        }
        Optional<Money> amount = Optional.empty();
        if (asset.isPresent() && amountText.isPresent()) {
            try {
                switch (DecimalAmount.parsePositiveAsset(amountText.get(), asset.get())) {
                    case DecimalAmount.Parsed.Valid valid -> amount = Optional.of(valid.money());
                    case DecimalAmount.Parsed.Invalid invalid -> errors.add(new FieldError(path + ".amount", invalid.reason()));
                }
            } catch (ArithmeticException tooLarge) {
                errors.add(new FieldError(path + ".amount", "is too large for " + asset.get() + "'s ledger units"));
            }
        }
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new Opening(chain.orElseThrow(), amount.orElseThrow()));
    }

    private static Optional<String> text(JsonNode node, String path, String name, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(path + "." + name, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path + "." + name, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }
}
