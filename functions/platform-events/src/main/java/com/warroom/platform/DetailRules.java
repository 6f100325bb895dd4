package com.warroom.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.money.AssetUnit;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of an event's detail, the same for the ingest and the HTTP route: every field of its type present and no
 * other, ids that make ledger account qualifiers, amounts as decimal strings with at most their asset's decimals. Every
 * problem is named by its field ({@code detail.amount}).
 */
public final class DetailRules {

    /** Ids become ledger account qualifiers ({@code round_raised:<roundId>}), so they follow AccountId's qualifier pattern. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    static final String ID_RULE = "must be 1 to 100 of A-Z a-z 0-9 . _ @ -";
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final String TOKEN_RULE = "must be 1 to 200 printable ASCII characters, no spaces";
    private static final Pattern ZERO = Pattern.compile("0(\\.0{1,18})?");
    private static final String PREFIX = "detail.";

    private DetailRules() {
    }

    /** A detail read, or what is wrong with it. */
    public sealed interface Checked {
        record Valid(EventDetail detail) implements Checked {
        }

        record Invalid(List<FieldError> errors) implements Checked {
        }
    }

    public static Checked check(PlatformEventType type, JsonNode detail) {
        if (!(detail instanceof ObjectNode object)) {
            return new Checked.Invalid(List.of(new FieldError("detail", "must be a JSON object")));
        }
        Fields f = new Fields(object);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!type.fields().contains(name)) {
                f.errors.add(new FieldError(PREFIX + name, "unknown field; the fields of " + type.detailType() + " are " + type.fields()));
            }
        }
        Optional<String> asset = f.asset();
        EventDetail read = switch (type) {
            case CONTRIBUTION_CONFIRMED -> {
                var roundId = f.id("roundId");
                var userId = f.id("userId");
                var amount = f.amount("amount", asset, false);
                var txHash = f.token("txHash");
                yield f.valid() ? new EventDetail.Contribution(roundId.get(), userId.get(), amount.get(), txHash.get()) : null;
            }
            case ROUND_FINALIZED -> {
                var roundId = f.id("roundId");
                var total = f.amount("totalRaised", asset, true);
                var count = f.count("contributorCount");
                yield f.valid() ? new EventDetail.Finalization(roundId.get(), total.get(), count.get()) : null;
            }
            case FEE_CHARGED -> {
                var ruleId = f.id("ruleId");
                var amount = f.amount("amount", asset, false);
                var reference = f.token("reference");
                yield f.valid() ? new EventDetail.Fee(ruleId.get(), amount.get(), reference.get()) : null;
            }
            case REFERRAL_CLAIMED -> {
                var userId = f.id("userId");
                var amount = f.amount("amount", asset, false);
                var reference = f.token("reference");
                yield f.valid() ? new EventDetail.Referral(userId.get(), amount.get(), reference.get()) : null;
            }
            case REFUND_ISSUED -> {
                var roundId = f.id("roundId");
                var userId = f.id("userId");
                var amount = f.amount("amount", asset, false);
                var reference = f.token("reference");
                yield f.valid() ? new EventDetail.Refund(roundId.get(), userId.get(), amount.get(), reference.get()) : null;
            }
        };
        return read != null ? new Checked.Valid(read) : new Checked.Invalid(List.copyOf(f.errors));
    }

    /** One detail's fields, read with every problem collected. */
    private static final class Fields {
        private final ObjectNode node;
        private final List<FieldError> errors = new ArrayList<>();

        Fields(ObjectNode node) {
            this.node = node;
        }

        boolean valid() {
            return errors.isEmpty();
        }

        Optional<String> string(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                errors.add(new FieldError(PREFIX + name, "is required"));
                return Optional.empty();
            }
            if (!value.isTextual()) {
                errors.add(new FieldError(PREFIX + name, "must be a string"));
                return Optional.empty();
            }
            return Optional.of(value.textValue());
        }

        Optional<String> id(String name) {
            return matching(name, ID, ID_RULE);
        }

        Optional<String> token(String name) {
            return matching(name, TOKEN, TOKEN_RULE);
        }

        private Optional<String> matching(String name, Pattern pattern, String rule) {
            return string(name).filter(text -> {
                if (!pattern.matcher(text).matches()) {
                    errors.add(new FieldError(PREFIX + name, rule));
                    return false;
                }
                return true;
            });
        }

        Optional<String> asset() {
            return string("asset").filter(asset -> {
                if (!Money.isUnit(asset)) {
                    errors.add(new FieldError(PREFIX + "asset", "not an asset Warroom keeps books in (USDC, USDT, ETH, BNB, SOL)"
                            + " nor an ISO-4217 currency code"));
                    return false;
                }
                return true;
            });
        }

        /** A positive amount of the asset (or zero, when {@code zeroAllowed}); unchecked beyond its type while the asset is bad. */
        Optional<Money> amount(String name, Optional<String> asset, boolean zeroAllowed) {
            Optional<String> text = string(name);
            if (text.isEmpty() || asset.isEmpty()) {
                return Optional.empty();
            }
            String unit = asset.get();
            if (zeroAllowed && ZERO.matcher(text.get()).matches()) {
                int decimals = text.get().indexOf('.') < 0 ? 0 : text.get().length() - text.get().indexOf('.') - 1;
                if (decimals > DecimalAmount.fractionDigits(unit)) {
                    errors.add(new FieldError(PREFIX + name, "has more decimals than " + unit + " allows ("
                            + DecimalAmount.fractionDigits(unit) + ")"));
                    return Optional.empty();
                }
                return Optional.of(new Money(unit, 0));
            }
            DecimalAmount.Parsed parsed = AssetUnit.isKnown(unit)
                    ? DecimalAmount.parsePositiveAsset(text.get(), unit) : DecimalAmount.parsePositive(text.get(), unit);
            return switch (parsed) {
                case DecimalAmount.Parsed.Valid valid -> Optional.of(valid.money());
                case DecimalAmount.Parsed.Invalid invalid -> {
                    errors.add(new FieldError(PREFIX + name, invalid.reason()));
                    yield Optional.empty();
                }
            };
        }

        Optional<Long> count(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                errors.add(new FieldError(PREFIX + name, "is required"));
                return Optional.empty();
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                errors.add(new FieldError(PREFIX + name, "must be a whole number >= 0"));
                return Optional.empty();
            }
            return Optional.of(value.longValue());
        }
    }
}
