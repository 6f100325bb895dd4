package com.warroom.local.stack.sns;

/** An error answer of the SNS Query API: its code, sender or receiver fault, and the HTTP status AWS uses for it. */
final class SnsError extends RuntimeException {

    private final String code;
    private final int status;

    private SnsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static SnsError notFound(String message) {
        return new SnsError("NotFound", 404, message);
    }

    static SnsError invalidParameter(String message) {
        return new SnsError("InvalidParameter", 400, "Invalid parameter: " + message);
    }

    static SnsError invalidParameterValue(String message) {
        // the code of InvalidParameterValueException, as the SDK maps it
        return new SnsError("ParameterValueInvalid", 400, message);
    }

    static SnsError invalidAction(String action) {
        return new SnsError("InvalidAction", 400, "The action " + action + " is not valid for this endpoint.");
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    String faultType() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
