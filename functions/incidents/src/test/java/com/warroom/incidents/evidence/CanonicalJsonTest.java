package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CanonicalJsonTest {

    @Test
    void item_inAnyAttributeOrder_givesTheSameBytes() {
        Map<String, AttributeValue> one = new LinkedHashMap<>();
        one.put("orderId", AttributeValue.fromS("ord-1"));
        one.put("amountMinor", AttributeValue.fromN("15000000"));
        one.put("tags", AttributeValue.fromSs(List.of("b", "a")));
        Map<String, AttributeValue> two = new LinkedHashMap<>();
        two.put("tags", AttributeValue.fromSs(List.of("a", "b")));
        two.put("amountMinor", AttributeValue.fromN("15000000"));
        two.put("orderId", AttributeValue.fromS("ord-1"));

        assertThat(CanonicalJson.bytes(CanonicalJson.item(one))).isEqualTo(CanonicalJson.bytes(CanonicalJson.item(two)));
        assertThat(new String(CanonicalJson.bytes(CanonicalJson.item(one)), StandardCharsets.UTF_8))
                .isEqualTo("{\"amountMinor\":15000000,\"orderId\":\"ord-1\",\"tags\":[\"a\",\"b\"]}");
    }

    @Test
    void item_withLargeAndFractionalNumbers_keepsThemExact() {
        Map<String, AttributeValue> item = Map.of("big", AttributeValue.fromN("123456789012345678901234567890"),
                "fraction", AttributeValue.fromN("0.10"), "nested", AttributeValue.fromM(Map.of("z", AttributeValue.fromBool(true),
                        "a", AttributeValue.fromNul(true))));

        assertThat(new String(CanonicalJson.bytes(CanonicalJson.item(item)), StandardCharsets.UTF_8))
                .isEqualTo("{\"big\":123456789012345678901234567890,\"fraction\":0.10,\"nested\":{\"a\":null,\"z\":true}}");
    }

    @Test
    void sha256Hex_isWhatSha256sumPrints() {
        // printf '{}' | sha256sum
        assertThat(CanonicalJson.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }
}
