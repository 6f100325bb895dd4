package com.warroom.infra;

import com.warroom.topology.BucketDef;
import com.warroom.topology.RouteDef;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.IConstruct;

/** The cdk-nag AwsSolutions findings Warroom accepts, each with the reason it is accepted. */
final class WarroomNagSuppressions {

    static final String JAVA_21_RUNTIME = "Warroom compiles every module with --release 21 (parent pom) and runs on the"
            + " java21 runtime on purpose; moving to a newer Java runtime is one project-wide change of compiler release,"
            + " SnapStart priming and benchmarks, not something one function does alone.";
    static final String XRAY_WILDCARD = "The only Resource::* statement is xray:PutTraceSegments and"
            + " xray:PutTelemetryRecords, added by Lambda active tracing: X-Ray has no resource-level permissions."
            + " Every DynamoDB and SQS statement names its table, index or queue ARN (the IAM tests check it).";
    static final String METRICS_WILDCARD = " The function that evaluates the alarms also reads metric data"
            + " (cloudwatch:GetMetricData), which IAM does not scope to a resource either; it reads metrics only.";
    static final String LOG_QUERY_RESULTS_WILDCARD = " The function that collects incident evidence also reads and stops"
            + " the Logs Insights queries it started (logs:GetQueryResults, logs:StopQuery), which IAM does not scope to a"
            + " resource; it starts them only on the Warroom functions' log groups.";
    static final String LOG_GROUPS_PREFIX = "logs:StartQuery on the log groups whose names start /aws/lambda/<stack>-: every"
            + " Warroom function's log group, named so on purpose (WarroomFunction), and no other; evidence of an incident"
            + " takes the log lines of any function in its window, and a new function is covered the day it is added.";
    static final String STATE_MACHINE_WILDCARD = "The state machine role's only Resource::* statements are the ones Step"
            + " Functions needs for its logging and tracing: logs:CreateLogDelivery and the other CloudWatch Logs"
            + " vended-delivery actions, which IAM does not scope to a log group, and the X-Ray trace and sampling"
            + " actions, which have no resource-level permissions. Its lambda:InvokeFunction names the four task"
            + " functions' live aliases (the IAM tests check it).";

    static final String PROVIDER_ROTATED_SECRET = "The secret holds a credential issued by an outside provider (a PSP"
            + " server key, custody API credentials): it is rotated in the provider's dashboard, which no rotation Lambda"
            + " can drive, and ops then put the new value here (aws secretsmanager put-secret-value). Functions read the"
            + " value at run time, never from their environment, so the next read picks up the rotated key.";

    static final String HMAC_KEY_ROTATION = "KMS does not rotate HMAC keys (automatic rotation applies to symmetric"
            + " encryption keys only), and a new key would make every existing seal unverifiable; the key never leaves KMS,"
            + " and its policy lets only the sealing functions' roles generate MACs.";

    static final String WRITE_ONCE_ACCESS_LOGS = "The bucket holds only the anchors the integrity-anchor function writes"
            + " (put-if-absent, Object Lock COMPLIANCE, deletes denied to everyone), and no person reads it in the normal"
            + " course. Server access logs would go to a second bucket that is itself unlogged and deletable; who did what"
            + " to these objects belongs in CloudTrail (data events on this bucket in the account's trail), next to the"
            + " management events that would show a change of its bucket policy.";
    static final String BUCKET_OBJECTS = "The only object wildcard is <bucket ARN>/* of the one write-once bucket the"
            + " topology gives the function (s3:GetObject, and s3:PutObject for READ_PUT): its object keys are made at run"
            + " time (<kind>/<inverted seq>.json). s3:ListBucket is on the bucket ARN alone, and no role holds a delete or"
            + " retention action (the IAM tests check it).";

    static final String CONSOLE_GEO = "Staff sign in from wherever they are on call, so no country is excluded; the"
            + " distribution serves only the console's own code (no data, no secrets), and every request for data goes to"
            + " the HTTP API with a Cognito token behind TOTP MFA.";
    static final String CONSOLE_WAF = "The distribution serves only the console's static files, which hold no data or"
            + " secrets and accept no writes (GET and HEAD only); data and actions are behind the HTTP API's JWT"
            + " authorizer (Cognito, TOTP MFA) and sign-in behind Cognito's threat protection (Plus plan). A WAF web ACL for"
            + " CloudFront lives in us-east-1 only and would guard nothing secret here.";
    static final String CONSOLE_DEFAULT_CERTIFICATE = "Without consoleDomainName and consoleCertificateArn the console is"
            + " served on its *.cloudfront.net name, whose default certificate CloudFront pins to the TLSv1 security policy:"
            + " no setting raises it. Browsers that can run the console negotiate TLS 1.2 or 1.3 anyway; give a domain and"
            + " a us-east-1 certificate to enforce TLSv1.2_2021 (that stack carries no such suppression).";
    static final String CUSTOM_RESOURCE_LOGGING_POLICY = "A deploy-time function of aws-cdk-lib (the console's file"
            + " copier or its CORS setter) uses AWSLambdaBasicExecutionRole to write its logs; it runs only while"
            + " CloudFormation deploys, and what it may change is in its own statements.";
    static final String BUCKET_DEPLOYMENT_RUNTIME = "aws-cdk-lib's BucketDeployment ships its handler with the AWS CLI"
            + " layer for the Python runtime it is tested on; the runtime moves when aws-cdk-lib is upgraded, not by hand.";
    static final String BUCKET_DEPLOYMENT_WILDCARDS = "The file copier of aws-cdk-lib's BucketDeployment reads the"
            + " console's asset from the CDK assets bucket and syncs it into the console bucket with prune (s3 sync"
            + " --delete): it needs the s3:GetObject*, s3:List*, s3:DeleteObject* and s3:Abort* action groups on those two"
            + " buckets' objects, and on nothing else.";

    /** The id prefix of BucketDeployment's singleton handler (its suffix hashes the handler's settings). */
    static final String BUCKET_DEPLOYMENT_HANDLER = "Custom::CDKBucketDeployment";
    /** The id of AwsCustomResource's singleton handler. */
    static final String AWS_CUSTOM_RESOURCE_HANDLER = "AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "");

    private WarroomNagSuppressions() {
    }

    static void apply(WarroomStack stack) {
        stack.functions().forEach((definition, function) -> {
            NagSuppressions.addResourceSuppressions(function.function(), List.of(suppression("AwsSolutions-L1", JAVA_21_RUNTIME)));
            NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .appliesTo(List.of("Resource::*"))
                    .reason(definition.readsMetrics() ? XRAY_WILDCARD + METRICS_WILDCARD
                            : definition.queriesLogs() ? XRAY_WILDCARD + LOG_QUERY_RESULTS_WILDCARD : XRAY_WILDCARD)
                    .build()), true);
            if (definition.queriesLogs()) {
                NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .appliesTo(List.of("Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:"
                                + WarroomFunction.logGroupNamePrefix(stack) + "*"))
                        .reason(LOG_GROUPS_PREFIX)
                        .build()), true);
            }
        });
        stack.buckets().all().values().forEach(bucket ->
                NagSuppressions.addResourceSuppressions(bucket, List.of(suppression("AwsSolutions-S1", WRITE_ONCE_ACCESS_LOGS))));
        stack.functions().forEach((definition, function) -> {
            List<Object> objectArns = definition.buckets().keySet().stream()
                    .sorted(Comparator.comparing(BucketDef::logicalName))
                    .<Object>map(bucket -> "Resource::<" + logicalId(stack.buckets().bucket(bucket)) + ".Arn>/*")
                    .toList();
            if (!objectArns.isEmpty()) {
                NagSuppressions.addResourceSuppressions(function.role(), List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .appliesTo(objectArns)
                        .reason(BUCKET_OBJECTS)
                        .build()), true);
            }
        });
        stack.workflows().values().forEach(workflow ->
                NagSuppressions.addResourceSuppressions(workflow.stateMachine().getRole(), List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .appliesTo(List.of("Resource::*"))
                        .reason(STATE_MACHINE_WILDCARD)
                        .build()), true));
        stack.secrets().all().forEach(secret ->
                NagSuppressions.addResourceSuppressions(secret, List.of(suppression("AwsSolutions-SMG4", PROVIDER_ROTATED_SECRET))));
        stack.keys().all().forEach(key ->
                NagSuppressions.addResourceSuppressions(key, List.of(suppression("AwsSolutions-KMS5", HMAC_KEY_ROTATION))));
        stack.api().routes().forEach((route, httpRoute) -> {
            if (route.isPublic()) {
                NagSuppressions.addResourceSuppressions(httpRoute, List.of(suppression("AwsSolutions-APIG4", publicRoute(route))));
            }
        });
        console(stack, stack.console());
    }

    private static void console(WarroomStack stack, ConsoleHosting console) {
        List<NagPackSuppression> distribution = new ArrayList<>(List.of(
                suppression("AwsSolutions-CFR1", CONSOLE_GEO),
                suppression("AwsSolutions-CFR2", CONSOLE_WAF)));
        if (console.domain().isEmpty()) {
            distribution.add(suppression("AwsSolutions-CFR4", CONSOLE_DEFAULT_CERTIFICATE));
        }
        NagSuppressions.addResourceSuppressions(console.distribution(), distribution);
        NagSuppressions.addResourceSuppressions(customResourceFunction(stack, AWS_CUSTOM_RESOURCE_HANDLER),
                List.of(managedLoggingPolicy()), true);
        NagSuppressions.addResourceSuppressions(customResourceFunction(stack, BUCKET_DEPLOYMENT_HANDLER), List.of(
                managedLoggingPolicy(),
                suppression("AwsSolutions-L1", BUCKET_DEPLOYMENT_RUNTIME),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                                "Action::s3:DeleteObject*", "Action::s3:Abort*",
                                "Resource::arn:<AWS::Partition>:s3:::cdk-" + DefaultStackSynthesizer.DEFAULT_QUALIFIER
                                        + "-assets-<AWS::AccountId>-<AWS::Region>/*",
                                "Resource::<" + logicalId(console.bucket()) + ".Arn>/*"))
                        .reason(BUCKET_DEPLOYMENT_WILDCARDS)
                        .build()), true);
    }

    // the singleton function aws-cdk-lib adds once per stack for these custom resources, with its role
    private static IConstruct customResourceFunction(Stack stack, String idPrefix) {
        List<IConstruct> found = stack.getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith(idPrefix))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + idPrefix + "* function in the stack, found " + found.size());
        }
        return found.getFirst();
    }

    private static NagPackSuppression managedLoggingPolicy() {
        return NagPackSuppression.builder()
                .id("AwsSolutions-IAM4")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                .reason(CUSTOM_RESOURCE_LOGGING_POLICY)
                .build();
    }

    static String publicRoute(RouteDef route) {
        return route.routeKey() + " has no roles in the topology, so it carries no JWT by design: health probes are"
                + " anonymous and PSP webhooks are authenticated by the PSP's signature in the handler."
                + route.route().throttle().map(throttle -> " The stage throttles it on its own to " + throttle.ratePerSecond()
                        + " requests a second with bursts of " + throttle.burst() + ".").orElse("");
    }

    // the id the template gives the bucket, as cdk-nag names it in a finding
    private static String logicalId(Bucket bucket) {
        Stack stack = Stack.of(bucket);
        return (String) stack.resolve(stack.getLogicalId((CfnElement) bucket.getNode().getDefaultChild()));
    }

    private static NagPackSuppression suppression(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }
}
