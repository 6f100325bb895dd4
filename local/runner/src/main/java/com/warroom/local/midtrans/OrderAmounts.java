package com.warroom.local.midtrans;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The amount a registered order expects, read from the ORDERS table: what {@code ./warroom midtrans pay} pays when no
 * {@code --amount} is given. Read from the item's attributes rather than the payments code, so the runner needs none of it:
 * {@code currency} (IDR when absent) and the amount as {@code amountMinor} (minor units), or {@code amount} in minor units
 * (a number) or as a decimal string.
 */
public final class OrderAmounts {

    private final DynamoDbClient dynamo;
    private final String table;

    public OrderAmounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What looking an order up found. */
    public sealed interface Lookup {
        record Found(Money amount) implements Lookup {
        }

        record NoOrder(String table) implements Lookup {
        }

        record Unreadable(String why) implements Lookup {
        }
    }

    public Lookup find(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        if (item == null || item.isEmpty()) {
            return new Lookup.NoOrder(table);
        }
        String currency = Optional.ofNullable(item.get("currency")).map(AttributeValue::s).orElse("IDR");
        if (!Money.isCurrencyCode(currency)) {
            return new Lookup.Unreadable("its currency '" + currency + "' is not an ISO-4217 code");
        }
        Optional<Money> amount = minor(item.get("amountMinor")).or(() -> minor(item.get("amount")))
                .map(minor -> new Money(currency, minor))
                .or(() -> Optional.ofNullable(item.get("amount")).map(AttributeValue::s)
                        .flatMap(text -> DecimalAmount.tryParsePositive(text, currency)));
        return amount.<Lookup>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.Unreadable("it has no amount the runner can read (amountMinor, or amount)"));
    }

    private static Optional<Long> minor(AttributeValue value) {
        if (value == null || value.n() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.n()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
