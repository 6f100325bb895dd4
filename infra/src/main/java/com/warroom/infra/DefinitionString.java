package com.warroom.infra;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of a synthesized state machine's {@code DefinitionString}, which CDK writes as an {@code Fn::Join} of
 * literal JSON and intrinsics (the functions' ARNs, the partition). Each intrinsic becomes a placeholder inside its JSON
 * string, so the result parses as the Amazon States Language definition: {@code {"Ref": "X"}} becomes {@code ${X}},
 * {@code {"Fn::GetAtt": ["X", "Arn"]}} becomes {@code ${X.Arn}}.
 */
public final class DefinitionString {

    private DefinitionString() {
    }

    /** The ASL JSON of an {@code AWS::StepFunctions::StateMachine} resource of a synthesized template. */
    public static String ofResource(Map<String, Object> stateMachineResource) {
        Object properties = stateMachineResource.get("Properties");
        if (!(properties instanceof Map<?, ?> map) || !map.containsKey("DefinitionString")) {
            throw new IllegalArgumentException("not a state machine resource with a DefinitionString: " + stateMachineResource.keySet());
        }
        return resolve(map.get("DefinitionString"));
    }

    /** A {@code DefinitionString} value: a string, or an {@code Fn::Join} with an empty delimiter. */
    public static String resolve(Object definitionString) {
        if (definitionString instanceof String text) {
            return text;
        }
        if (definitionString instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Join") instanceof List<?> join
                && join.size() == 2 && join.get(1) instanceof List<?> parts) {
            String delimiter = String.valueOf(join.get(0));
            return parts.stream().map(DefinitionString::part).collect(Collectors.joining(delimiter));
        }
        throw new IllegalArgumentException("not a DefinitionString: " + definitionString);
    }

    private static String part(Object part) {
        if (part instanceof String text) {
            return text;
        }
        if (part instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> entry = intrinsic.entrySet().iterator().next();
            if ("Ref".equals(entry.getKey())) {
                return "${" + entry.getValue() + "}";
            }
            if ("Fn::GetAtt".equals(entry.getKey()) && entry.getValue() instanceof List<?> attribute) {
                return "${" + attribute.stream().map(String::valueOf).collect(Collectors.joining(".")) + "}";
            }
        }
        throw new IllegalArgumentException("unexpected part of a DefinitionString: " + part);
    }
}
