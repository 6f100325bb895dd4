package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.assertProblem;
import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bad inputs of issue 8 through the real set route: each a 4xx problem, nothing written. */
@ExtendWith(EmbeddedStackExtension.class)
class HostileInputRouteTest {

    private static FlagApi api;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        api = new FlagApi(embedded);
    }

    private static String body(String escapedReason) {
        return "{\"flag\":\"contribute\",\"scope\":\"round:R-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"enabled\":false,\"reason\":\"" + escapedReason + "\"}";
    }

    private static void assertType(APIGatewayV2HTTPResponse response, String slug) {
        assertThat(json(response).path("type").asText()).isEqualTo("https://warroom.dev/problems/" + slug);
    }

    static Stream<Arguments> overLimitBodies() {
        return Stream.of(
                Arguments.of("100,000 nested [", "{\"flag\":" + "[".repeat(100_000), "nested too deeply"),
                Arguments.of("100,000 nested [ closed", "[".repeat(100_000) + "]".repeat(100_000), "nested too deeply"),
                Arguments.of("1,001-digit number", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"a fine reason\",\"n\":"
                        + "1".repeat(1001) + "}", "number is too long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimitBodies")
    void set_whenBodyExceedsJsonLimits_answers400MalformedJsonAndWritesNothing(String name, String body, String says) {
        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPResponse response = api.set(body);
        assertProblem(response, 400, null);
        assertType(response, "malformed-json");
        assertThat(json(response).path("detail").asText()).contains(says);
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a NUL \\u0000 in a reason", "a bell \\u0007 in a reason", "a tab\\tin a reason", "C1 \\u0085 in a reason",
        "bidi override \\u202e in a reason", "bidi isolate \\u2067 in a reason", "\\u200b\\u200c\\u200d\\u2060\\ufeff\\u200b\\u200b\\u200b\\u200b\\u200b",
        "a lone surrogate \\ud800 in a reason", "a lone low surrogate \\udfff in a reason"})
    void set_whenReasonHoldsForbiddenCharacters_answers400NamingReasonAndWritesNothing(String escapedReason) {
        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPResponse response = api.set(body(escapedReason));
        assertProblem(response, 400, "reason");
        assertType(response, "validation");
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
        "application/octet-stream", "application/json; charset=iso-8859-1", "application/merge-patch+json"})
    void set_whenBodyIsNotUtf8Json_answers415AndWritesNothing(String contentType) {
        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPEvent event = HttpEvents.route(SetFlagAction.ROUTE).caller(FlagApi.OPS, Role.OPS)
                .body(body("a perfectly good reason")).build();
        Map<String, String> headers = new HashMap<>(Map.of("idempotency-key", "k-" + UUID.randomUUID()));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = FlagApi.call(api.admin, event);
        assertProblem(response, 415, null);
        assertType(response, "unsupported-media-type");
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON; CHARSET=UTF-8", "application/json;charset=utf-8"})
    void set_whenBodyIsUtf8Json_isApplied(String contentType) {
        APIGatewayV2HTTPEvent event = HttpEvents.withHeader(HttpEvents.route(SetFlagAction.ROUTE).caller(FlagApi.OPS, Role.OPS)
                .body(body("a perfectly good reason\\nover two lines")).build(), "content-type", contentType);
        assertThat(FlagApi.call(api.admin, event).getStatusCode()).isEqualTo(200);
    }
}
