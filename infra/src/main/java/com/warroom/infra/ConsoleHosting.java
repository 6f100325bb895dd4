package com.warroom.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The ops console in AWS: the files of {@code console/app} in a private S3 bucket under {@code console/}, with a
 * {@code console/config.json} made at deploy time (Cognito sign-in, the API's URL), served by CloudFront through
 * Origin Access Control at {@code https://<host>/console/} with the console's security headers
 * ({@link ConsoleSecurityHeaders}). It also tells the staff directory where sign-in returns to and lets that one origin
 * call the API ({@link ApiCorsOrigin}).
 */
public final class ConsoleHosting extends Construct {

    /** Where the console lives in the bucket and on the distribution. */
    static final String PREFIX = "console/";
    static final String CONFIG_FILE = "config.json";
    /** How long the files a deploy replaced are kept. */
    static final Duration PREVIOUS_FILES_KEPT = Duration.days(90);
    /** How long access logs are kept: a year, as the stack's log groups. */
    static final Duration LOG_EXPIRY = Duration.days(365);

    /**
     * {@code /} and {@code /console} go to {@code /console/}; a folder path is its {@code index.html} (S3 has no
     * folders, and the page's relative imports need the trailing slash). Query strings ride along untouched, so
     * Cognito's {@code ?code=...&state=...} reaches the page.
     */
    static final String PATHS_FUNCTION = """
            function handler(event) {
              var request = event.request;
              if (request.uri === '/' || request.uri === '/console') {
                return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/console/' } } };
              }
              if (request.uri.endsWith('/')) {
                request.uri += 'index.html';
              }
              return request;
            }
            """;

    /** What the console is built from. */
    public record Props(Path appDir, WarroomHttpApi api, StaffDirectory directory, Optional<ConsoleDomain> domain,
            RetentionDays logRetention) {
    }

    private final Bucket bucket;
    private final Bucket logBucket;
    private final ResponseHeadersPolicy securityHeaders;
    private final Distribution distribution;
    private final ApiCorsOrigin cors;
    private final BucketDeployment deployment;
    private final String origin;
    private final Optional<ConsoleDomain> domain;

    public ConsoleHosting(Construct scope, String id, Props props) {
        super(scope, id);
        domain = props.domain();
        logBucket = accessLogBucket();
        bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(logBucket)
                .serverAccessLogsPrefix("console-bucket/")
                // a deploy replaces the files; the ones it replaced stay a while, to look at or put back
                .lifecycleRules(List.of(LifecycleRule.builder().noncurrentVersionExpiration(PREVIOUS_FILES_KEPT).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        String signInOrigin = props.directory().domain().baseUrl();
        securityHeaders = ConsoleSecurityHeaders.policy(this, "SecurityHeaders", props.api().endpoint(), signInOrigin);
        distribution = distribution(props.domain());
        String host = props.domain().map(ConsoleDomain::name).orElse(distribution.getDistributionDomainName());
        origin = "https://" + host;
        props.directory().consoleSignInReturnsTo(url());
        // the log group of the two deploy-time functions: the CORS setter and the file copier
        LogGroup handlerLogs = LogGroup.Builder.create(this, "HandlerLogs").retention(props.logRetention()).build();
        cors = new ApiCorsOrigin(this, "ApiCors", new ApiCorsOrigin.Props(props.api().api(), origin, handlerLogs));
        deployment = BucketDeployment.Builder.create(this, "Files")
                .sources(List.of(
                        // a config.json left in the folder by hand must not shadow the generated one
                        Source.asset(props.appDir().toString(), AssetOptions.builder().exclude(List.of(CONFIG_FILE)).build()),
                        Source.jsonData(CONFIG_FILE, config(props, signInOrigin))))
                .destinationBucket(bucket)
                .destinationKeyPrefix(PREFIX)
                // what is not in console/app any more goes; the prefix holds nothing else
                .prune(true)
                // the modules import each other by fixed names: browsers revalidate every file (ETag) and CloudFront keeps
                // one no longer than its cache policy's minimum TTL (1 s), so a deploy needs no invalidation and a page
                // never mixes old and new modules for long
                .cacheControl(List.of(CacheControl.noCache()))
                .logGroup(handlerLogs)
                .build();
    }

    /** The console's address, e.g. {@code https://d111111abcdef8.cloudfront.net/console/}: also the sign-in's return. */
    public String url() {
        return origin + "/" + PREFIX;
    }

    /** {@code https://<host>}: the one origin the API's CORS admits. */
    public String origin() {
        return origin;
    }

    /** The console's own host name and certificate, if the stack was given one ({@link ConsoleDomain}). */
    public Optional<ConsoleDomain> domain() {
        return domain;
    }

    public Bucket bucket() {
        return bucket;
    }

    /** CloudFront's access logs ({@code cloudfront/}) and the console bucket's server access logs ({@code console-bucket/}). */
    public Bucket logBucket() {
        return logBucket;
    }

    public ResponseHeadersPolicy securityHeaders() {
        return securityHeaders;
    }

    public Distribution distribution() {
        return distribution;
    }

    public ApiCorsOrigin cors() {
        return cors;
    }

    public BucketDeployment deployment() {
        return deployment;
    }

    private Bucket accessLogBucket() {
        return Bucket.Builder.create(this, "Logs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // CloudFront's standard logs are delivered through an ACL grant, which BUCKET_OWNER_ENFORCED disables
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(LOG_EXPIRY)
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private Distribution distribution(Optional<ConsoleDomain> domain) {
        Function paths = Function.Builder.create(this, "Paths")
                .comment("Warroom console: / and /console to /console/, folders to index.html")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(PATHS_FUNCTION))
                .build();
        Distribution.Builder builder = Distribution.Builder.create(this, "Distribution")
                .comment("Warroom ops console")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .compress(true)
                        .responseHeadersPolicy(securityHeaders)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(paths)
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .build()))
                        .build())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .enableLogging(true)
                .logBucket(logBucket)
                .logFilePrefix("cloudfront/");
        domain.ifPresent(d -> builder
                .domainNames(List.of(d.name()))
                .certificate(Certificate.fromCertificateArn(this, "Certificate", d.certificateArn()))
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021));
        return builder.build();
    }

    private Map<String, Object> config(Props props, String signInOrigin) {
        Map<String, Object> cognito = new LinkedHashMap<>();
        cognito.put("domain", signInOrigin);
        cognito.put("clientId", props.directory().consoleClient().getUserPoolClientId());
        cognito.put("redirectUri", url());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth", "cognito");
        config.put("apiUrl", props.api().url());
        config.put("cognito", cognito);
        return config;
    }
}
