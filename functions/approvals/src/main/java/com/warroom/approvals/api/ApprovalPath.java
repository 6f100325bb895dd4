package com.warroom.approvals.api;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.http.ApiRequest;
import java.util.Optional;

/** The {@code {id}} of an approval route, when it is one. */
final class ApprovalPath {

    private ApprovalPath() {
    }

    static Optional<String> id(ApiRequest request) {
        String id = request.pathParameters().get("id");
        return ApprovalRequest.validId(id) ? Optional.of(id) : Optional.empty();
    }
}
