package com.warroom.infra;

import com.warroom.topology.WorkflowDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The names and ARNs of the workflows' state machines, fixed before any of them is built. Functions get a state
 * machine's ARN (environment, IAM) from here rather than from the state machine itself, so a function that both runs
 * a step of a workflow and starts or completes it cannot make a dependency cycle.
 */
public final class StateMachineArns {

    private final Stack stack;
    private final Map<String, WorkflowDef> workflows = new LinkedHashMap<>();

    public StateMachineArns(Stack stack, List<WorkflowDef> definitions) {
        this.stack = stack;
        definitions.forEach(definition -> workflows.put(definition.logicalName(), definition));
    }

    /** The workflow of a logical name; a function naming a workflow outside the topology is a wiring error. */
    public WorkflowDef workflow(String logicalName) {
        WorkflowDef workflow = workflows.get(logicalName);
        if (workflow == null) {
            throw new IllegalArgumentException("workflow " + logicalName + " is not in the topology's workflows()");
        }
        return workflow;
    }

    /** {@code Warroom-approval}: named like the functions, so operators find it by name. */
    public String name(WorkflowDef workflow) {
        return stack.getStackName() + "-" + workflow(workflow.logicalName()).logicalName();
    }

    public String arn(WorkflowDef workflow) {
        return stack.formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(name(workflow))
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
