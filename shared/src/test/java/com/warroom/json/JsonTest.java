package com.warroom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    record Zebra(String zulu, int alpha, Map<String, Object> mike) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"o\":{\"x\":1,\"x\":2}}",
        "[{\"k\":true,\"k\":false}]"})
    void readTree_whenDuplicateKeys_expectRejected(String text) {
        assertThatThrownBy(() -> Json.readTree(text)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Duplicate field");
    }

    @Test
    void mapper_whenDuplicateKeys_expectRejectedThroughTheSharedMapperToo() {
        assertThatThrownBy(() -> Json.mapper().readTree("{\"a\":1,\"a\":2}"))
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"a\":1,\"a\":2}", Map.class))
                .hasMessageContaining("Duplicate field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{\"a\":1} x", "[1] [2]", "1 2", "{\"a\":1}}"})
    void readTree_whenTrailingTokens_expectRejected(String text) {
        assertThatThrownBy(() -> Json.readTree(text)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void mapper_whenTrailingTokensOnTypedRead_expectRejected() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"a\":1} {\"a\":2}", Map.class))
                .hasMessageContaining("Trailing token");
    }

    @Test
    void readTree_whenTrailingWhitespaceOnly_expectAccepted() {
        assertThat(Json.readTree(" {\"a\":1} \n\t").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void readTree_whenDecimal_expectExactBigDecimalNotDouble() {
        JsonNode n = Json.readTree("{\"amount\":0.1,\"big\":12345678901234567890.123456789}");
        assertThat(n.get("amount").isBigDecimal()).isTrue();
        assertThat(n.get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(n.get("big").decimalValue()).isEqualByComparingTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void write_whenMap_expectCompactJson() {
        assertThat(Json.write(Map.of("a", List.of(1, 2)))).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void write_whenUnserializable_expectUncheckedIOException() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void canonical_whenMapKeysInsertedOutOfOrder_expectSortedCompact() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("c", 3);
        m.put("a", 1);
        m.put("B", 2);
        m.put("b", List.of("z", "a"));
        assertThat(Json.canonical(m)).isEqualTo("{\"B\":2,\"a\":1,\"b\":[\"z\",\"a\"],\"c\":3}");
    }

    @Test
    void canonical_whenNestedMapsAndRecords_expectEveryLevelSorted() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", 1);
        inner.put("x", Map.of("q", 1, "p", 2));
        Zebra z = new Zebra("last", 1, inner);
        assertThat(Json.canonical(z)).isEqualTo("{\"alpha\":1,\"mike\":{\"x\":{\"p\":2,\"q\":1},\"y\":1},\"zulu\":\"last\"}");
        assertThat(Json.canonical(List.of(inner))).isEqualTo("[{\"x\":{\"p\":2,\"q\":1},\"y\":1}]");
    }

    @Test
    void canonical_whenSameJsonWithDifferentKeyOrder_expectSameText() {
        JsonNode a = Json.readTree("{\"b\":{\"d\":[{\"f\":1,\"e\":2}],\"c\":null},\"a\":\"x\"}");
        JsonNode b = Json.readTree("{ \"a\" : \"x\", \"b\" : { \"c\" : null, \"d\" : [ { \"e\" : 2, \"f\" : 1 } ] } }");
        assertThat(Json.canonical(a)).isEqualTo(Json.canonical(b))
                .isEqualTo("{\"a\":\"x\",\"b\":{\"c\":null,\"d\":[{\"e\":2,\"f\":1}]}}");
    }

    @Test
    void canonical_whenManyInsertionOrders_expectOneText() {
        List<String> keys = new ArrayList<>(Arrays.asList("k1", "k2", "k3", "k4", "k5"));
        String first = null;
        for (int rotation = 0; rotation < keys.size(); rotation++) {
            java.util.Collections.rotate(keys, 1);
            Map<String, Object> m = new LinkedHashMap<>();
            keys.forEach(k -> m.put(k, k.toUpperCase()));
            String text = Json.canonical(m);
            if (first == null) {
                first = text;
            }
            assertThat(text).isEqualTo(first);
        }
        assertThat(first).isEqualTo("{\"k1\":\"K1\",\"k2\":\"K2\",\"k3\":\"K3\",\"k4\":\"K4\",\"k5\":\"K5\"}");
    }

    @Test
    void canonical_whenNullValues_expectKept() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", null);
        m.put("a", 1);
        assertThat(Json.canonical(m)).isEqualTo("{\"a\":1,\"b\":null}");
    }

    @Test
    void canonical_whenLongAtExtremes_expectExactDigits() {
        assertThat(Json.canonical(Map.of("seq", Long.MAX_VALUE))).isEqualTo("{\"seq\":9223372036854775807}");
    }
}
