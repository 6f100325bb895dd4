package com.warroom.infra;

import com.warroom.topology.BucketAccess;
import com.warroom.topology.BucketDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.IndexDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.TopicDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The least-privilege IAM statements of one function, from its {@link TableAccess} per table, the queues it sends to
 * or describes, the topics it publishes to, the secrets it reads, the workflows it starts or completes tasks of and its
 * {@link BucketAccess} per write-once bucket, and the mail it sends: explicit table, index, queue, topic, secret, state
 * machine, bucket and SES identity ARNs, never a wildcard but the objects of a named bucket (no function may delete an
 * object or touch its retention).
 * What its trigger needs (an SQS consumer's receive and delete) is granted where the trigger is built,
 * {@link FunctionTriggers}.
 */
final class AccessPolicy {

    /** The only table actions that reach an index; the others stay on the table ARN. */
    private static final Set<String> INDEX_ACTIONS = Set.of("dynamodb:Query", "dynamodb:Scan");
    private static final List<String> SEND_ACTIONS = List.of("sqs:SendMessage");
    private static final List<String> DESCRIBE_QUEUE_ACTIONS = List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    static final List<String> PUBLISH_ACTIONS = List.of("sns:Publish");
    /** GetMetricData has no resource-level permissions: IAM allows it on {@code *} only. */
    static final List<String> READ_METRICS_ACTIONS = List.of("cloudwatch:GetMetricData");
    /** Logs Insights: StartQuery names the log groups it reads. */
    static final List<String> START_QUERY_ACTIONS = List.of("logs:StartQuery");
    /** Reading and stopping a started query by its id: IAM has no resource type for either, so they are on {@code *}. */
    static final List<String> QUERY_RESULTS_ACTIONS = List.of("logs:GetQueryResults", "logs:StopQuery");
    // what CDK's grantRead gives: the value, and the secret's metadata (versions, last changed) that a health check may show
    static final List<String> READ_SECRET_ACTIONS = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
    static final List<String> START_WORKFLOW_ACTIONS = List.of("states:StartExecution");
    /**
     * The callback actions. IAM's reference lists no resource type for them, but Step Functions authorizes a token of a
     * waitForTaskToken state against the state machine's ARN (what CDK's grantTaskResponse scopes to), so only the
     * functions the topology names can complete a waiting approval, and only of that workflow.
     */
    static final List<String> COMPLETE_TASK_ACTIONS = List.of("states:SendTaskSuccess", "states:SendTaskFailure",
            "states:SendTaskHeartbeat");
    /** On the bucket: ListObjectsV2 (how AnchorStore finds the newest anchor; also what turns a missing key into 404). */
    static final List<String> LIST_BUCKET_ACTIONS = List.of("s3:ListBucket");
    static final List<String> READ_OBJECT_ACTIONS = List.of("s3:GetObject");
    static final List<String> READ_PUT_OBJECT_ACTIONS = List.of("s3:GetObject", "s3:PutObject");
    /** What CDK's EmailIdentity.grantSendEmail gives: SES v1 and v2 SendEmail, and SendRawEmail (attachments, headers). */
    static final List<String> SEND_MAIL_ACTIONS = List.of("ses:SendEmail", "ses:SendRawEmail");
    /** The condition key SES sets to the message's From address (without its display name). */
    static final String FROM_ADDRESS_CONDITION = "ses:FromAddress";

    private AccessPolicy() {
    }

    static List<PolicyStatement> statements(FunctionDef function, FunctionResources resources, Stack stack) {
        List<PolicyStatement> statements = new ArrayList<>();
        // sorted: Map.of and Set.of iterate in a different order in every JVM, and the template must not churn
        function.tables().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TableDef::logicalName)))
                .forEach(entry -> statements.addAll(
                        tableStatements(entry.getKey(), resources.tables().table(entry.getKey()), entry.getValue())));
        WorkQueues queues = resources.queues();
        sorted(function.sendsTo()).forEach(queue -> statements.add(statement(SEND_ACTIONS, List.of(queues.queue(queue).getQueueArn()))));
        sorted(function.deadLetters())
                .forEach(queue -> statements.add(statement(SEND_ACTIONS, List.of(queues.deadLetterQueue(queue).getQueueArn()))));
        // describing a queue is reading its depth and its dead-letter queue's: what health and the alarm evaluation show
        sorted(function.describesQueues()).forEach(queue -> statements.add(statement(DESCRIBE_QUEUE_ACTIONS,
                List.of(queues.queue(queue).getQueueArn(), queues.deadLetterQueue(queue).getQueueArn()))));
        function.publishesTo().stream().sorted(Comparator.comparing(TopicDef::logicalName)).forEach(topic ->
                statements.add(statement(PUBLISH_ACTIONS, List.of(resources.topics().topic(topic).getTopicArn()))));
        function.readsSecrets().stream().sorted(Comparator.comparing(SecretDef::logicalName)).forEach(secret ->
                statements.add(statement(READ_SECRET_ACTIONS, List.of(resources.secrets().secret(secret).getSecretArn()))));
        StateMachineArns workflows = resources.workflows();
        function.startsWorkflows().stream().sorted().forEach(workflow ->
                statements.add(statement(START_WORKFLOW_ACTIONS, List.of(workflows.arn(workflows.workflow(workflow))))));
        function.completesWorkflowTasks().stream().sorted().forEach(workflow ->
                statements.add(statement(COMPLETE_TASK_ACTIONS, List.of(workflows.arn(workflows.workflow(workflow))))));
        function.buckets().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(BucketDef::logicalName)))
                .forEach(entry -> statements.addAll(bucketStatements(resources.buckets().bucket(entry.getKey()), entry.getValue())));
        if (function.readsMetrics()) {
            statements.add(statement(READ_METRICS_ACTIONS, List.of("*")));
        }
        if (function.queriesLogs()) {
            // a query starts on named log groups: the Warroom functions' (their names all start the same way)
            statements.add(statement(START_QUERY_ACTIONS, List.of(stack.formatArn(ArnComponents.builder()
                    .service("logs").resource("log-group").resourceName(WarroomFunction.logGroupNamePrefix(stack) + "*")
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))));
            statements.add(statement(QUERY_RESULTS_ACTIONS, List.of("*")));
        }
        // every MailDef is sent from the one sender address, so one statement covers them all
        if (!function.sendsMail().isEmpty()) {
            statements.add(sendMailStatement(resources.mail(), stack));
        }
        return statements;
    }

    private static List<QueueDef> sorted(Set<QueueDef> queues) {
        return queues.stream().sorted(Comparator.comparing(QueueDef::logicalName)).toList();
    }

    private static List<PolicyStatement> tableStatements(TableDef definition, ITable table, TableAccess access) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement(access.iamActions(), List.of(table.getTableArn())));
        List<String> indexActions = access.iamActions().stream().filter(INDEX_ACTIONS::contains).toList();
        List<String> indexArns = definition.indexes().stream()
                .map(IndexDef::name)
                .map(index -> table.getTableArn() + "/index/" + index)
                .toList();
        if (!indexActions.isEmpty() && !indexArns.isEmpty()) {
            statements.add(statement(indexActions, indexArns));
        }
        return statements;
    }

    private static List<PolicyStatement> bucketStatements(IBucket bucket, BucketAccess access) {
        List<String> objectActions = switch (access) {
            case READ -> READ_OBJECT_ACTIONS;
            case READ_PUT -> READ_PUT_OBJECT_ACTIONS;
        };
        return List.of(statement(LIST_BUCKET_ACTIONS, List.of(bucket.getBucketArn())),
                statement(objectActions, List.of(bucket.arnForObjects("*"))));
    }

    /**
     * Send only as the sender address: on its SES identities (domain and address), and only with it as the From address,
     * so a function that is made to send cannot use another verified identity of the account.
     */
    private static PolicyStatement sendMailStatement(MailSender mail, Stack stack) {
        return PolicyStatement.Builder.create()
                .actions(SEND_MAIL_ACTIONS)
                .resources(mail.identityArns(stack))
                .conditions(Map.of("StringEquals", Map.of(FROM_ADDRESS_CONDITION, mail.address())))
                .build();
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
