package com.warroom.alarms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.observability.MetricPoint;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Calls the alarm routes as API Gateway would, over a metric file the test writes as the runner does. */
final class AlarmsApi {

    static final String README = "https://example.org/warroom/README.md";

    private final AlarmsHandler handler;
    private final Path metricFile;

    AlarmsApi(Path metricFile, Clock clock) {
        this.metricFile = metricFile;
        var dynamo = AwsClients.dynamoDbEnhanced();
        this.handler = new AlarmsHandler(AlarmsHandler.Sources.local(metricFile, README),
                new AlertTopic(AwsClients.sns(), Settings.require(Topology.ALERTS.arnEnvVar())), AuditLog.fromSettings(dynamo, clock),
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock), clock);
    }

    APIGatewayV2HTTPResponse list(Role role) {
        return call(HttpEvents.route(ListAlarmsAction.ROUTE).caller("ops-olga", role).build());
    }

    JsonNode alarms() {
        APIGatewayV2HTTPResponse response = list(Role.OPS);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Json.readTree(response.getBody());
    }

    /** The alarm of that name (without the stack's prefix) in the answer. */
    JsonNode alarm(String name) {
        for (JsonNode alarm : alarms().path("alarms")) {
            if (alarm.path("name").asText().equals("Warroom-" + name)) {
                return alarm;
            }
        }
        throw new AssertionError("no alarm Warroom-" + name);
    }

    APIGatewayV2HTTPResponse testAlert(String sub, Role role, String body) {
        return call(HttpEvents.withHeader(HttpEvents.route(TestAlertAction.ROUTE).caller(sub, role).body(body).build(),
                "Idempotency-Key", UUID.randomUUID().toString()));
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("alarms-api", 1024, 30));
    }

    /** Appends a point to the metric file, as the local runner records what a function emitted. */
    void emit(String name, double value, Map<String, String> dimensions, Instant at) {
        emit(new MetricPoint("Warroom", name, dimensions, value, at));
    }

    void emit(MetricPoint point) {
        try {
            Files.writeString(metricFile, point.toJsonLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
