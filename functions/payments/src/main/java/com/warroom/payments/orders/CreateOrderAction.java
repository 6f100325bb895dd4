package com.warroom.payments.orders;

import com.warroom.payments.NewOrder;
import com.warroom.payments.Customer;
import com.warroom.payments.Order;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.OrderId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/orders} (role service; an {@code Idempotency-Key} is required, the router keeps the first answer):
 * {@code {"orderId","userId","amount","currency","item","customer"?:{"email"?,"phone"?}}} → 201 and the order view; the
 * same registration again → 200 and the order as it is now; the id with other fields → 409 {@code order-exists}. A
 * malformed body is 400 naming every bad field; an amount the currency does not allow (more decimals, zero, a sign,
 * past the maximum) is 422.
 */
final class CreateOrderAction implements RouteAction {

    static final String ROUTE = "POST /v1/orders";
    private static final Set<String> FIELDS = Set.of("orderId", "userId", "amount", "currency", "item", "customer");
    private static final Set<String> CUSTOMER_FIELDS = Set.of("email", "phone");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;
    /** E.164: a '+', then up to 15 digits, the first not 0. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final OrderBook book;
    private final OrderViews views;

    CreateOrderAction(OrderBook book, OrderViews views) {
        this.book = book;
        this.views = views;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> orderId = matching(fields, "orderId", OrderId.PATTERN, OrderId.RULE);
        Optional<String> userId = matching(fields, "userId", NewOrder.USER_ID, NewOrder.USER_ID_RULE);
        Optional<String> item = matching(fields, "item", NewOrder.ITEM, NewOrder.ITEM_RULE);
        Optional<String> currency = fields.requiredString("currency").filter(code -> {
            if (!Money.isCurrencyCode(code)) {
                fields.reject("currency", "must be an ISO-4217 currency code such as IDR");
                return false;
            }
            return true;
        });
        Optional<String> amountText = fields.requiredString("amount");
        Optional<Customer> customer = customer(fields);
        List<FieldError> amountErrors = new ArrayList<>();
        Optional<Money> amount = Optional.empty();
        if (amountText.isPresent() && currency.isPresent()) {
            switch (DecimalAmount.parsePositive(amountText.get(), currency.get())) {
                case DecimalAmount.Parsed.Valid valid -> amount = Optional.of(valid.money());
                case DecimalAmount.Parsed.Invalid invalid -> amountErrors.add(new FieldError("amount", invalid.reason()));
            }
        }
        if (!fields.valid()) {
            List<FieldError> all = new ArrayList<>(fields.errors());
            all.addAll(amountErrors);
            return ApiResult.problem(Problem.validation(all));
        }
        if (!amountErrors.isEmpty()) {
            return ApiResult.problem(invalidAmount(amountErrors));
        }
        NewOrder order = new NewOrder(orderId.get(), userId.get(), item.get(), amount.get(), customer.get());
        return switch (book.register(order)) {
            case RegisterOutcome.Created created -> ApiResult.of(201, OrderViews.newOrder(created.order()));
            case RegisterOutcome.Existing existing -> ApiResult.ok(views.view(existing.order()));
            case RegisterOutcome.Conflict conflict -> ApiResult.problem(Problem.of(409, "order-exists", "Order exists",
                    "order " + order.orderId() + " is already registered with other fields (userId, item, amount, currency or "
                            + "customer); it is not changed: register the new order under a new orderId"));
        };
    }

    private static Problem invalidAmount(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new Problem(Problem.TYPE_BASE + "invalid-amount", "Amount is not valid", 422, detail, errors);
    }

    private static Optional<String> matching(BodyFields fields, String name, Pattern pattern, String rule) {
        return fields.requiredString(name).filter(value -> {
            if (!pattern.matcher(value).matches()) {
                fields.reject(name, rule);
                return false;
            }
            return true;
        });
    }

    /** The optional contacts object; absent or null is no contacts. */
    private static Optional<Customer> customer(BodyFields fields) {
        Optional<JsonNode> node = fields.optionalValue("customer");
        if (node.isEmpty()) {
            return Optional.of(Customer.NONE);
        }
        if (!node.get().isObject()) {
            fields.reject("customer", "must be a JSON object with an optional email and phone");
            return Optional.empty();
        }
        int errorsBefore = fields.errors().size();
        Iterator<String> names = node.get().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!CUSTOMER_FIELDS.contains(name)) {
                fields.reject("customer." + name, "unknown field; allowed fields are " + CUSTOMER_FIELDS.stream().sorted().toList());
            }
        }
        Optional<String> email = contact(fields, node.get(), "email", value -> value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches(),
                "must be an email address (at most " + MAX_EMAIL + " characters)");
        Optional<String> phone = contact(fields, node.get(), "phone", value -> PHONE.matcher(value).matches(),
                "must be a phone number in E.164 form, such as +6281234567890");
        return fields.errors().size() > errorsBefore ? Optional.empty() : Optional.of(new Customer(email, phone));
    }

    private static Optional<String> contact(BodyFields fields, JsonNode customer, String name,
                                            java.util.function.Predicate<String> valid, String rule) {
        JsonNode value = customer.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || !valid.test(value.textValue())) {
            fields.reject("customer." + name, rule);
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }
}
