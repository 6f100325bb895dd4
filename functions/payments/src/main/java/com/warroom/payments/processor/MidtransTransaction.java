package com.warroom.payments.processor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transaction as Midtrans's get-status API describes it: the fields the processor decides on, as Midtrans wrote them
 * (amounts are decimal strings such as {@code "150000.00"}).
 *
 * @param refundAmount the total refunded so far, for {@code refund} and {@code partial_refund}
 * @param refundAmounts each refund's {@code refund_amount} in {@code refunds}, for an answer without a total
 */
public record MidtransTransaction(
        String statusCode,
        String transactionStatus,
        Optional<String> fraudStatus,
        Optional<String> grossAmount,
        Optional<String> currency,
        Optional<String> transactionId,
        Optional<String> refundAmount,
        List<String> refundAmounts) {

    public MidtransTransaction {
        refundAmounts = List.copyOf(refundAmounts);
    }

    /** The transaction in a get-status answer, when the answer names its status. */
    static Optional<MidtransTransaction> of(JsonNode answer) {
        Optional<String> status = text(answer, "transaction_status");
        if (status.isEmpty()) {
            return Optional.empty();
        }
        List<String> refunds = new ArrayList<>();
        if (answer.path("refunds").isArray()) {
            answer.path("refunds").forEach(refund -> text(refund, "refund_amount").ifPresent(refunds::add));
        }
        return Optional.of(new MidtransTransaction(text(answer, "status_code").orElse(""), status.get(),
                text(answer, "fraud_status"), text(answer, "gross_amount"), text(answer, "currency"),
                text(answer, "transaction_id"), text(answer, "refund_amount"), refunds));
    }

    /** What a check records of the answer: {@code {"transactionStatus","statusCode","fraudStatus","grossAmount","currency"}}. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("transactionStatus", transactionStatus);
        summary.put("statusCode", statusCode);
        summary.put("fraudStatus", fraudStatus.orElse(null));
        summary.put("grossAmount", grossAmount.orElse(null));
        summary.put("currency", currency.orElse(null));
        return summary;
    }

    // Midtrans writes these as strings; a number is read as its decimal text
    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        return value.isNumber() ? Optional.of(value.decimalValue().toPlainString()) : Optional.empty();
    }
}
