package com.warroom.infra;

import com.warroom.audit.AuditChainTampered;
import com.warroom.flags.MetricGateSignals;
import com.warroom.ledger.LedgerTampered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The alarms that say a sealed record was found tampered with, one per tamper metric, and the alarm that says the
 * integrity-anchor function is not doing its rounds. Each description says what happened and names the README runbook.
 */
public final class TamperAlarms extends Construct {

    static final String APPROVAL_TAMPERED_METRIC = "ApprovalTampered";
    static final String ORDER_TAMPERED_METRIC = "OrderTampered";
    static final Duration TAMPER_PERIOD = Duration.minutes(1);
    private static final CountAlarm.Trip FIRST_TAMPERED = CountAlarm.Trip.first(TAMPER_PERIOD);
    // the schedule runs every 5 minutes: two failed (or missing) runs in a row
    static final Duration ANCHOR_PERIOD = Duration.minutes(5);
    static final int ANCHOR_PERIODS = 2;
    static final String ANCHOR_ALARM_SUFFIX = "-integrity-anchor-failing";
    static final String ANCHOR_RUNBOOK = "README.md#integrity-anchor-failing-alarm-warroom-integrity-anchor-failing";

    static final List<CountAlarm> METRICS = List.of(
            new CountAlarm(MetricGateSignals.TAMPERED, "-flag-states-tampered", FIRST_TAMPERED,
                    "a function loaded the kill-switch states and they did not match their KMS seal: the flags table was"
                            + " written outside flag-admin and approval-apply (a row edited, added or deleted, or the seal"
                            + " removed). Functions serve their last verified copy for at most 5 minutes, then block every"
                            + " fund flow; flag changes are refused (409) until the table is restored.",
                    "README.md#flag-states-do-not-match-their-seal-metric-flagstatetampered-alarm-warroom-flag-states-tampered"),
            new CountAlarm(AuditChainTampered.METRIC, "-audit-chain-tampered", FIRST_TAMPERED,
                    "the audit chain's head was missing or did not match its KMS seal, or did not agree with its newest"
                            + " anchor in the write-once anchors bucket: the audit table was rewritten outside the functions"
                            + " (entries changed or removed, or an old head put back). Appends to the audit log are refused"
                            + " until ops have looked.",
                    "README.md#audit-chain-tampered-alarm-warroom-audit-chain-tampered"),
            new CountAlarm(APPROVAL_TAMPERED_METRIC, "-approval-tampered", FIRST_TAMPERED,
                    "an approval request did not match its KMS seal: its requester, approvers, action or state were"
                            + " changed outside the approval functions, e.g. to approve one's own request. The request must"
                            + " not be applied; treat every request it touches as suspect.",
                    "README.md#approval-tampered-metric-approvaltampered-alarm-warroom-approval-tampered"),
            new CountAlarm(LedgerTampered.METRIC, "-ledger-tampered", FIRST_TAMPERED,
                    "a ledger account's balance did not match its KMS seal (account, balance, entry count, last entry id),"
                            + " or its entries' hash chain was broken: the ledger tables were written outside the payment"
                            + " processor. Postings to that account are refused, so payments that touch it stay unapplied"
                            + " and retry until they reach the payment-checks DLQ; the ledger page shows the balance as"
                            + " tampered. Redrive nothing until finance has checked the balance against its entries and"
                            + " ops have restored it.",
                    "README.md#ledger-tampered-metric-ledgertampered-alarm-warroom-ledger-tampered"),
            new CountAlarm(ORDER_TAMPERED_METRIC, "-order-tampered", FIRST_TAMPERED,
                    "an order did not match its KMS seal (order id, user, amount, currency, item, status, version): the"
                            + " orders table was written outside orders-api and payment-processor, e.g. an order set PAID"
                            + " by hand or its amount changed. No payment event changes that order while its seal fails,"
                            + " and its view says integrity tampered; grant or refund nothing for it until ops have found"
                            + " the write (CloudTrail) and restored the order.",
                    "README.md#order-tampered-metric-ordertampered-alarm-warroom-order-tampered"));

    /** What the alarms watch: the integrity-anchor function when the topology has it. */
    public record Props(Optional<WarroomFunction> integrityAnchor) {
    }

    private final Map<String, Alarm> tamperAlarms = new LinkedHashMap<>();
    private final Optional<Alarm> anchorAlarm;

    public TamperAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        String stackName = Stack.of(this).getStackName();
        for (CountAlarm metric : METRICS) {
            tamperAlarms.put(metric.metricName(), metric.build(this, metric.metricName()));
        }
        anchorAlarm = props.integrityAnchor().map(function -> Alarm.Builder.create(this, "IntegrityAnchorFailing")
                .alarmName(stackName + ANCHOR_ALARM_SUFFIX)
                .alarmDescription(anchorDescription(stackName))
                .metric(function.function().metricErrors(MetricOptions.builder().period(ANCHOR_PERIOD).statistic(Stats.SUM).build()))
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .threshold(1)
                .evaluationPeriods(ANCHOR_PERIODS)
                .datapointsToAlarm(ANCHOR_PERIODS)
                // Lambda publishes Errors (0 when all went well) for every period the function ran in: no data for
                // ten minutes means the schedule did not run it, and then no anchor is written either
                .treatMissingData(TreatMissingData.BREACHING)
                .build());
    }

    /** The alarm on a tamper metric, by metric name. */
    public Alarm alarm(String metricName) {
        Alarm alarm = tamperAlarms.get(metricName);
        if (alarm == null) {
            throw new IllegalArgumentException("no tamper alarm on " + metricName);
        }
        return alarm;
    }

    /** {@code <Stack>-integrity-anchor-failing}, when the topology has the integrity-anchor function. */
    public Optional<Alarm> anchorAlarm() {
        return anchorAlarm;
    }

    private static String anchorDescription(String stackName) {
        return "Warroom integrity-anchor failed (or did not run) in " + ANCHOR_PERIODS + " five-minute periods in a row: the"
                + " audit head and the flag seal are not being checked against their newest anchors nor anchored in the"
                + " write-once bucket, so a rewrite of those tables would go unseen until it runs again. Read its errors"
                + " (aws logs tail on the log group of " + stackName + "-integrity-anchor, by correlation_id) and check that"
                + " its schedule is enabled. Runbook: " + ANCHOR_RUNBOOK;
    }
}
