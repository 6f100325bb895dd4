package com.warroom.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalServices;
import com.warroom.aws.AwsClients;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * Calls the approvals handler the way API Gateway would, with Step Functions replaced by a
 * {@link RecordingDecisionSender}. {@link HttpEvents} has no path parameters, so the {@code {id}} is set
 * on its events here as API Gateway sets it.
 */
public final class ApprovalsApi {

    public static final String LIST = ListApprovalsAction.ROUTE;
    public static final String GET = GetApprovalAction.ROUTE;
    public static final String APPROVE = DecideApprovalAction.APPROVE_ROUTE;
    public static final String REJECT = DecideApprovalAction.REJECT_ROUTE;

    public final RecordingDecisionSender sender = new RecordingDecisionSender();
    public final ApprovalsApiHandler handler;

    public ApprovalsApi(ApprovalServices services) {
        this.handler = handler(services, sender);
    }

    /** A handler over the given services and sender (and the stack's idempotency table), as the Lambda runtime would hold it. */
    public static ApprovalsApiHandler handler(ApprovalServices services, DecisionSender sender) {
        return new ApprovalsApiHandler(services, sender,
                new IdempotencyStore(AwsClients.dynamoDbEnhanced(), Topology.IDEMPOTENCY.localName(), services.clock()));
    }

    public APIGatewayV2HTTPResponse approve(String id, String body, String sub, Role... roles) {
        return call(event(APPROVE, id, body, sub, roles));
    }

    public APIGatewayV2HTTPResponse approve(String id, String sub, Role... roles) {
        return approve(id, "{\"comment\":\"Checked the investigation notes\"}", sub, roles);
    }

    public APIGatewayV2HTTPResponse reject(String id, String reason, String sub, Role... roles) {
        return call(event(REJECT, id, Json.write(Map.of("reason", reason)), sub, roles));
    }

    public APIGatewayV2HTTPResponse get(String id, String sub, Role... roles) {
        return call(event(GET, id, null, sub, roles));
    }

    public APIGatewayV2HTTPResponse list(Map<String, String> query, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(LIST);
        if (sub != null) {
            event.caller(sub, roles);
        }
        query.forEach(event::query);
        return call(event.build());
    }

    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("approvals-api", 1024, 15));
    }

    /** An event of a route with an {@code {id}}; no token when {@code sub} is null; {@code id} null leaves the parameter out. */
    public static APIGatewayV2HTTPEvent event(String routeKey, String id, String body, String sub, Role... roles) {
        HttpEvents builder = HttpEvents.route(routeKey);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        if (body != null) {
            builder.body(body);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (id != null) {
            event.setPathParameters(Map.of("id", id));
            String path = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{id}", id);
            event.setRawPath(path);
            event.getRequestContext().getHttp().setPath(path);
        }
        return event;
    }

    /** {@code event} with an {@code Idempotency-Key}, as a retrying client sends it (API Gateway lower-cases names). */
    public static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String idempotencyKey) {
        return HttpEvents.withHeader(event, "Idempotency-Key", idempotencyKey);
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    public static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).as("the task token is never shown").doesNotContain("taskToken").doesNotContain("token-");
        return json(response);
    }

    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://warroom.dev/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("token-");
        if (field != null) {
            List<String> fields = problem.path("errors").findValuesAsText("field");
            assertThat(fields).as(response.getBody()).contains(field);
        }
        return problem;
    }

    public static void assertProblemType(APIGatewayV2HTTPResponse response, int status, String slug) {
        JsonNode problem = assertProblem(response, status, null);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + slug);
    }
}
