package com.warroom.infra;

import com.warroom.alarms.BurnRateWindows;
import com.warroom.slo.SloCatalog;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Everything that watches Warroom, in a nested stack of its own: the alarms of the catalogue ({@link WarroomAlarms}),
 * the Daily Ops dashboard ({@link DailyOpsDashboard}) and, nested once more, the SLOs' burn-rate alerts
 * ({@link SloBurnRateAlarms}). The main stack holds what runs; keeping what watches it here
 * leaves the main stack room under CloudFormation's 500 resources a template. What the alarms watch (function names,
 * queue names, the API's id, the alerts topic) reaches this stack as parameters, which CDK adds for each reference.
 */
public final class Monitoring extends NestedStack {

    /**
     * What is watched and where alarms go. {@code stackName} is the main stack's: alarm and dashboard names follow it
     * ({@code Warroom-payout-failures}), not the nested stack's generated name, so the alarms API finds them.
     */
    public record Props(String stackName, Topology topology, Map<FunctionDef, WarroomFunction> functions, WorkQueues queues,
                        IHttpApi api, Optional<ITopic> alerts, Optional<ITopic> notices, String readmeUrl) {
    }

    private final WarroomAlarms alarms;
    private final DailyOpsDashboard dashboard;
    private final List<SloBurnRateAlarms> burnRates = new ArrayList<>();

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
        // some 400 alarms in all (nearly 2 MB of template): a nested stack of this one per pair of windows, so no template
        // nears CloudFormation's 500 resources or 1 MB
        SloCatalog catalog = SloCatalog.load();
        for (BurnRateWindows windows : BurnRateWindows.SRE_WORKBOOK) {
            burnRates.add(new SloBurnRateAlarms(this, "Slo" + ConstructIds.pascal(windows.severity().label())
                    + BurnRateWindows.label(windows.longWindow()) + "Alerts",
                    new SloBurnRateAlarms.Props(props.stackName(), windows, catalog, props.topology(), props.api(), props.alerts(),
                            props.notices(), props.readmeUrl())));
        }
    }

    /** The nested stacks of the SLOs' burn-rate alerts, one per pair of windows of {@link BurnRateWindows#SRE_WORKBOOK}. */
    public List<SloBurnRateAlarms> burnRates() {
        return List.copyOf(burnRates);
    }

    /** Every burn-rate alert: per SLO, the four pairs of {@link BurnRateWindows#SRE_WORKBOOK} in that order. */
    public List<SloBurnRateAlarms.BurnAlert> burnRateAlerts() {
        List<com.warroom.slo.Slo> slos = SloCatalog.load().slos();
        return burnRates.stream().flatMap(stack -> stack.alerts().stream())
                .sorted(java.util.Comparator.comparingInt((SloBurnRateAlarms.BurnAlert alert) -> slos.indexOf(alert.slo()))
                        .thenComparingInt(alert -> BurnRateWindows.SRE_WORKBOOK.indexOf(alert.windows())))
                .toList();
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
