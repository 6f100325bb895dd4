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
        Set<QueueDef> describesQueues,
        Set<TopicDef> publishesTo,
        Set<String> startsWorkflows,
        Set<String> completesWorkflowTasks) {

    public FunctionDef {
        tables = Map.copyOf(tables);
        sendsTo = Set.copyOf(sendsTo);
        describesQueues = Set.copyOf(describesQueues);
        publishesTo = Set.copyOf(publishesTo);
        startsWorkflows = Set.copyOf(startsWorkflows);
        completesWorkflowTasks = Set.copyOf(completesWorkflowTasks);
    }

    public FunctionDef(String name, String module, String handlerClass, int memoryMb, int timeoutSeconds,
                       Map<TableDef, TableAccess> tables, Set<QueueDef> sendsTo, Set<QueueDef> describesQueues) {
        this(name, module, handlerClass, memoryMb, timeoutSeconds, tables, sendsTo, describesQueues, Set.of(), Set.of(), Set.of());
    }

    /** This function publishes to the topic. */
    public FunctionDef publishing(TopicDef topic) {
        return new FunctionDef(name, module, handlerClass, memoryMb, timeoutSeconds, tables, sendsTo, describesQueues,
                union(publishesTo, topic), startsWorkflows, completesWorkflowTasks);
    }

    /** This function starts executions of the workflow (by its logical name; executions are named after the request). */
    public FunctionDef starting(String workflow) {
        return new FunctionDef(name, module, handlerClass, memoryMb, timeoutSeconds, tables, sendsTo, describesQueues,
                publishesTo, union(startsWorkflows, workflow), completesWorkflowTasks);
    }

    /** This function sends task success/failure to the workflow's waiting executions: only the decision route may. */
    public FunctionDef completingTasksOf(String workflow) {
        return new FunctionDef(name, module, handlerClass, memoryMb, timeoutSeconds, tables, sendsTo, describesQueues,
                publishesTo, startsWorkflows, union(completesWorkflowTasks, workflow));
    }

    /** The Lambda jar built by the module's shade plugin, relative to the repository root. */
    public String jarPath() {
        return module + "/target/" + module.substring(module.lastIndexOf('/') + 1) + "-lambda.jar";
    }

    /** The Lambda handler string. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    private static <T> Set<T> union(Set<T> set, T more) {
        var copy = new java.util.HashSet<>(set);
        copy.add(more);
        return copy;
    }
}
