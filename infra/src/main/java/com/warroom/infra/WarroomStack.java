package com.warroom.infra;

import com.warroom.alarms.MetricsSettings;
import com.warroom.alarms.RunbookLink;
import com.warroom.topology.BucketDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.WorkflowDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Warroom on AWS, built entirely from the {@link Topology}: a table, queue, topic, secret, key, bucket, external API,
 * mail, workflow, function, trigger or route throttle added there appears here; with them the ops console's hosting
 * ({@link ConsoleHosting}) and, in the nested stack {@link Monitoring}, every alarm of the catalogue
 * ({@link WarroomAlarms}) and the Daily Ops dashboard ({@link DailyOpsDashboard}).
 */
public final class WarroomStack extends Stack {

    // a year of logs: incidents over money are investigated long after week one
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_YEAR;
    /** The most {@code WARROOM_LOG_GROUPS} may take of Lambda's 4 KB environment, leaving room for the other variables. */
    static final int MAX_LOG_GROUPS_ENV = 3000;

    /** What the stack is built from. */
    public record Props(Topology topology, RepoRoot repoRoot, List<String> staffCallbackUrls, StackProps stackProps) {
        public Props {
            staffCallbackUrls = List.copyOf(staffCallbackUrls);
        }
    }

    private final DataTables tables;
    private final WorkQueues queues;
    private final EventBuses eventBuses;
    private final NoticeTopics topics;
    private final RuntimeSecrets secrets;
    private final SealKeys keys;
    private final WriteOnceBuckets buckets;
    private final StaffDirectory directory;
    private final Map<FunctionDef, WarroomFunction> functions = new LinkedHashMap<>();
    private final Map<WorkflowDef, WarroomWorkflow> workflows = new LinkedHashMap<>();
    private final WarroomHttpApi api;
    private final ConsoleHosting console;
    private final FunctionTriggers triggers;
    private final Monitoring monitoring;
    private final ExternalApiUrls externalApis;
    private final MailSender mailSender;

    public WarroomStack(Construct scope, String id, Props props) {
        super(scope, id, props.stackProps());
        Topology topology = props.topology();
        tables = new DataTables(this, "Tables", topology.tables());
        queues = new WorkQueues(this, "Queues", topology.queues());
        eventBuses = new EventBuses(this, "EventBuses", topology.eventBuses(), queues);
        topics = new NoticeTopics(this, "Topics", topology.topics());
        secrets = new RuntimeSecrets(this, "Secrets", topology.secrets());
        keys = new SealKeys(this, "Keys", topology.keys());
        buckets = new WriteOnceBuckets(this, "Buckets", topology.buckets());
        StateMachineArns stateMachineArns = new StateMachineArns(this, topology.workflows());
        directory = new StaffDirectory(this, "Directory", new StaffDirectory.Props(props.staffCallbackUrls()));
        externalApis = ExternalApiUrls.fromContext(getNode(), topology.externalApis());
        mailSender = MailSender.fromContext(getNode());
        if (mailSender.placeholder() && !topology.mails().isEmpty()) {
            Annotations.of(this).addInfo("mail is sent from the placeholder " + MailSender.PLACEHOLDER + ", which SES will refuse:"
                    + " deploy with -c " + MailSender.CONTEXT_KEY + "=<an address of a verified SES identity>");
        }
        FunctionResources resources = new FunctionResources(tables, queues, topics, secrets, keys, stateMachineArns, buckets,
                externalApis, mailSender);
        for (FunctionDef definition : topology.functions()) {
            functions.put(definition, new WarroomFunction(this, ConstructIds.pascal(definition.name()),
                    new WarroomFunction.Props(definition, props.repoRoot().lambdaJar(definition), resources, LOG_RETENTION)));
        }
        keys.grantUses(functions);
        for (WorkflowDef definition : topology.workflows()) {
            String workflowId = ConstructIds.pascal(definition.logicalName()) + "Workflow";
            workflows.put(definition, switch (definition) {
                case ApprovalWorkflowDef approval -> new ApprovalWorkflow(this, workflowId, new ApprovalWorkflow.Props(approval,
                        stateMachineArns.name(approval), functions, DecisionTimeout.resolve(approval, getNode()), LOG_RETENTION));
                case ScanWorkflowDef scan -> new ScanWorkflow(this, workflowId,
                        new ScanWorkflow.Props(scan, stateMachineArns.name(scan), functions, LOG_RETENTION));
            });
        }
        api = new WarroomHttpApi(this, "Api",
                new WarroomHttpApi.Props(topology.routes(), functions, directory, LOG_RETENTION));
        console = new ConsoleHosting(this, "Console", new ConsoleHosting.Props(props.repoRoot().consoleApp(), api, directory,
                ConsoleDomain.fromContext(getNode()), LOG_RETENTION));
        triggers = new FunctionTriggers(this, "Triggers", new FunctionTriggers.Props(functions, queues));
        String readmeUrl = readmeUrl(getNode().tryGetContext(RunbookLink.CONTEXT_KEY));
        functions.forEach((definition, function) -> {
            if (definition.readsMetrics()) {
                // the API is built from the functions, so its id reaches the ones that read its metrics afterwards
                function.function().addEnvironment(MetricsSettings.API_ID_ENV_VAR, api.api().getApiId());
                function.function().addEnvironment(MetricsSettings.STACK_NAME_ENV_VAR, getStackName());
                function.function().addEnvironment(RunbookLink.ENV_VAR, readmeUrl);
            }
            if (definition.queriesLogs()) {
                function.function().addEnvironment(FunctionDef.LOG_GROUPS_ENV, logGroupNames(topology));
            }
        });
        monitoring = new Monitoring(this, "Monitoring", new Monitoring.Props(getStackName(), topology, functions, queues, api.api(),
                topology.topics().contains(Topology.ALERTS) ? Optional.of(topics.topic(Topology.ALERTS)) : Optional.empty(),
                topology.topics().contains(Topology.OPS_NOTICES) ? Optional.of(topics.topic(Topology.OPS_NOTICES)) : Optional.empty(),
                readmeUrl));
        output("ApiUrl", api.url(), "Base URL of the HTTP API");
        output("UserPoolId", directory.pool().getUserPoolId(), "Cognito user pool of staff and the backend");
        output("StaffClientId", directory.staffClient().getUserPoolClientId(), "App client for staff sign-in (SRP, auth code)");
        output("BackendClientId", directory.backendClient().getUserPoolClientId(),
                "App client for the platform backend (client credentials; read its secret with describe-user-pool-client)");
        output("TokenEndpoint", directory.domain().baseUrl() + "/oauth2/token", "OAuth2 token endpoint of the user pool");
        output("ConsoleUrl", console.url(), "The ops console (staff sign in through the Cognito hosted UI)");
        output("ConsoleBucketName", console.bucket().getBucketName(), "Bucket of the console's files (under console/)");
        output("CognitoHostedUiDomain", directory.domain().baseUrl(), "Cognito hosted UI where staff sign in to the console");
        output("ConsoleClientId", directory.consoleClient().getUserPoolClientId(),
                "App client of the console (authorization code with PKCE, no secret)");
        workflows.forEach((definition, workflow) -> output(stateMachineOutput(definition),
                workflow.stateMachine().getStateMachineArn(),
                "State machine of the " + definition.logicalName() + " workflow (aws stepfunctions list-executions)"));
        topology.topics().forEach(definition -> output(topicOutput(definition), topics.topic(definition).getTopicArn(),
                "SNS topic " + definition.logicalName() + " (subscribe the people or systems to tell)"));
        topology.eventBuses().forEach(definition -> output(ConstructIds.pascal(definition.name()) + "BusArn",
                eventBuses.bus(definition).bus().getEventBusArn(), "EventBridge bus " + definition.name() + " (the platform's"
                        + " PutEvents target; source " + definition.source() + ")"));
        topology.buckets().forEach(definition -> output(bucketOutput(definition), buckets.bucket(definition).getBucketName(),
                "Write-once bucket " + definition.logicalName() + ", Object Lock COMPLIANCE " + buckets.retentionDays(definition)
                        + " days (aws s3 ls s3://<name>/ --recursive)"));
        WarroomNagSuppressions.apply(this);
    }

    public DataTables tables() {
        return tables;
    }

    public WorkQueues queues() {
        return queues;
    }

    public EventBuses eventBuses() {
        return eventBuses;
    }

    public NoticeTopics topics() {
        return topics;
    }

    public RuntimeSecrets secrets() {
        return secrets;
    }

    public SealKeys keys() {
        return keys;
    }

    public WriteOnceBuckets buckets() {
        return buckets;
    }

    public StaffDirectory directory() {
        return directory;
    }

    /** The function built for each topology function, in topology order. */
    public Map<FunctionDef, WarroomFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** The state machine built for each topology workflow, in topology order. */
    public Map<WorkflowDef, WarroomWorkflow> workflows() {
        return Collections.unmodifiableMap(workflows);
    }

    /** The state machine built for an approval workflow of the topology. */
    public ApprovalWorkflow approvalWorkflow(ApprovalWorkflowDef definition) {
        return (ApprovalWorkflow) built(definition);
    }

    /** The state machine built for a scan workflow of the topology. */
    public ScanWorkflow scanWorkflow(ScanWorkflowDef definition) {
        return (ScanWorkflow) built(definition);
    }

    private WarroomWorkflow built(WorkflowDef definition) {
        WarroomWorkflow workflow = workflows.get(definition);
        if (workflow == null) {
            throw new IllegalArgumentException("workflow " + definition.logicalName() + " is not in this stack's topology");
        }
        return workflow;
    }

    public WarroomHttpApi api() {
        return api;
    }

    /** The ops console's bucket, distribution and deployment. */
    public ConsoleHosting console() {
        return console;
    }

    /** Every alarm of the catalogue (com.warroom.alarms.AlarmCatalog), with its owner tag and runbook link. */
    public WarroomAlarms alarms() {
        return monitoring.alarms();
    }

    /** The Daily Ops dashboard, when the topology has the payouts queue it shows. */
    public Optional<DailyOpsDashboard> dashboard() {
        return monitoring.dashboard();
    }

    /** The nested stack of everything that watches this one: alarms and the dashboard. */
    public Monitoring monitoring() {
        return monitoring;
    }

    /**
     * Every topology function's log group name, comma-separated: literal names (no tokens), so the function that queries
     * them depends on none of them. Lambda allows 4 KB of environment in all: the test keeps this well under it.
     */
    String logGroupNames(Topology topology) {
        String names = String.join(",", topology.functions().stream().map(f -> WarroomFunction.logGroupName(this, f)).toList());
        if (names.length() > MAX_LOG_GROUPS_ENV) {
            throw new IllegalStateException(FunctionDef.LOG_GROUPS_ENV + " would be " + names.length() + " characters, over "
                    + MAX_LOG_GROUPS_ENV + " of Lambda's 4 KB environment: query a prefix instead");
        }
        return names;
    }

    /** The README the runbook links point into: the context's {@code runbookBaseUrl}, or the repository's. */
    static String readmeUrl(Object context) {
        String url = context == null ? "" : context.toString().trim();
        return url.isEmpty() ? RunbookLink.DEFAULT_README_URL : url.replaceAll("#.*$", "");
    }

    /** The base URL each external API got (none: off), from the context or the topology's default. */
    public ExternalApiUrls externalApis() {
        return externalApis;
    }

    /** The address mail is sent from, and whether it is still the placeholder. */
    public MailSender mailSender() {
        return mailSender;
    }

    /** The queue consumers' event sources and the functions' schedules. */
    public FunctionTriggers triggers() {
        return triggers;
    }

    /** {@code ApprovalStateMachineArn} for the workflow {@code approval}. */
    static String stateMachineOutput(WorkflowDef workflow) {
        return ConstructIds.pascal(workflow.logicalName()) + "StateMachineArn";
    }

    /** {@code ApprovalNoticesTopicArn} for the topic {@code approval-notices}. */
    static String topicOutput(TopicDef topic) {
        return ConstructIds.pascal(topic.logicalName()) + "TopicArn";
    }

    /** {@code AnchorsBucketName} for the bucket {@code anchors}. */
    static String bucketOutput(BucketDef bucket) {
        return ConstructIds.pascal(bucket.logicalName()) + "BucketName";
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
