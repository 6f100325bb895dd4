package com.warroom.http;

/** One bad field of a request: where it is and what is wrong with it. */
public record FieldError(String field, String message) {
}
