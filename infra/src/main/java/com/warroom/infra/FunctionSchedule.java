package com.warroom.infra;

import com.warroom.topology.ScheduleExpression;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.TimeWindow;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * The EventBridge Scheduler schedule of one {@link Trigger.Schedule} function, named like the function: its expression
 * in its time zone, at the exact time (no flexible window), delivering the payload to the function's {@code live}
 * alias through a role of its own that may invoke that alias and nothing else.
 */
public final class FunctionSchedule extends Construct {

    static final String SCHEDULER_SERVICE = "scheduler.amazonaws.com";
    static final String INVOKE_ACTION = "lambda:InvokeFunction";
    /** The most Scheduler allows: the event age below is what bounds the retries. */
    static final int RETRY_ATTEMPTS = 185;
    /** The longest Scheduler keeps retrying a delivery. */
    static final Duration LONGEST_EVENT_AGE = Duration.ofHours(24);

    /** What a schedule is built from: its name (the function's), the alias it invokes and the topology's trigger. */
    public record Props(String name, Alias target, Trigger.Schedule schedule) {
    }

    private final Role role;
    private final Schedule schedule;

    public FunctionSchedule(Construct scope, String id, Props props) {
        super(scope, id);
        Trigger.Schedule trigger = props.schedule();
        role = Role.Builder.create(this, "Role")
                // confused-deputy guard: only this schedule of this account may assume it (sorted: no template churn)
                .assumedBy(new ServicePrincipal(SCHEDULER_SERVICE).withConditions(Map.of("StringEquals", new TreeMap<>(Map.of(
                        "aws:SourceAccount", Stack.of(this).getAccount(),
                        "aws:SourceArn", scheduleArn(props.name()))))))
                .description("Lets the Warroom schedule " + props.name() + " invoke its function's live alias, and nothing else")
                // inline, not a DefaultPolicy beside the role: one resource fewer under CloudFormation's 500
                .inlinePolicies(Map.of(WarroomFunction.ACCESS_POLICY, PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .actions(List.of(INVOKE_ACTION)).resources(List.of(props.target().getFunctionArn())).build()))
                        .build()))
                .build();
        schedule = Schedule.Builder.create(this, "Schedule")
                .scheduleName(props.name())
                .description("Invokes " + props.name() + ":" + WarroomFunction.ALIAS + " at " + trigger.expression().text() + " in "
                        + trigger.zone().getId())
                .schedule(software.amazon.awscdk.services.scheduler.ScheduleExpression.expression(
                        trigger.expression().text(), TimeZone.of(trigger.zone().getId())))
                .timeWindow(TimeWindow.off())
                .target(new LambdaInvoke(props.target(), ScheduleTargetBaseProps.builder()
                        // the target's own grant would add a DefaultPolicy; the role already holds exactly that statement
                        .role(role.withoutPolicyUpdates())
                        .input(ScheduleTargetInput.fromText(trigger.payload()))
                        .retryAttempts(RETRY_ATTEMPTS)
                        .maxEventAge(software.amazon.awscdk.Duration.seconds(maxEventAge(trigger.expression()).toSeconds()))
                        .build()))
                .build();
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The role Scheduler delivers with: lambda:InvokeFunction on the target alias only. */
    public Role role() {
        return role;
    }

    /**
     * How long Scheduler keeps retrying a delivery the Lambda service refused (throttled, unavailable); a failure of the
     * handler itself is Lambda's asynchronous retry, not this.
     */
    static Duration maxEventAge(ScheduleExpression expression) {
        return switch (expression) {
            // past the next firing, a late delivery would only run the same job twice in a row
            case ScheduleExpression.Rate rate -> rate.every().compareTo(LONGEST_EVENT_AGE) < 0 ? rate.every() : LONGEST_EVENT_AGE;
            // a calendar job (the daily reconciliation) is still worth running late
            case ScheduleExpression.Cron cron -> LONGEST_EVENT_AGE;
        };
    }

    private String scheduleArn(String name) {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("scheduler")
                .resource("schedule")
                .resourceName("default/" + name)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    }
}
