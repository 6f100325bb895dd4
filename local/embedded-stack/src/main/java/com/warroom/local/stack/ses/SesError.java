package com.warroom.local.stack.ses;

/** An SES v2 error: the HTTP status, the error type ({@code x-amzn-ErrorType}, which the SDK maps to its exception) and the message. */
final class SesError extends RuntimeException {

    private final int status;
    private final String type;

    SesError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    static SesError badRequest(String message) {
        return new SesError(400, "BadRequestException", message);
    }
}
