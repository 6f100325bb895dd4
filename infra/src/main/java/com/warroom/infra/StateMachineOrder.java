package com.warroom.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of the states of a state machine definition (Amazon States Language) along its first path: from
 * {@code StartAt}, following {@code Next}, and at a {@code Choice} its first rule's {@code Next}, to the state that
 * ends the execution. For the approval workflow that is the path of an approved request, {@code ApprovalWorkflowDef.STATES}.
 * Shared by the tests that compare the synthesized definition with the topology and with the local runner.
 */
public final class StateMachineOrder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateMachineOrder() {
    }

    /**
     * The state names along the first path of {@code aslJson}; fails on a definition that names a missing state or
     * comes back to a state it passed, since such a first path never ends.
     */
    public static List<String> of(String aslJson) {
        JsonNode definition = parse(aslJson);
        JsonNode states = definition.path("States");
        Set<String> order = new LinkedHashSet<>();
        String name = text(definition, "StartAt");
        while (name != null) {
            if (!order.add(name)) {
                throw new IllegalArgumentException("the first path comes back to " + name + " after " + order);
            }
            JsonNode state = states.get(name);
            if (state == null) {
                throw new IllegalArgumentException("state " + name + " is named after " + order + " but not defined");
            }
            name = next(state);
        }
        return List.copyOf(new ArrayList<>(order));
    }

    private static String next(JsonNode state) {
        if (state.path("End").asBoolean(false)) {
            return null;
        }
        return switch (state.path("Type").asText()) {
            case "Succeed", "Fail" -> null;
            case "Choice" -> text(state.path("Choices").path(0), "Next");
            default -> text(state, "Next");
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no " + field + " in " + node);
        }
        return value.asText();
    }

    private static JsonNode parse(String aslJson) {
        try {
            return JSON.readTree(aslJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a state machine definition: " + e.getOriginalMessage(), e);
        }
    }
}
