package com.warroom.config.api;

import static com.warroom.config.api.ConfigFixtures.body;
import static com.warroom.config.api.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A config change request retried with its {@code Idempotency-Key}: one approval request, the first 202 again. */
@ExtendWith(EmbeddedStackExtension.class)
class IdempotentChangeTest {

    private static ConfigFixtures fixtures;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ConfigFixtures(stack);
        fixtures.seed();
    }

    @Test
    void change_whenRetriedWithTheSameKey_answersTheFirst202AndRecordsOneRequest() {
        String sub = "fin-" + UUID.randomUUID().toString().substring(0, 8);
        String body = body("treasury.set", ChangeRouteTest.BASE_ETH, ConfigFixtures.REASON);
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = fixtures.change(body, key, sub, Role.FINANCE);
        APIGatewayV2HTTPResponse retry = fixtures.change(body, key, sub, Role.FINANCE);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(fixtures.requestsBy(sub)).extracting(r -> r.id()).containsExactly(json(first).path("approvalId").asText());
        assertThat(fixtures.entriesBy(sub)).hasSize(1);
    }

    @Test
    void change_whenTheKeyIsReusedWithAnotherBody_is422AndRecordsNothingMore() {
        String sub = "fin-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        fixtures.change(body("treasury.set", ChangeRouteTest.BASE_ETH, ConfigFixtures.REASON), key, sub, Role.FINANCE);

        APIGatewayV2HTTPResponse reused = fixtures.change(body("treasury.set", ChangeRouteTest.BASE_ETH,
                ConfigFixtures.REASON + ", again"), key, sub, Role.FINANCE);

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(json(reused).path("type").asText()).isEqualTo("https://warroom.dev/problems/idempotency-key-reused");
        assertThat(fixtures.requestsBy(sub)).hasSize(1);
        assertThat(fixtures.entriesBy(sub)).hasSize(1);
    }
}
