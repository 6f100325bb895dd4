package com.warroom.local.gateway;

/** A request API Gateway would refuse with 400 before calling any function; the message says why. */
final class MalformedRequest extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedRequest(String detail) {
        super(detail);
    }
}
