package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.BucketDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each topology bucket is write-once in AWS as the local S3 is: Object Lock in COMPLIANCE mode for its retention, and a
 * bucket policy that denies to everyone what Object Lock leaves open (a put over a key, a delete marker) and plain HTTP.
 */
class WriteOnceBucketsTest {

    static Stream<Arguments> buckets() {
        return SynthesizedWarroom.eachOf(Topology::buckets, BucketDef::logicalName);
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucket_whenInTopology_locksEveryObjectInComplianceModeForItsRetention(SynthesizedWarroom app, BucketDef definition) {
        Map<String, Object> bucket = properties(app.resource(app.stack.buckets().bucket(definition)));

        assertThat(bucket).containsEntry("ObjectLockEnabled", true)
                .containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"));
        Map<String, Object> lock = map(bucket.get("ObjectLockConfiguration"));
        assertThat(lock).containsEntry("ObjectLockEnabled", "Enabled");
        Map<String, Object> retention = map(map(lock.get("Rule")).get("DefaultRetention"));
        assertThat(retention).containsEntry("Mode", "COMPLIANCE").doesNotContainKey("Years");
        assertThat(((Number) retention.get("Days")).intValue()).isEqualTo(definition.retentionDays());
    }

    @Test
    void anchors_inTheRealTopology_areLocked400DaysInComplianceMode() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        Map<String, Object> bucket = properties(app.resource(app.stack.buckets().bucket(Topology.ANCHORS)));

        assertThat(map(bucket.get("ObjectLockConfiguration")).get("Rule"))
                .isEqualTo(Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 400)));
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucket_whenInTopology_isRetainedEncryptedPrivateAndOwnedByTheAccount(SynthesizedWarroom app, BucketDef definition) {
        Map<String, Object> resource = app.resource(app.stack.buckets().bucket(definition));
        Map<String, Object> bucket = properties(resource);

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(bucket.get("BucketEncryption")).isEqualTo(Map.of("ServerSideEncryptionConfiguration",
                List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))));
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket.get("OwnershipControls")).isEqualTo(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))));
        assertThat(bucket).doesNotContainKey("BucketName").doesNotContainKey("LifecycleConfiguration");
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucketPolicy_whenAPutCarriesNoIfNoneMatch_deniesItToEveryone(SynthesizedWarroom app, BucketDef definition) {
        Map<String, Object> deny = statement(app, definition, "PutOnlyNewKeys");

        assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Principal", Map.of("AWS", "*"))
                .containsEntry("Action", "s3:PutObject")
                .containsEntry("Condition", Map.of("Null", Map.of("s3:if-none-match", "true")))
                .containsEntry("Resource", objectsArn(app, definition));
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucketPolicy_whenAnyoneDeletesAnObjectOrAVersion_deniesIt(SynthesizedWarroom app, BucketDef definition) {
        Map<String, Object> deny = statement(app, definition, "NoDeletesOrDeleteMarkers");

        assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Principal", Map.of("AWS", "*"))
                .doesNotContainKey("Condition")
                .containsEntry("Resource", objectsArn(app, definition));
        assertThat(strings(deny.get("Action"))).containsExactlyInAnyOrder("s3:DeleteObject", "s3:DeleteObjectVersion");
    }

    @ParameterizedTest
    @MethodSource("buckets")
    void bucketPolicy_allowsNothingAndRefusesPlainHttp(SynthesizedWarroom app, BucketDef definition) {
        List<Map<String, Object>> statements = statements(app, definition);

        assertThat(statements).allSatisfy(statement -> assertThat(statement).containsEntry("Effect", "Deny"));
        assertThat(statements).anySatisfy(statement -> assertThat(statement).containsEntry("Action", "s3:*")
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    private static Map<String, Object> statement(SynthesizedWarroom app, BucketDef definition, String sid) {
        return statements(app, definition).stream().filter(statement -> sid.equals(statement.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in the policy of " + definition.logicalName()));
    }

    private static List<Map<String, Object>> statements(SynthesizedWarroom app, BucketDef definition) {
        Object bucketRef = TemplateJson.ref(app.logicalId(app.stack.buckets().bucket(definition)));
        return app.resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> bucketRef.equals(policy.get("Bucket")))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateJson::map)
                .toList();
    }

    private static Object objectsArn(SynthesizedWarroom app, BucketDef definition) {
        return Map.of("Fn::Join", List.of("", List.of(arnOf(app.logicalId(app.stack.buckets().bucket(definition))), "/*")));
    }

    @Test
    void evidence_whenTheDeployGivesNoRetention_isLockedForTheTopologysYear() {
        SynthesizedWarroom app = SynthesizedWarroom.get();

        assertThat(defaultRetentionDays(app, Topology.EVIDENCE)).isEqualTo(365);
        assertThat(app.stack.buckets().retentionDays(Topology.EVIDENCE)).isEqualTo(Topology.EVIDENCE.retentionDays());
    }

    @Test
    void evidence_whenTheDeployGivesItsRetention_isLockedInComplianceModeThatLong() {
        SynthesizedWarroom app = SynthesizedWarroom.withDeployContext();
        Map<String, Object> retention = map(map(map(properties(app.resource(app.stack.buckets().bucket(Topology.EVIDENCE)))
                .get("ObjectLockConfiguration")).get("Rule")).get("DefaultRetention"));

        assertThat(retention).containsEntry("Mode", "COMPLIANCE");
        assertThat(((Number) retention.get("Days")).intValue()).isEqualTo(SynthesizedWarroom.EVIDENCE_RETENTION_DAYS);
        // only the bucket the context names changes
        assertThat(defaultRetentionDays(app, Topology.SLO_REPORTS)).isEqualTo(Topology.SLO_REPORTS.retentionDays());
        assertThat(defaultRetentionDays(app, Topology.ANCHORS)).isEqualTo(Topology.ANCHORS.retentionDays());
    }

    @Test
    void retentionContextKey_whenNamed_isTheBucketsCamelCaseNameWithRetentionDays() {
        assertThat(WriteOnceBuckets.retentionContextKey(Topology.EVIDENCE)).isEqualTo("evidenceRetentionDays");
        assertThat(WriteOnceBuckets.retentionContextKey(Topology.SLO_REPORTS)).isEqualTo("sloReportsRetentionDays");
    }

    @Test
    void resolveRetention_whenTheContextIsNotAWholeNumberOfDaysInObjectLocksRange_isRefusedNamingTheKey() {
        for (Object bad : List.of("a year", "0", "-5", "36501", "1.5")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> WriteOnceBuckets.resolveRetention(Topology.EVIDENCE, bad))
                    .as(bad.toString()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidenceRetentionDays");
        }
        assertThat(WriteOnceBuckets.resolveRetention(Topology.EVIDENCE, " 730 ")).isEqualTo(730);
        assertThat(WriteOnceBuckets.resolveRetention(Topology.EVIDENCE, 36500)).isEqualTo(36500);
        assertThat(WriteOnceBuckets.resolveRetention(Topology.EVIDENCE, null)).isEqualTo(365);
    }

    private static int defaultRetentionDays(SynthesizedWarroom app, BucketDef definition) {
        Map<String, Object> retention = map(map(map(properties(app.resource(app.stack.buckets().bucket(definition)))
                .get("ObjectLockConfiguration")).get("Rule")).get("DefaultRetention"));
        return ((Number) retention.get("Days")).intValue();
    }
}
