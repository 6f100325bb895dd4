package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Step Functions API operations Warroom uses, from their JSON requests to their JSON answers. */
final class SfnOperations {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final StateMachines machines;

    SfnOperations(StateMachines machines) {
        this.machines = machines;
    }

    ObjectNode call(String operation, JsonNode request) {
        return switch (operation) {
            case "StartExecution" -> startExecution(request);
            case "SendTaskSuccess" -> sendTaskSuccess(request);
            case "SendTaskFailure" -> sendTaskFailure(request);
            case "DescribeExecution" -> describeExecution(request);
            case "ListExecutions" -> listExecutions(request);
            case "ListStateMachines" -> listStateMachines();
            default -> throw new SfnError("UnknownOperationException",
                    "The local Step Functions does not implement " + operation);
        };
    }

    private ObjectNode startExecution(JsonNode request) {
        Execution execution = machines.start(required(request, "stateMachineArn"), optional(request, "name"),
                optional(request, "input").orElse("{}"));
        ObjectNode answer = object();
        answer.put("executionArn", execution.arn());
        answer.put("startDate", epochSeconds(execution.startDate()));
        return answer;
    }

    private ObjectNode sendTaskSuccess(JsonNode request) {
        machines.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
        return object();
    }

    private ObjectNode sendTaskFailure(JsonNode request) {
        machines.sendTaskFailure(required(request, "taskToken"), optional(request, "error"), optional(request, "cause"));
        return object();
    }

    private ObjectNode describeExecution(JsonNode request) {
        ExecutionView view = machines.execution(required(request, "executionArn")).view();
        ObjectNode answer = summary(view);
        answer.put("input", view.input());
        answer.putObject("inputDetails").put("included", true);
        view.output().ifPresent(output -> {
            answer.put("output", output);
            answer.putObject("outputDetails").put("included", true);
        });
        view.error().ifPresent(error -> answer.put("error", error));
        view.cause().ifPresent(cause -> answer.put("cause", cause));
        return answer;
    }

    private ObjectNode listExecutions(JsonNode request) {
        Optional<ExecutionStatus> status = optional(request, "statusFilter").map(SfnOperations::status);
        List<ExecutionView> matching = machines.executions(required(request, "stateMachineArn")).stream()
                .filter(view -> status.map(wanted -> view.status() == wanted).orElse(true))
                .toList();
        int from = optional(request, "nextToken").map(SfnOperations::pageStart).orElse(0);
        int size = request.path("maxResults").asInt(0) <= 0 ? DEFAULT_PAGE : Math.min(request.path("maxResults").asInt(), MAX_PAGE);
        int to = Math.min(matching.size(), from + size);
        ObjectNode answer = object();
        ArrayNode executions = answer.putArray("executions");
        matching.subList(Math.min(from, to), to).forEach(view -> executions.add(summary(view)));
        if (to < matching.size()) {
            answer.put("nextToken", Integer.toString(to));
        }
        return answer;
    }

    private ObjectNode listStateMachines() {
        ObjectNode answer = object();
        ArrayNode list = answer.putArray("stateMachines");
        machines.stateMachines().forEach(machine -> {
            ObjectNode entry = list.addObject();
            entry.put("stateMachineArn", machine.arn());
            entry.put("name", machine.name());
            entry.put("type", "STANDARD");
            entry.put("creationDate", epochSeconds(machine.creationDate()));
        });
        return answer;
    }

    private static ObjectNode summary(ExecutionView view) {
        ObjectNode entry = object();
        entry.put("executionArn", view.executionArn());
        entry.put("stateMachineArn", view.stateMachineArn());
        entry.put("name", view.name());
        entry.put("status", view.status().name());
        entry.put("startDate", epochSeconds(view.startDate()));
        view.stopDate().ifPresent(stop -> entry.put("stopDate", epochSeconds(stop)));
        return entry;
    }

    private static ExecutionStatus status(String filter) {
        try {
            return ExecutionStatus.valueOf(filter);
        } catch (IllegalArgumentException e) {
            throw new SfnError("ValidationException", "1 validation error detected: Value '" + filter
                    + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set");
        }
    }

    private static int pageStart(String nextToken) {
        try {
            return Integer.parseInt(nextToken);
        } catch (NumberFormatException e) {
            throw new SfnError("InvalidToken", "Invalid Token: 'Invalid nextToken'");
        }
    }

    // the JSON protocol's timestamps: epoch seconds, with milliseconds as the fraction
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static String required(JsonNode request, String member) {
        return optional(request, member).orElseThrow(() -> SfnError.missing(member));
    }

    private static Optional<String> optional(JsonNode request, String member) {
        JsonNode value = request.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static ObjectNode object() {
        return StatesJson.MAPPER.createObjectNode();
    }
}
