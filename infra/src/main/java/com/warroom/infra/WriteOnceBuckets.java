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
 * {@link BucketDef#retentionDays()} in COMPLIANCE mode, so no one (the account root included) can delete or change an
 * object version before it ends. Object Lock keeps versions, not keys, so the bucket policy closes the two ways around
 * it: a put without {@code If-None-Match: *} (a new version that would hide an anchor) and a delete (a delete marker that
 * would) are denied to every principal. What a function may do is in its role ({@link AccessPolicy}).
 */
public final class WriteOnceBuckets extends Construct {

    /** Denied to everyone: a delete marker hides the current version from GetObject and ListObjectsV2 as well as a delete would. */
    static final List<String> DENIED_DELETE_ACTIONS = List.of("s3:DeleteObject", "s3:DeleteObjectVersion");

    private final Map<BucketDef, Bucket> buckets = new LinkedHashMap<>();

    public WriteOnceBuckets(Construct scope, String id, List<BucketDef> definitions) {
        super(scope, id);
        definitions.forEach(definition -> buckets.put(definition, build(definition)));
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
                .objectLockDefaultRetention(ObjectLockRetention.compliance(Duration.days(definition.retentionDays())))
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
