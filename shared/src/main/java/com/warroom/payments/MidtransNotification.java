package com.warroom.payments;

import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Midtrans HTTP notification as Midtrans sends it, read leniently: the fields Warroom uses are checked, every other
 * field (Midtrans adds some over time) stays in {@code raw}, the body exactly as received. {@code signatureKey} is
 * empty when the body has none (or not as a string): the notification is then refused as unsigned, not as malformed.
 */
public record MidtransNotification(
        String orderId,
        String statusCode,
        String grossAmount,
        String transactionStatus,
        Optional<String> transactionId,
        Optional<String> fraudStatus,
        Optional<String> paymentType,
        Optional<String> signatureKey,
        String raw) {

    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,19}(\\.[0-9]{1,6})?");
    private static final Pattern WORD = Pattern.compile("[a-z_]{1,40}");
    private static final int MAX_ID_LENGTH = 100;

    /** The notification, or the problem (400) naming every bad field. */
    public sealed interface Parsed {
        record Valid(MidtransNotification notification) implements Parsed {
        }

        record Invalid(Problem problem) implements Parsed {
        }
    }

    public static Parsed parse(String body) {
        var parsed = BodyFields.parseOpen(body);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return new Parsed.Invalid(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> orderId = matching(fields, "order_id", OrderId.PATTERN, OrderId.RULE);
        Optional<String> statusCode = matching(fields, "status_code", STATUS_CODE, "must be a 3-digit code such as \"200\"");
        Optional<String> grossAmount = matching(fields, "gross_amount", AMOUNT, "must be a decimal string such as \"150000.00\"");
        Optional<String> transactionStatus = matching(fields, "transaction_status", WORD,
                "must be a Midtrans transaction status such as \"settlement\"");
        Optional<String> transactionId = bounded(fields, "transaction_id");
        Optional<String> fraudStatus = bounded(fields, "fraud_status");
        Optional<String> paymentType = bounded(fields, "payment_type");
        Optional<String> signatureKey = fields.stringIfPresent("signature_key");
        if (!fields.valid()) {
            return new Parsed.Invalid(Problem.validation(fields.errors()));
        }
        return new Parsed.Valid(new MidtransNotification(orderId.orElseThrow(), statusCode.orElseThrow(), grossAmount.orElseThrow(),
                transactionStatus.orElseThrow(), transactionId, fraudStatus, paymentType, signatureKey, body));
    }

    /** The notification's deterministic key: the same notification delivered twice has the same key. */
    public String eventKey() {
        return EventKey.of(this);
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

    private static Optional<String> bounded(BodyFields fields, String name) {
        return fields.optionalString(name).filter(value -> {
            if (value.length() > MAX_ID_LENGTH) {
                fields.reject(name, "must be at most " + MAX_ID_LENGTH + " characters");
                return false;
            }
            return true;
        });
    }
}
