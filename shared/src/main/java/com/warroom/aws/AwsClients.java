package com.warroom.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place SDK clients are built. Honours {@code AWS_ENDPOINT_URL} and the per-service
 * {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_SQS} / ... (SES v2: {@code AWS_ENDPOINT_URL_SESV2}, the
 * SDK's own name for it), so the same code talks to AWS, LocalStack or the embedded stack.
 */
public final class AwsClients {

    private static final String DEFAULT_REGION = "us-east-1";

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("DYNAMODB");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static DynamoDbEnhancedClient dynamoDbEnhanced() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build();
    }

    public static SqsClient sqs() {
        var builder = SqsClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("SQS");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static SfnClient sfn() {
        var builder = SfnClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("SFN");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static SnsClient sns() {
        var builder = SnsClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("SNS");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch() {
        var builder = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("CLOUDWATCH");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    /** CloudWatch Logs: Logs Insights queries over Warroom's own log groups (an incident's evidence). */
    public static software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient cloudWatchLogs() {
        var builder = software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("CLOUDWATCH_LOGS");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    /** Path-style addressing against a local endpoint, whose host carries no bucket names. */
    public static S3Client s3() {
        var builder = S3Client.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("S3");
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static KmsClient kms() {
        var builder = KmsClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("KMS");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    public static SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("SECRETS_MANAGER");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    /** Amazon SES (API v2): the notification sender's email. */
    public static SesV2Client sesV2() {
        var builder = SesV2Client.builder()
                .region(region())
                .httpClient(httpClient());
        Optional<URI> endpoint = endpoint("SESV2");
        endpoint.ifPresent(builder::endpointOverride);
        return builder.credentialsProvider(credentials(endpoint)).build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    private static Region region() {
        return Region.of(Settings.find("AWS_REGION").orElse(DEFAULT_REGION));
    }

    private static Optional<URI> endpoint(String service) {
        return Settings.find("AWS_ENDPOINT_URL_" + service).or(() -> Settings.find("AWS_ENDPOINT_URL")).map(URI::create);
    }

    // Outside Lambda a laptop may have no credentials; DynamoDB Local accepts any key made of letters and digits only.
    private static AwsCredentialsProvider credentials(Optional<URI> endpoint) {
        boolean haveEnvironmentCredentials = System.getenv("AWS_ACCESS_KEY_ID") != null;
        if (endpoint.isPresent() && !haveEnvironmentCredentials) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal"));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
