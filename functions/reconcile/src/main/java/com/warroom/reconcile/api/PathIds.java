package com.warroom.reconcile.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.FieldError;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.run.ReconcileRun;
import java.util.List;
import java.util.Optional;

/** The {@code {id}} of a run or finding route, checked for its form before anything is read. */
final class PathIds {

    private PathIds() {
    }

    static Optional<String> runId(ApiRequest request, List<FieldError> errors) {
        String id = request.pathParameters().get("id");
        if (!ReconcileRun.validId(id)) {
            errors.add(new FieldError("id", "must be a run id such as rc-20261201-0123456789ab"));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    static Optional<String> findingId(ApiRequest request, List<FieldError> errors) {
        String id = request.pathParameters().get("id");
        if (!Finding.validId(id)) {
            errors.add(new FieldError("id", "must be a finding id: f- and 32 hex digits"));
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
