package com.warroom.payments.processor;

import com.warroom.json.Json;
import com.warroom.payments.PaymentCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a check item of the payment events table records: why the order was checked, what Midtrans's get-status said
 * (null when Midtrans was not asked), the state applied (null when none) and what happened, in one line.
 */
record CheckRecord(PaymentCheck.Source source, Optional<MidtransTransaction> midtrans, Transition transition, String outcome) {

    String toJson() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source", source.wireName());
        record.put("midtrans", midtrans.map(MidtransTransaction::summary).orElse(null));
        record.put("applied", transition.applied());
        record.put("outcome", outcome);
        return Json.write(record);
    }
}
