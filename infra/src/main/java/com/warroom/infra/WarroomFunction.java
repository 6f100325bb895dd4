package com.warroom.infra;

import com.warroom.observability.OpsMetrics;
import com.warroom.topology.FunctionDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Lambda function of the topology: Java 21 with SnapStart on published versions, a {@code live} alias on
 * the current version (what API Gateway and operators call), its own log group and a role that holds only
 * what its {@link FunctionDef} asks for.
 */
public final class WarroomFunction extends Construct {

    public static final String ALIAS = "live";
    public static final String METRICS_NAMESPACE = OpsMetrics.NAMESPACE;
    // C1 only (AWS's cold-start advice for Java): short-lived invocations never repay C2 compilation
    /** The name of the role's inline policy that holds its statements. */
    static final String ACCESS_POLICY = "Access";
    static final String LOG_GROUP_PREFIX = "/aws/lambda/";
    /** What LogGroup.grantWrite gives: streams and events of the function's own log group. */
    static final List<String> LOG_WRITE_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    /** What Lambda active tracing needs. */
    static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** What a function is built from. */
    public record Props(FunctionDef definition, Path jar, FunctionResources resources, RetentionDays logRetention) {
    }

    private final Function function;
    private final Alias live;
    private final Role role;
    private final PolicyDocument access;

    public WarroomFunction(Construct scope, String id, Props props) {
        super(scope, id);
        FunctionDef definition = props.definition();
        // named as Lambda would name it, so a function that queries the logs (WARROOM_LOG_GROUPS) knows every name up front
        LogGroup logs = LogGroup.Builder.create(this, "Logs").logGroupName(logGroupName(Stack.of(this), definition))
                .retention(props.logRetention()).build();
        // the role's statements are its own inline policy, not an AWS::IAM::Policy beside it: one resource fewer per
        // function keeps the stack under CloudFormation's 500 (statements CDK grants later still make a DefaultPolicy)
        access = new PolicyDocument();
        // instead of AWSLambdaBasicExecutionRole, which may write to every log group in the account (what grantWrite gives)
        access.addStatements(PolicyStatement.Builder.create().actions(LOG_WRITE_ACTIONS).resources(List.of(logs.getLogGroupArn()))
                .build());
        // what Lambda active tracing adds (X-Ray has no resource-level permissions)
        access.addStatements(PolicyStatement.Builder.create().actions(XRAY_ACTIONS).resources(List.of("*")).build());
        AccessPolicy.statements(definition, props.resources(), Stack.of(this)).forEach(access::addStatements);
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Least-privilege role of the Warroom " + definition.name() + " function")
                .inlinePolicies(Map.of(ACCESS_POLICY, access))
                .build();
        function = Function.Builder.create(this, "Function")
                .functionName(name(Stack.of(this), definition))
                .description("Warroom " + definition.name() + " (" + definition.handlerClass() + ")")
                .runtime(Runtime.JAVA_21)
                .handler(definition.handler())
                .code(Code.fromAsset(props.jar().toString()))
                .memorySize(definition.memoryMb())
                .timeout(Duration.seconds(definition.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logs)
                .environment(environment(props))
                .build();
        // active tracing set on the resource, not through tracing(ACTIVE), which would add its X-Ray statement to a
        // DefaultPolicy of the role; the statement is in the inline policy above
        ((CfnFunction) function.getNode().getDefaultChild())
                .setTracingConfig(CfnFunction.TracingConfigProperty.builder().mode("Active").build());
        live = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias publishes currentVersion on every change, and SnapStart applies to that version");
    }

    /** {@code /aws/lambda/Warroom-flag-admin}: the function's log group, where Lambda itself would put it. */
    static String logGroupName(Stack stack, FunctionDef definition) {
        return LOG_GROUP_PREFIX + name(stack, definition);
    }

    /** {@code /aws/lambda/Warroom-}: the start of every Warroom function's log group name. */
    static String logGroupNamePrefix(Stack stack) {
        return LOG_GROUP_PREFIX + stack.getStackName() + "-";
    }

    /** {@code Warroom-flag-admin}: the function's name, and the name of everything that exists only for it. */
    static String name(Stack stack, FunctionDef definition) {
        return stack.getStackName() + "-" + definition.name();
    }

    public Function function() {
        return function;
    }

    /** The alias every caller uses, so that a call always lands on a published, SnapStart-restored version. */
    public Alias live() {
        return live;
    }

    public Role role() {
        return role;
    }

    /** Adds a statement to the role's inline policy (what a trigger needs, e.g. a consumer's receive and delete). */
    void allow(PolicyStatement statement) {
        access.addStatements(statement);
    }

    private static Map<String, String> environment(Props props) {
        FunctionDef definition = props.definition();
        FunctionResources resources = props.resources();
        Map<String, String> environment = new TreeMap<>();
        definition.tables().keySet()
                .forEach(table -> environment.put(table.envVar(), resources.tables().table(table).getTableName()));
        definition.sendsTo().forEach(queue -> environment.put(queue.urlEnvVar(), resources.queues().queue(queue).getQueueUrl()));
        definition.describesQueues().forEach(queue -> {
            environment.put(queue.urlEnvVar(), resources.queues().queue(queue).getQueueUrl());
            environment.put(queue.dlqUrlEnvVar(), resources.queues().deadLetterQueue(queue).getQueueUrl());
        });
        definition.deadLetters()
                .forEach(queue -> environment.put(queue.dlqUrlEnvVar(), resources.queues().deadLetterQueue(queue).getQueueUrl()));
        definition.publishesTo()
                .forEach(topic -> environment.put(topic.arnEnvVar(), resources.topics().topic(topic).getTopicArn()));
        // the name only: the value is read at run time, so it never sits in the template or the function's configuration
        definition.readsSecrets()
                .forEach(secret -> environment.put(secret.nameEnvVar(), resources.secrets().name(secret)));
        // the key's ARN: what it may do with it is in the key's policy (SealKeys), not here
        definition.keys().keySet().forEach(key -> environment.put(key.idEnvVar(), resources.keys().key(key).getKeyArn()));
        definition.buckets().keySet()
                .forEach(bucket -> environment.put(bucket.nameEnvVar(), resources.buckets().bucket(bucket).getBucketName()));
        // an API with no URL stays unset: the function sees it is off rather than calling a guess
        definition.callsApis().forEach(api -> resources.externalApis().baseUrl(api)
                .ifPresent(url -> environment.put(api.baseUrlEnvVar(), url)));
        definition.sendsMail().forEach(mail -> environment.put(mail.fromEnvVar(), resources.mail().address()));
        // starters need the ARN to start executions; completers get it too, like everything else a function is wired to
        Stream.concat(definition.startsWorkflows().stream(), definition.completesWorkflowTasks().stream())
                .map(resources.workflows()::workflow)
                .forEach(workflow -> environment.put(workflow.arnEnvVar(), resources.workflows().arn(workflow)));
        environment.put("POWERTOOLS_SERVICE_NAME", definition.name());
        environment.put("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE);
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return environment;
    }
}
