package com.warroom.local.stack.sns;

/**
 * One SNS message attribute as subscribers see it: its data type ({@code String}, {@code String.Array},
 * {@code Number} or {@code Binary}, optionally with a custom suffix) and its value (base64 for Binary).
 */
public record MessageAttribute(String dataType, String value) {
}
