package com.warroom.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reading the template's JSON (nested maps and lists) in tests. */
final class TemplateJson {

    private TemplateJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    /** A value that CloudFormation accepts as one item or a list of items, as a list. */
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> items ? new ArrayList<>(items) : List.of(value);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String.class::cast).toList();
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> arnOf(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    /** Every IAM policy statement anywhere in the template: roles, policies, queue policies. */
    static List<Map<String, Object>> allStatements(Map<String, Object> template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        visit(template, node -> {
            if (node instanceof Map<?, ?> candidate && candidate.containsKey("Effect") && candidate.containsKey("Action")) {
                statements.add(map(candidate));
            }
        });
        return statements;
    }

    /** Whether {@code value} occurs anywhere inside {@code node}, e.g. a Ref inside an Fn::Join. */
    static boolean mentions(Object node, Object value) {
        List<Object> found = new ArrayList<>();
        visit(node, candidate -> {
            if (candidate.equals(value)) {
                found.add(candidate);
            }
        });
        return !found.isEmpty();
    }

    private static void visit(Object node, Consumer<Object> visitor) {
        visitor.accept(node);
        if (node instanceof Map<?, ?> children) {
            children.values().forEach(child -> visit(child, visitor));
        } else if (node instanceof List<?> children) {
            children.forEach(child -> visit(child, visitor));
        }
    }
}
