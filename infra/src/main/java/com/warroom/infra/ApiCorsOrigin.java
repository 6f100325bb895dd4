package com.warroom.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * Lets one browser origin, the console's, call the HTTP API: CORS for GET and POST with the headers the console sends,
 * no credentials (the console sends a bearer token, never cookies).
 *
 * <p>Set by a custom resource ({@code apigatewayv2 UpdateApi}) rather than in the API's own {@code CorsConfiguration}:
 * the API would then refer to the distribution (its domain is the origin), while the distribution refers to the API
 * through its response headers policy (the CSP names the API's origin), a cycle CloudFormation refuses. The custom
 * resource comes after both.
 */
public final class ApiCorsOrigin extends Construct {

    static final List<String> METHODS = List.of("GET", "POST", "OPTIONS");
    static final List<String> HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key");
    /** How long a browser may reuse a preflight answer. */
    static final Duration MAX_AGE = Duration.minutes(10);

    /** What the CORS is set on, for whom, and where the custom resource's function logs. */
    public record Props(HttpApi api, String origin, ILogGroup logGroup) {
    }

    private final AwsCustomResource resource;

    public ApiCorsOrigin(Construct scope, String id, Props props) {
        super(scope, id);
        String apiId = props.api().getApiId();
        // API Gateway's management ARNs have no account: arn:aws:apigateway:<region>::/apis/<id>
        String apiArn = "arn:" + Aws.PARTITION + ":apigateway:" + Aws.REGION + "::/apis/" + apiId;
        resource = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType("Custom::ApiCorsOrigin")
                .onCreate(setCors(apiId, props.origin()))
                .onUpdate(setCors(apiId, props.origin()))
                .onDelete(AwsSdkCall.builder()
                        .service("ApiGatewayV2")
                        .action("DeleteCorsConfiguration")
                        .parameters(Map.of("ApiId", apiId))
                        .ignoreErrorCodesMatching("NotFoundException")
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(
                        PolicyStatement.Builder.create()
                                .actions(List.of("apigateway:PATCH"))
                                .resources(List.of(apiArn))
                                .build(),
                        PolicyStatement.Builder.create()
                                .actions(List.of("apigateway:DELETE"))
                                .resources(List.of(apiArn + "/cors"))
                                .build())))
                .installLatestAwsSdk(false)
                .logGroup(props.logGroup())
                .build();
    }

    /** The custom resource: its Create and Update calls carry the CORS configuration. */
    public AwsCustomResource resource() {
        return resource;
    }

    private static AwsSdkCall setCors(String apiId, String origin) {
        Map<String, Object> cors = new LinkedHashMap<>();
        cors.put("AllowOrigins", List.of(origin));
        cors.put("AllowMethods", METHODS);
        cors.put("AllowHeaders", HEADERS);
        cors.put("AllowCredentials", false);
        cors.put("MaxAge", MAX_AGE.toSeconds());
        return AwsSdkCall.builder()
                .service("ApiGatewayV2")
                .action("UpdateApi")
                .parameters(Map.of("ApiId", apiId, "CorsConfiguration", cors))
                .physicalResourceId(PhysicalResourceId.of(apiId))
                .build();
    }
}
