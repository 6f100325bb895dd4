package com.warroom.local.stack.sfn;

/** An error answer of the Step Functions API: the {@code __type} the SDK maps to its typed exception, and a message. */
final class SfnError extends RuntimeException {

    private final String type;

    SfnError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }

    static SfnError missing(String member) {
        return new SfnError("ValidationException",
                "1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
}
