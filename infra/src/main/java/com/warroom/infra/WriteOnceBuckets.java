package com.warroom.infra;

import com.warroom.topology.BucketDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * One S3 bucket per {@link BucketDef}, write-once: Object Lock with a default retention of
 * {@link BucketDef#retentionDays()} (or the deploy's {@code <bucket>RetentionDays} context) in COMPLIANCE mode, so no one (the account root included) can delete or change an
 * object version before it ends. Object Lock keeps versions, not keys, so the bucket policy closes the two ways around
 * it: a put without {@code If-None-Match: *} (a new version that would hide an anchor) and a delete (a delete marker that
 * would) are denied to every principal. What a function may do is in its role ({@link AccessPolicy}).
 */
public final class WriteOnceBuckets extends Construct {

    /** Denied to everyone: a delete marker hides the current version from GetObject and ListObjectsV2 as well as a delete would. */
    static final List<String> DENIED_DELETE_ACTIONS = List.of("s3:DeleteObject", "s3:DeleteObjectVersion");

    /** Object Lock's longest default retention: 100 years. */
    static final int MAX_RETENTION_DAYS = 36_500;

    private final Map<BucketDef, Bucket> buckets = new LinkedHashMap<>();
    private final Map<BucketDef, Integer> retentionDays = new LinkedHashMap<>();

    public WriteOnceBuckets(Construct scope, String id, List<BucketDef> definitions) {
        super(scope, id);
        definitions.forEach(definition -> {
            retentionDays.put(definition, resolveRetention(definition, getNode().tryGetContext(retentionContextKey(definition))));
            buckets.put(definition, build(definition));
        });
    }

    /**
     * {@code evidenceRetentionDays} for the bucket {@code evidence}: the CDK context key that sets its Object Lock retention
     * for a deploy ({@code cdk deploy -c evidenceRetentionDays=2555}), in place of the topology's default.
     */
    static String retentionContextKey(BucketDef definition) {
        String pascal = ConstructIds.pascal(definition.logicalName());
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1) + "RetentionDays";
    }

    /** The context's whole number of days (1 to 36,500), or the topology's default when the context has none. */
    static int resolveRetention(BucketDef definition, Object context) {
        if (context == null || context.toString().isBlank()) {
            return definition.retentionDays();
        }
        int days;
        try {
            days = Integer.parseInt(context.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(retentionContextKey(definition) + " is a whole number of days: " + context);
        }
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException(retentionContextKey(definition) + " is 1 to " + MAX_RETENTION_DAYS
                    + " days (Object Lock's limit): " + days);
        }
        return days;
    }

    /** The Object Lock COMPLIANCE retention the bucket got: the context's, or the topology's default. */
    public int retentionDays(BucketDef definition) {
        bucket(definition);
        return retentionDays.get(definition);
    }

    /** The bucket built for a definition; a function naming a bucket outside the topology is a wiring error. */
    public Bucket bucket(BucketDef definition) {
        Bucket bucket = buckets.get(definition);
        if (bucket == null) {
            throw new IllegalArgumentException("bucket " + definition.logicalName() + " is not in the topology's buckets()");
        }
        return bucket;
    }

    /** Every bucket, in topology order. */
    public Map<BucketDef, Bucket> all() {
        return Collections.unmodifiableMap(buckets);
    }

    private Bucket build(BucketDef definition) {
        Bucket bucket = Bucket.Builder.create(this, ConstructIds.pascal(definition.logicalName()))
                .objectLockEnabled(true)
                .objectLockDefaultRetention(ObjectLockRetention.compliance(Duration.days(retentionDays.get(definition))))
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                // Object Lock refuses to delete the objects anyway; a stack deletion must not even try
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("PutOnlyNewKeys")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                // present only when the request carries If-None-Match, which S3 accepts only as '*'
                .conditions(Map.of("Null", Map.of("s3:if-none-match", "true")))
                .build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("NoDeletesOrDeleteMarkers")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(DENIED_DELETE_ACTIONS)
                .resources(List.of(bucket.arnForObjects("*")))
                .build());
        return bucket;
    }
}
