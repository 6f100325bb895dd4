package com.warroom.incidents.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one encoding evidence is hashed in: object keys sorted at every depth, no whitespace, numbers exactly as DynamoDB
 * holds them (never through a double), sets sorted. The same rows always give the same bytes.
 */
final class CanonicalJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CanonicalJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A DynamoDB item as plain JSON: S as a string, N as an exact number, BOOL, NULL, L, M, sets sorted, B as base64. */
    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(item).forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static JsonNode value(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case B -> NODES.textNode(Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case L -> {
                ArrayNode list = NODES.arrayNode();
                value.l().forEach(element -> list.add(value(element)));
                yield list;
            }
            case M -> item(value.m());
            case SS -> sortedTexts(value.ss());
            case NS -> {
                ArrayNode set = NODES.arrayNode();
                value.ns().stream().map(BigDecimal::new).sorted().forEach(n -> set.add(number(n.toPlainString())));
                yield set;
            }
            case BS -> sortedTexts(value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
            case UNKNOWN_TO_SDK_VERSION -> NODES.textNode(String.valueOf(value));
        };
    }

    private static JsonNode number(String text) {
        BigDecimal exact = new BigDecimal(text);
        return exact.scale() <= 0 ? NODES.numberNode(exact.toBigIntegerExact()) : NODES.numberNode(exact);
    }

    private static ArrayNode sortedTexts(List<String> texts) {
        ArrayNode set = NODES.arrayNode();
        texts.stream().sorted().forEach(set::add);
        return set;
    }

    /** A tree with its object keys sorted at every depth (a copy: the given tree is left as it is). */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), field.getValue());
            }
            fields.forEach((name, value) -> copy.set(name, sorted(value)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(elements::add);
            elements.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** The canonical bytes of a tree (UTF-8). */
    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the bytes, lower-case hex: what {@code sha256sum} prints. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
