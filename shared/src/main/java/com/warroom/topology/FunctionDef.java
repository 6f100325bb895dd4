package com.warroom.topology;

import java.util.Map;
import java.util.Set;

/**
 * One Lambda function: the Maven module that builds it, the jar that CDK uploads, its handler class
 * (named as data so that infra needs no code of the functions), and what it may touch.
 */
public record FunctionDef(
        String name,
        String module,
        String handlerClass,
        int memoryMb,
        int timeoutSeconds,
        Map<TableDef, TableAccess> tables,
        Set<QueueDef> sendsTo,
        Set<QueueDef> describesQueues) {

    public FunctionDef {
        tables = Map.copyOf(tables);
        sendsTo = Set.copyOf(sendsTo);
        describesQueues = Set.copyOf(describesQueues);
    }

    /** The Lambda jar built by the module's shade plugin, relative to the repository root. */
    public String jarPath() {
        return module + "/target/" + module.substring(module.lastIndexOf('/') + 1) + "-lambda.jar";
    }

    /** The Lambda handler string. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }
}
