package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Throttle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API: one route per {@link RouteDef}, JWT-authorized over the staff directory unless the topology
 * makes it public, each integrated with its function's {@code live} alias; access logs on the default stage, and there
 * the route throttling of each route with its own {@link Throttle} (429 past it, before the function runs). The JWT
 * authorizer accepts the staff, backend and console clients' tokens (an access token names its client in
 * {@code client_id}, an ID token in {@code aud}). Its CORS is set by the console's hosting ({@link ApiCorsOrigin}).
 */
public final class WarroomHttpApi extends Construct {

    /** What the API is built from. */
    public record Props(List<RouteDef> routes, Map<FunctionDef, WarroomFunction> functions, StaffDirectory directory,
            RetentionDays logRetention) {
        public Props {
            routes = List.copyOf(routes);
            functions = Map.copyOf(functions);
        }
    }

    private final HttpApi api;
    private final HttpStage stage;
    private final NestedStack routesStack;
    private final Map<RouteDef, HttpRoute> routes = new LinkedHashMap<>();

    public WarroomHttpApi(Construct scope, String id, Props props) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "HttpApi")
                .description("Warroom operations API")
                // the default stage is added below, because only addStage takes access-log settings
                .createDefaultStage(false)
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(props.logRetention()).build();
        stage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                // per-route metrics (dimension Route): what the SLOs of a route group and their burn-rate alarms count
                .detailedMetricsEnabled(true)
                .accessLogSettings(accessLogSettings(accessLogs))
                .build());
        // the routes with their integrations, invoke permissions and the authorizer (over a hundred resources) in a nested
        // stack: the API and its stage stay here, where the console, the alarms and the outputs use them
        routesStack = new NestedStack(this, "Routes", NestedStackProps.builder()
                .description("Warroom API routes: one per topology route, their Lambda integrations and the JWT authorizer")
                .build());
        IHttpRouteAuthorizer authorizer = new HttpUserPoolAuthorizer("CallerJwt", props.directory().pool(),
                HttpUserPoolAuthorizerProps.builder()
                        .userPoolClients(List.of(props.directory().staffClient(), props.directory().backendClient(),
                                props.directory().consoleClient()))
                        .build());
        IHttpRouteAuthorizer none = new HttpNoneAuthorizer();
        Map<FunctionDef, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
        for (RouteDef route : props.routes()) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(),
                    // one invoke permission per function (for this API only), not one per route: a permission per
                    // route took the stack past CloudFormation's 500 resources once the support routes came
                    function -> new HttpLambdaIntegration(ConstructIds.pascal(function.name()) + "Integration",
                            live(props, function), HttpLambdaIntegrationProps.builder().scopePermissionToRoute(false).build()));
            routes.put(route, HttpRoute.Builder.create(routesStack, route.method() + route.path())
                    .httpApi(api)
                    .routeKey(HttpRouteKey.with(route.path(), HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .authorizer(route.isPublic() ? none : authorizer)
                    .build());
        }
        throttle(routes);
    }

    /**
     * Each route with its own {@link Throttle} gets it in the stage's route settings, keyed by its route key. API Gateway
     * refuses route settings for a route it does not have yet, so the stage waits for those routes.
     */
    private void throttle(Map<RouteDef, HttpRoute> built) {
        Map<String, Object> settings = new TreeMap<>();
        built.forEach((route, httpRoute) -> route.route().throttle().ifPresent(throttle -> {
            settings.put(route.routeKey(), routeSettings(throttle));
            stage.getNode().addDependency(httpRoute);
        }));
        if (!settings.isEmpty()) {
            ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(settings);
        }
    }

    /** CloudFormation's RouteSettings for a throttle: requests a second in the steady state, and the bucket's size. */
    static Map<String, Object> routeSettings(Throttle throttle) {
        return new TreeMap<>(Map.of(
                "ThrottlingRateLimit", throttle.ratePerSecond(),
                "ThrottlingBurstLimit", throttle.burst()));
    }

    public HttpApi api() {
        return api;
    }

    /** The {@code $default} stage: access logs, and the throttled routes' settings. */
    public HttpStage stage() {
        return stage;
    }

    /** The URL of the default stage, e.g. {@code https://abc123.execute-api.eu-west-1.amazonaws.com/}. */
    public String url() {
        return stage.getUrl();
    }

    /** The API's origin, e.g. {@code https://abc123.execute-api.eu-west-1.amazonaws.com}: what a browser page may connect to. */
    public String endpoint() {
        return api.getApiEndpoint();
    }

    /** The nested stack that holds the routes, their integrations and permissions, and the authorizer. */
    public NestedStack routesStack() {
        return routesStack;
    }

    /** The route built for each topology route, in topology order. */
    public Map<RouteDef, HttpRoute> routes() {
        return Collections.unmodifiableMap(routes);
    }

    private static Alias live(Props props, FunctionDef function) {
        WarroomFunction built = props.functions().get(function);
        if (built == null) {
            throw new IllegalArgumentException("route target " + function.name() + " has no function in the stack");
        }
        return built.live();
    }

    private IAccessLogSettings accessLogSettings(LogGroup logGroup) {
        // HTTP API context variables; the caller's sub says who did what without logging the token
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTime", "$context.requestTime");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("routeKey", "$context.routeKey");
        fields.put("status", "$context.status");
        fields.put("protocol", "$context.protocol");
        fields.put("responseLength", "$context.responseLength");
        fields.put("latencyMs", "$context.responseLatency");
        fields.put("integrationLatencyMs", "$context.integrationLatency");
        fields.put("integrationError", "$context.integrationErrorMessage");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("sub", "$context.authorizer.claims.sub");
        AccessLogFormat format = AccessLogFormat.custom(Stack.of(this).toJsonString(fields));
        IAccessLogDestination destination = new LogGroupLogDestination(logGroup);
        return new IAccessLogSettings() {
            @Override
            public IAccessLogDestination getDestination() {
                return destination;
            }

            @Override
            public AccessLogFormat getFormat() {
                return format;
            }
        };
    }
}
