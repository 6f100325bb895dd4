package com.warroom.local.stack.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters of an AWS Query request ({@code application/x-www-form-urlencoded}, {@code Action=...}),
 * including the {@code MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue / .Value.BinaryValue}
 * lists the SDK flattens maps into.
 */
final class QueryParameters {

    private static final String ATTRIBUTE_PREFIX = "MessageAttributes.entry.";

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new QueryParameters(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The message attributes by name, in entry order; InvalidParameterValue for an entry SNS would refuse. */
    Map<String, MessageAttribute> messageAttributes() {
        Map<Integer, String> names = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(ATTRIBUTE_PREFIX) && key.endsWith(".Name")) {
                names.put(entryNumber(key), value);
            }
        });
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        names.forEach((entry, name) -> attributes.put(name, attribute(entry, name)));
        return attributes;
    }

    private MessageAttribute attribute(int entry, String name) {
        String prefix = ATTRIBUTE_PREFIX + entry + ".Value.";
        String dataType = get(prefix + "DataType").orElseThrow(() -> SnsError.invalidParameterValue(
                "The message attribute '" + name + "' must contain non-empty message attribute type."));
        String kind = dataType.contains(".") ? dataType.substring(0, dataType.indexOf('.')) : dataType;
        Optional<String> value = switch (kind) {
            case "String", "Number" -> get(prefix + "StringValue");
            case "Binary" -> get(prefix + "BinaryValue");
            default -> throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        };
        if (value.isEmpty() || value.get().isEmpty()) {
            throw SnsError.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute value"
                    + " for message attribute type '" + dataType + "'.");
        }
        if (kind.equals("Number")) {
            requireNumber(name, value.get());
        }
        return new MessageAttribute(dataType, value.get());
    }

    private static void requireNumber(String name, String value) {
        try {
            new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid Number value: " + value);
        }
    }

    private static int entryNumber(String key) {
        String rest = key.substring(ATTRIBUTE_PREFIX.length());
        try {
            return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
        } catch (NumberFormatException e) {
            throw SnsError.invalidParameterValue("Malformed message attribute parameter " + key);
        }
    }
}
