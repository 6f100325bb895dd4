package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Everything that watches Warroom, in a nested stack of its own: the alarms of the catalogue ({@link WarroomAlarms}) and
 * the Daily Ops dashboard ({@link DailyOpsDashboard}). The main stack holds what runs; keeping what watches it here
 * leaves the main stack room under CloudFormation's 500 resources a template. What the alarms watch (function names,
 * queue names, the API's id, the alerts topic) reaches this stack as parameters, which CDK adds for each reference.
 */
public final class Monitoring extends NestedStack {

    /**
     * What is watched and where alarms go. {@code stackName} is the main stack's: alarm and dashboard names follow it
     * ({@code Warroom-payout-failures}), not the nested stack's generated name, so the alarms API finds them.
     */
    public record Props(String stackName, Topology topology, Map<FunctionDef, WarroomFunction> functions, WorkQueues queues,
                        IHttpApi api, Optional<ITopic> alerts, String readmeUrl) {
    }

    private final WarroomAlarms alarms;
    private final DailyOpsDashboard dashboard;

    public Monitoring(Construct scope, String id, Props props) {
        super(scope, id, NestedStackProps.builder()
                .description("Warroom monitoring: the alarms of the catalogue and the Daily Ops dashboard")
                .build());
        alarms = new WarroomAlarms(this, "Alarms", new WarroomAlarms.Props(props.stackName(), props.topology(), props.functions(),
                props.queues(), props.api(), props.alerts(), props.readmeUrl()));
        dashboard = props.topology().queues().contains(Topology.PAYOUT_WORK)
                ? new DailyOpsDashboard(this, "DailyOps", new DailyOpsDashboard.Props(props.stackName(), props.api(), props.queues(),
                        Topology.PAYOUT_WORK, List.copyOf(alarms.all().values()), props.readmeUrl()))
                : null;
    }

    /** Every alarm of the catalogue, with its owner tag and runbook link. */
    public WarroomAlarms alarms() {
        return alarms;
    }

    /** The Daily Ops dashboard, when the topology has the payouts queue it shows. */
    public Optional<DailyOpsDashboard> dashboard() {
        return Optional.ofNullable(dashboard);
    }
}
