package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.constructs.IConstruct;

/**
 * The console in AWS: a private bucket that only this distribution reads (OAC), HTTPS with a strict CSP and the other
 * security headers, the API's CORS for the console's origin alone, a public code-flow client returning to the console,
 * the files of console/app and a generated config.json under console/, the outputs, and the nag findings accepted.
 */
class ConsoleHostingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SynthesizedWarroom synthesized;
    private static ConsoleHosting console;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
        console = synthesized.stack.console();
    }

    @Test
    void bucket_whenHoldingTheConsole_isPrivateEncryptedVersionedOwnerEnforcedAndLogged() {
        Map<String, Object> resource = synthesized.resource(console.bucket());
        Map<String, Object> bucket = properties(resource);

        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket.get("BucketEncryption")).isEqualTo(Map.of("ServerSideEncryptionConfiguration",
                List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))));
        assertThat(bucket).containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"))
                .containsEntry("OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))))
                .doesNotContainKey("WebsiteConfiguration")
                .doesNotContainKey("AccessControl");
        assertThat(map(bucket.get("LoggingConfiguration")))
                .containsEntry("DestinationBucketName", ref(synthesized.logicalId(console.logBucket())));
        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void bucketPolicy_whenTheConsoleIsRead_allowsOnlyCloudFrontForThisDistributionAndDeniesPlainHttp() {
        List<Map<String, Object>> statements = bucketPolicyStatements(console.bucket());
        String distribution = synthesized.logicalId(console.distribution());

        List<Map<String, Object>> allows = statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertThat(allows).singleElement().satisfies(allow -> {
            assertThat(allow).containsEntry("Principal", Map.of("Service", "cloudfront.amazonaws.com"))
                    .containsEntry("Action", "s3:GetObject");
            Object sourceArn = map(map(allow.get("Condition")).get("StringEquals")).get("AWS:SourceArn");
            assertThat(DefinitionString.resolve(sourceArn))
                    .isEqualTo("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${" + distribution + "}");
        });
        assertThat(statements).anySatisfy(deny -> assertThat(deny)
                .containsEntry("Effect", "Deny")
                .containsEntry("Action", "s3:*")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    @Test
    void distribution_whenReadingTheBucket_goesThroughOriginAccessControlOnly() {
        List<Object> origins = list(distributionConfig().get("Origins"));
        String oacId = onlyLogicalId("AWS::CloudFront::OriginAccessControl");

        assertThat(origins).singleElement().satisfies(origin -> assertThat(map(origin))
                .containsEntry("DomainName", Map.of("Fn::GetAtt", List.of(synthesized.logicalId(console.bucket()), "RegionalDomainName")))
                .containsEntry("OriginAccessControlId", Map.of("Fn::GetAtt", List.of(oacId, "Id")))
                .containsEntry("S3OriginConfig", Map.of("OriginAccessIdentity", "")));
        assertThat(map(properties(synthesized.resource(oacId)).get("OriginAccessControlConfig")))
                .containsEntry("OriginAccessControlOriginType", "s3")
                .containsEntry("SigningBehavior", "always")
                .containsEntry("SigningProtocol", "sigv4");
    }

    @Test
    void distribution_whenViewed_redirectsToHttpsReadsOnlyAndAddsTheSecurityHeaders() {
        Map<String, Object> behavior = map(distributionConfig().get("DefaultCacheBehavior"));

        assertThat(behavior).containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("AllowedMethods", List.of("GET", "HEAD"))
                .containsEntry("ResponseHeadersPolicyId", ref(synthesized.logicalId(console.securityHeaders())));
        assertThat(list(behavior.get("FunctionAssociations"))).singleElement().satisfies(association -> assertThat(map(association))
                .containsEntry("EventType", "viewer-request"));
        assertThat(distributionConfig()).doesNotContainKey("CacheBehaviors");
    }

    @Test
    void distribution_whenServing_writesAccessLogsToThePrivateLogBucket() {
        Map<String, Object> logBucket = properties(synthesized.resource(console.logBucket()));

        assertThat(map(distributionConfig().get("Logging"))).containsEntry("Bucket",
                Map.of("Fn::GetAtt", List.of(synthesized.logicalId(console.logBucket()), "RegionalDomainName")));
        assertThat(logBucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(logBucket).containsKey("BucketEncryption");
        assertThat(map(logBucket.get("LifecycleConfiguration")).get("Rules"))
                .isEqualTo(List.of(Map.of("ExpirationInDays", 365, "Status", "Enabled")));
        assertThat(bucketPolicyStatements(console.logBucket())).anySatisfy(deny -> assertThat(deny)
                .containsEntry("Effect", "Deny")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    @Test
    void distribution_onItsCloudFrontName_usesTheDefaultCertificate() {
        assertThat(distributionConfig()).doesNotContainKeys("ViewerCertificate", "Aliases");
    }

    @Test
    void contentSecurityPolicy_whenServed_allowsOnlyTheConsolesOwnCodeAndConnectsOnlyToTheApiAndCognito() {
        String csp = contentSecurityPolicy(synthesized, console);
        Map<String, List<String>> directives = directives(csp);

        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(directives).containsExactlyInAnyOrderEntriesOf(Map.of(
                "default-src", List.of("'self'"),
                "script-src", List.of("'self'"),
                "style-src", List.of("'self'"),
                "img-src", List.of("'self'", "data:"),
                "connect-src", List.of("'self'", apiOrigin(), cognitoOrigin()),
                "frame-ancestors", List.of("'none'"),
                "base-uri", List.of("'none'"),
                "form-action", List.of("'self'", cognitoOrigin()),
                "object-src", List.of("'none'")));
    }

    @Test
    void contentSecurityPolicy_forAnApiAndASignIn_isTheLocalPolicyWithThoseTwoOrigins() {
        assertThat(ConsoleSecurityHeaders.contentSecurityPolicy("https://api.example", "https://auth.example")).isEqualTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self' https://api.example https://auth.example; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self' https://auth.example; object-src 'none'");
    }

    @Test
    void securityHeaders_whenServed_includeHstsForAtLeastAYearNosniffNoReferrerAndNoFraming() {
        Map<String, Object> headers = map(map(properties(synthesized.resource(console.securityHeaders()))
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        Map<String, Object> hsts = map(headers.get("StrictTransportSecurity"));

        assertThat(((Number) hsts.get("AccessControlMaxAgeSec")).longValue()).isGreaterThanOrEqualTo(365L * 24 * 3600);
        assertThat(hsts).containsEntry("IncludeSubdomains", true).containsEntry("Override", true);
        assertThat(headers).containsEntry("ContentTypeOptions", Map.of("Override", true))
                .containsEntry("ReferrerPolicy", Map.of("ReferrerPolicy", "no-referrer", "Override", true))
                .containsEntry("FrameOptions", Map.of("FrameOption", "DENY", "Override", true));
        assertThat(map(headers.get("ContentSecurityPolicy"))).containsEntry("Override", true);
    }

    @Test
    void pathsFunction_whenRequested_sendsTheRootToTheConsoleAndFoldersToTheirIndexPage() throws Exception {
        Map<String, Object> function = properties(synthesized.resource(onlyLogicalId("AWS::CloudFront::Function")));
        JsonNode answers = runPathsFunction("/", "/console", "/console/", "/console/app.js", "/console/lib/", "/console/config.json");

        assertThat(function).containsEntry("FunctionCode", ConsoleHosting.PATHS_FUNCTION);
        assertThat(map(function.get("FunctionConfig"))).containsEntry("Runtime", "cloudfront-js-2.0");
        for (int i : List.of(0, 1)) {
            assertThat(answers.get(i).path("statusCode").asInt()).isEqualTo(302);
            assertThat(answers.get(i).path("headers").path("location").path("value").asText()).isEqualTo("/console/");
        }
        assertThat(answers.get(2).path("uri").asText()).isEqualTo("/console/index.html");
        assertThat(answers.get(3).path("uri").asText()).isEqualTo("/console/app.js");
        assertThat(answers.get(4).path("uri").asText()).isEqualTo("/console/lib/index.html");
        assertThat(answers.get(5).path("uri").asText()).isEqualTo("/console/config.json");
        assertThat(answers.get(2).path("querystring").path("code").path("value").asText()).isEqualTo("c0de");
    }

    @Test
    void cors_whenSetOnTheApi_admitsOnlyTheConsolesOriginWithItsMethodsAndHeadersAndNoCredentials() throws IOException {
        Map<String, Object> resource = properties(synthesized.resource(corsResource(console)));
        String apiId = synthesized.logicalId(synthesized.stack.api().api());

        for (String call : List.of("Create", "Update")) {
            JsonNode sdkCall = JSON.readTree(DefinitionString.resolve(resource.get(call)));
            JsonNode cors = sdkCall.path("parameters").path("CorsConfiguration");

            assertThat(sdkCall.path("service").asText() + ":" + sdkCall.path("action").asText()).as(call).isEqualTo("ApiGatewayV2:UpdateApi");
            assertThat(sdkCall.path("parameters").path("ApiId").asText()).isEqualTo("${" + apiId + "}");
            assertThat(texts(cors.path("AllowOrigins"))).as(call).containsExactly(consoleOrigin());
            assertThat(texts(cors.path("AllowMethods"))).containsExactlyInAnyOrder("GET", "POST", "OPTIONS");
            assertThat(texts(cors.path("AllowHeaders"))).containsExactlyInAnyOrder("Authorization", "Content-Type", "Idempotency-Key");
            assertThat(cors.path("AllowCredentials").isBoolean()).isTrue();
            assertThat(cors.path("AllowCredentials").asBoolean()).isFalse();
        }
        // the API resource itself carries none, so this is the only CORS the API gets
        assertThat(properties(synthesized.resource(apiId))).doesNotContainKey("CorsConfiguration");
    }

    @Test
    void cors_whenSetByTheCustomResource_mayChangeOnlyThisApisCors() {
        String policyId = synthesized.logicalId(console.cors().resource().getNode().findChild("CustomResourcePolicy"));
        List<Object> statements = list(map(properties(synthesized.resource(policyId)).get("PolicyDocument")).get("Statement"));
        String apiArn = "arn:${AWS::Partition}:apigateway:${AWS::Region}::/apis/${" + synthesized.logicalId(synthesized.stack.api().api()) + "}";

        assertThat(statements).extracting(statement -> map(statement).get("Action") + " " + DefinitionString.resolve(map(statement).get("Resource")))
                .containsExactlyInAnyOrder("apigateway:PATCH " + apiArn, "apigateway:DELETE " + apiArn + "/cors");
    }

    @Test
    void deployTimeFunctions_whenRunByCloudFormation_touchOnlyTheAssetsAndConsoleBucketsAndThisApisCors() {
        Set<String> consoleIds = synthesized.consoleLogicalIds();
        String bucket = synthesized.logicalId(console.bucket());
        String assets = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}";
        String api = "arn:${AWS::Partition}:apigateway:${AWS::Region}::/apis/${" + synthesized.logicalId(synthesized.stack.api().api()) + "}";
        List<String> resources = synthesized.rolePolicies().stream()
                .filter(policy -> consoleIds.contains(policy.logicalId()))
                .flatMap(policy -> policy.statements().stream())
                .flatMap(statement -> list(statement.get("Resource")).stream())
                .map(ConsoleHostingTest::text)
                .distinct()
                .toList();

        assertThat(resources).containsExactlyInAnyOrder("arn:${AWS::Partition}:s3:::" + assets,
                "arn:${AWS::Partition}:s3:::" + assets + "/*", "${" + bucket + ".Arn}", "${" + bucket + ".Arn}/*", api, api + "/cors");
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Function").keySet().stream().filter(consoleIds::contains)).hasSize(2);
        assertThat(synthesized.resourcesOfType("AWS::IAM::Role").entrySet().stream().filter(role -> consoleIds.contains(role.getKey()))
                .map(role -> list(properties(role.getValue()).get("ManagedPolicyArns")).stream().map(ConsoleHostingTest::text).toList()))
                .hasSize(2)
                .allSatisfy(managed -> assertThat(managed)
                        .containsExactly("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    }

    @Test
    void consoleClient_whenStaffSignIn_isAPublicCodeFlowClientThatReturnsOnlyToTheConsole() {
        Map<String, Object> client = properties(synthesized.resource(synthesized.stack.directory().consoleClient()));
        List<Object> consoleUrl = List.of(Map.of("Fn::Join", List.of("", List.of("https://",
                Map.of("Fn::GetAtt", List.of(synthesized.logicalId(console.distribution()), "DomainName")), "/console/"))));

        assertThat(client)
                .containsEntry("GenerateSecret", false)
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("AllowedOAuthScopes", List.of("openid", "email"))
                .containsEntry("CallbackURLs", consoleUrl)
                .containsEntry("LogoutURLs", consoleUrl)
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"))
                .containsEntry("ExplicitAuthFlows", List.of("ALLOW_REFRESH_TOKEN_AUTH"))
                .containsEntry("EnableTokenRevocation", true)
                .containsEntry("PreventUserExistenceErrors", "ENABLED");
        assertThat(map(client.get("TokenValidityUnits"))).containsEntry("AccessToken", "minutes");
        assertThat(((Number) client.get("AccessTokenValidity")).intValue()).isLessThanOrEqualTo(60);
    }

    @Test
    void authorizer_whenTheConsoleCallsTheApi_acceptsTheConsoleClientsTokens() {
        Map<String, Object> authorizer = properties(synthesized.resource(onlyLogicalId("AWS::ApiGatewayV2::Authorizer")));

        assertThat(list(map(authorizer.get("JwtConfiguration")).get("Audience")))
                .contains(ref(synthesized.logicalId(synthesized.stack.directory().consoleClient())));
    }

    @Test
    void deployment_whenDeployed_copiesConsoleAppAsItIsInTheRepositoryUnderTheConsolePrefix() throws IOException {
        Map<String, Object> deployment = onlyDeployment();
        List<String> keys = strings(deployment.get("SourceObjectKeys"));

        assertThat(deployment).containsEntry("DestinationBucketName", ref(synthesized.logicalId(console.bucket())))
                .containsEntry("DestinationBucketKeyPrefix", "console/")
                .containsEntry("Prune", true)
                .containsEntry("SystemMetadata", Map.of("cache-control", "no-cache"))
                .doesNotContainKey("DistributionId");
        assertThat(keys).hasSize(2);
        Map<String, String> repository = files(RepoRoot.ofInfraModule().consoleApp());
        repository.remove(ConsoleHosting.CONFIG_FILE);
        assertThat(repository).containsKeys("index.html", "app.js");
        assertThat(files(asset(keys.get(0)))).isEqualTo(repository);
    }

    @Test
    void deployment_whenDeployed_writesAConfigJsonForCognitoSignInAndTheApi() throws IOException {
        JsonNode config = deployedConfig();
        String apiId = synthesized.logicalId(synthesized.stack.api().api());

        assertThat(config.path("auth").asText()).isEqualTo("cognito");
        assertThat(config.path("apiUrl").asText()).isEqualTo("https://${" + apiId + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
        assertThat(config.path("cognito").path("domain").asText()).isEqualTo(cognitoOrigin());
        assertThat(config.path("cognito").path("clientId").asText())
                .isEqualTo("${" + synthesized.logicalId(synthesized.stack.directory().consoleClient()) + "}");
        assertThat(config.path("cognito").path("redirectUri").asText()).isEqualTo(consoleOrigin() + "/console/");
        assertThat(config.size()).isEqualTo(3);
    }

    @Test
    void outputs_whenDeployed_sayWhereTheConsoleIsAndHowItSignsIn() {
        Map<String, Object> outputs = synthesized.outputs();
        String distribution = synthesized.logicalId(console.distribution());

        assertThat(DefinitionString.resolve(map(outputs.get("ConsoleUrl")).get("Value")))
                .isEqualTo("https://${" + distribution + ".DomainName}/console/");
        assertThat(map(outputs.get("ConsoleBucketName")).get("Value")).isEqualTo(ref(synthesized.logicalId(console.bucket())));
        assertThat(DefinitionString.resolve(map(outputs.get("CognitoHostedUiDomain")).get("Value"))).isEqualTo(cognitoOrigin());
        assertThat(map(outputs.get("ConsoleClientId")).get("Value"))
                .isEqualTo(ref(synthesized.logicalId(synthesized.stack.directory().consoleClient())));
    }

    @Test
    void suppressions_whenOnTheDistribution_acceptOnlyGeoWafAndTheDefaultCertificate() {
        assertThat(suppressedRules(synthesized, synthesized.logicalId(console.distribution())))
                .containsOnlyKeys("AwsSolutions-CFR1", "AwsSolutions-CFR2", "AwsSolutions-CFR4");
    }

    @Test
    void suppressions_whenOnTheDeployTimeFunctions_acceptOnlyTheirLoggingPolicyRuntimeAndCopyWildcards() {
        String bucket = synthesized.logicalId(console.bucket());
        Map<String, Map<String, Object>> copier = rulesOfLogicalIdsStartingWith("CustomCDKBucketDeployment");
        Map<String, Map<String, Object>> corsSetter = rulesOfLogicalIdsStartingWith(WarroomNagSuppressions.AWS_CUSTOM_RESOURCE_HANDLER);

        assertThat(copier).containsOnlyKeys("AwsSolutions-IAM4", "AwsSolutions-IAM5", "AwsSolutions-L1");
        assertThat(strings(copier.get("AwsSolutions-IAM4").get("applies_to")))
                .containsExactly("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(strings(copier.get("AwsSolutions-IAM5").get("applies_to"))).containsExactlyInAnyOrder(
                "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*",
                "Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*",
                "Resource::<" + bucket + ".Arn>/*");
        assertThat(corsSetter).containsOnlyKeys("AwsSolutions-IAM4");
    }

    @Test
    void ownDomain_whenGiven_servesTheConsoleThereWithTls12AndItsCertificate() {
        SynthesizedWarroom own = SynthesizedWarroom.withConsoleDomain();
        ConsoleHosting ownConsole = own.stack.console();
        Map<String, Object> config = map(properties(own.resource(ownConsole.distribution())).get("DistributionConfig"));

        assertThat(config).containsEntry("Aliases", List.of("console.example.com"));
        assertThat(map(config.get("ViewerCertificate")))
                .containsEntry("AcmCertificateArn", SynthesizedWarroom.CONSOLE_DOMAIN.certificateArn())
                .containsEntry("MinimumProtocolVersion", "TLSv1.2_2021")
                .containsEntry("SslSupportMethod", "sni-only");
        assertThat(properties(own.resource(own.stack.directory().consoleClient())))
                .containsEntry("CallbackURLs", List.of("https://console.example.com/console/"));
        assertThat(map(own.outputs().get("ConsoleUrl")).get("Value")).isEqualTo("https://console.example.com/console/");
        JsonNode cors = corsOf(own, ownConsole);
        assertThat(texts(cors.path("AllowOrigins"))).containsExactly("https://console.example.com");
    }

    @Test
    void ownDomain_whenGiven_needsNoCertificateSuppressionAndLeavesNoNagFinding() {
        SynthesizedWarroom own = SynthesizedWarroom.withConsoleDomain();

        assertThat(suppressedRules(own, own.logicalId(own.stack.console().distribution())))
                .containsOnlyKeys("AwsSolutions-CFR1", "AwsSolutions-CFR2");
        assertThat(own.messages).noneMatch(message -> message.getLevel() == SynthesisMessageLevel.ERROR
                || message.getLevel() == SynthesisMessageLevel.WARNING);
    }

    // --- helpers

    private static Map<String, Object> distributionConfig() {
        return map(properties(synthesized.resource(console.distribution())).get("DistributionConfig"));
    }

    private static List<Map<String, Object>> bucketPolicyStatements(software.amazon.awscdk.services.s3.Bucket bucket) {
        Object bucketRef = ref(synthesized.logicalId(bucket));
        return synthesized.resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> bucketRef.equals(policy.get("Bucket")))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateJson::map)
                .toList();
    }

    private static String contentSecurityPolicy(SynthesizedWarroom app, ConsoleHosting hosting) {
        Map<String, Object> config = map(properties(app.resource(hosting.securityHeaders())).get("ResponseHeadersPolicyConfig"));
        Object csp = map(map(map(config.get("SecurityHeadersConfig")).get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
        return DefinitionString.resolve(csp);
    }

    private static Map<String, List<String>> directives(String csp) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : csp.split(";")) {
            List<String> words = Arrays.stream(directive.trim().split("\\s+")).toList();
            assertThat(directives.put(words.getFirst(), words.subList(1, words.size()))).as("repeated " + words.getFirst()).isNull();
        }
        return directives;
    }

    private static String apiOrigin() {
        return "${" + synthesized.logicalId(synthesized.stack.api().api()) + ".ApiEndpoint}";
    }

    private static String cognitoOrigin() {
        return "https://${" + synthesized.logicalId(synthesized.stack.directory().domain()) + "}.auth.${AWS::Region}.amazoncognito.com";
    }

    private static String consoleOrigin() {
        return "https://${" + synthesized.logicalId(console.distribution()) + ".DomainName}";
    }

    private static JsonNode corsOf(SynthesizedWarroom app, ConsoleHosting hosting) {
        try {
            return JSON.readTree(DefinitionString.resolve(properties(app.resource(corsResource(hosting))).get("Create")))
                    .path("parameters").path("CorsConfiguration");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a template value as text: intrinsics as ${...} (DefinitionString), a Fn::Sub as its own template string
    private static String text(Object value) {
        if (value instanceof Map<?, ?> sub && sub.size() == 1 && sub.get("Fn::Sub") instanceof String template) {
            return template;
        }
        if (value instanceof Map<?, ?> join && join.get("Fn::Join") instanceof List<?> parts && parts.size() == 2
                && parts.get(1) instanceof List<?> items) {
            return items.stream().map(ConsoleHostingTest::text).collect(Collectors.joining(String.valueOf(parts.get(0))));
        }
        return DefinitionString.resolve(value instanceof Map<?, ?> ? Map.of("Fn::Join", List.of("", List.of(value))) : value);
    }

    // the Custom::ApiCorsOrigin resource inside AwsCustomResource (its default child is the CustomResource L2)
    private static IConstruct corsResource(ConsoleHosting hosting) {
        return (IConstruct) hosting.cors().resource().getNode().getDefaultChild();
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as(array.toString()).isTrue();
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
    }

    private static String onlyLogicalId(String type) {
        Map<String, Map<String, Object>> resources = synthesized.resourcesOfType(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.keySet().iterator().next();
    }

    private static Map<String, Object> onlyDeployment() {
        return properties(synthesized.resource(onlyLogicalId("Custom::CDKBucketDeployment")));
    }

    // a source's staged asset in the cloud assembly: <hash>.zip is uploaded from the folder asset.<hash>
    private static Path asset(String objectKey) {
        return synthesized.outdir.resolve("asset." + objectKey.replaceFirst("\\.zip$", ""));
    }

    private static Map<String, String> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).collect(Collectors.toMap(
                    path -> root.relativize(path).toString().replace('\\', '/'),
                    path -> {
                        try {
                            return Files.readString(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    (a, b) -> a, TreeMap::new));
        }
    }

    // config.json as deployed: the staged file with each deploy-time marker replaced by its value
    private static JsonNode deployedConfig() throws IOException {
        Map<String, Object> deployment = onlyDeployment();
        String key = strings(deployment.get("SourceObjectKeys")).get(1);
        String text = Files.readString(asset(key).resolve(ConsoleHosting.CONFIG_FILE));
        Map<String, Object> markers = map(list(deployment.get("SourceMarkers")).get(1));
        for (Map.Entry<String, Object> marker : markers.entrySet()) {
            text = text.replace(marker.getKey(), DefinitionString.resolve(marker.getValue()));
        }
        return JSON.readTree(text);
    }

    private static Map<String, Map<String, Object>> suppressedRules(SynthesizedWarroom app, String logicalId) {
        Map<String, Map<String, Object>> rules = new TreeMap<>();
        Object metadata = app.resource(logicalId).get("Metadata");
        if (metadata != null && map(metadata).get("cdk_nag") != null) {
            list(map(map(metadata).get("cdk_nag")).get("rules_to_suppress")).stream().map(TemplateJson::map)
                    .forEach(rule -> rules.put((String) rule.get("id"), rule));
        }
        return rules;
    }

    private static Map<String, Map<String, Object>> rulesOfLogicalIdsStartingWith(String prefix) {
        Map<String, Map<String, Object>> rules = new TreeMap<>();
        synthesized.resources().keySet().stream().filter(id -> id.startsWith(prefix))
                .forEach(id -> rules.putAll(suppressedRules(synthesized, id)));
        assertThat(rules).as(prefix).isNotEmpty();
        return rules;
    }

    // runs the CloudFront function's code in node with a viewer-request event per path
    private static JsonNode runPathsFunction(String... uris) throws IOException, InterruptedException {
        String events = Arrays.stream(uris)
                .map(uri -> "{\"request\":{\"method\":\"GET\",\"uri\":\"" + uri + "\",\"querystring\":{\"code\":{\"value\":\"c0de\"}},\"headers\":{}}}")
                .collect(Collectors.joining(",", "[", "]"));
        Path script = Files.createTempFile("console-paths", ".js");
        try {
            Files.writeString(script, ConsoleHosting.PATHS_FUNCTION
                    + "\nprocess.stdout.write(JSON.stringify(" + events + ".map(function (e) { return handler(e); })));\n");
            Process node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes());
            assertThat(node.waitFor()).as(output).isZero();
            return JSON.readTree(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
