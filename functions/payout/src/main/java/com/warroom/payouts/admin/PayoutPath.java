package com.warroom.payouts.admin;

import com.warroom.http.ApiRequest;
import com.warroom.http.FieldError;
import com.warroom.payouts.Payout;
import java.util.List;
import java.util.Optional;

/** The {@code {payoutId}} of a payout route's path. */
final class PayoutPath {

    static final String PARAMETER = "payoutId";

    private PayoutPath() {
    }

    /** The payout id, or empty with the error added to {@code errors}. */
    static Optional<String> payoutId(ApiRequest request, List<FieldError> errors) {
        String id = request.pathParameters().get(PARAMETER);
        if (!Payout.isValidId(id)) {
            errors.add(new FieldError(PARAMETER, Payout.ID_RULE));
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
