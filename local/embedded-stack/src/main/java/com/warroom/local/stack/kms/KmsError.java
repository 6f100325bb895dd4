package com.warroom.local.stack.kms;

/** An error answer of the KMS API: the {@code __type} the SDK maps to its typed exception, and a message. */
final class KmsError extends RuntimeException {

    private final String type;

    KmsError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }

    static KmsError notFound(String keyId) {
        return new KmsError("NotFoundException", "Key '" + keyId + "' does not exist");
    }

    static KmsError validation(String message) {
        return new KmsError("ValidationException", message);
    }
}
