package com.warroom.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.topology.BucketDef;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The topology's write-once buckets in the embedded stack: provisioned, named in the settings with the S3 endpoint so
 * that Warroom's own client reaches them, and kept in the data folder across a restart as the runner starts the stack.
 */
class EmbeddedStackBucketsTest {

    private static final BucketDef ANCHORS = new BucketDef("test-anchors", 400);
    private static final Topology TOPOLOGY = Topology.builder().buckets(ANCHORS).build();

    @Test
    void settings_whenTheTopologyHasABucket_pointWarroomsS3ClientAtTheLocalBucket() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral())) {
            Map<String, String> settings = stack.provision(TOPOLOGY).settings(TOPOLOGY);

            assertThat(settings).containsEntry("AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString())
                    .containsEntry("WARROOM_BUCKET_TEST_ANCHORS_NAME", "warroom-test-anchors");
            assertThat(stack.s3Endpoint().getHost()).isEqualTo(EmbeddedStack.LOOPBACK);
            withSettings(stack, () -> {
                try (S3Client s3 = AwsClients.s3()) {
                    var store = new AnchorStore(s3, Settings.require(ANCHORS.nameEnvVar()));
                    Anchor anchor = new Anchor(Anchor.AUDIT_HEAD, 3, "h3", null, "bWFj", "k", "2026-12-01T00:00:00Z");
                    assertThat(store.append(anchor)).isTrue();
                    assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(anchor);
                }
            });
        }
    }

    @Test
    void restart_withTheRunnersOptions_keepsTheObjectsInTheDataFolder(@TempDir Path data) throws Exception {
        // as LocalWarroom starts the stack: the DynamoDB folder and the KMS key file in the data folder, S3 unnamed
        var options = new EmbeddedStack.Options(0, 0, Optional.of(data.resolve("dynamodb")), 0, 0, 0,
                Optional.of(data.resolve("kms-keys.json")));
        Files.createDirectories(data.resolve("dynamodb"));
        Anchor anchor = new Anchor(Anchor.FLAG_SEAL, 9, "d9", 4, "bWFj", "k", "2026-12-01T00:00:00Z");
        try (EmbeddedStack stack = EmbeddedStack.start(options)) {
            stack.provision(TOPOLOGY);
            withSettings(stack, () -> {
                try (S3Client s3 = AwsClients.s3()) {
                    assertThat(new AnchorStore(s3, ANCHORS.localName()).append(anchor)).isTrue();
                }
            });
        }

        try (EmbeddedStack stack = EmbeddedStack.start(options)) {
            stack.provision(TOPOLOGY);
            withSettings(stack, () -> {
                try (S3Client s3 = AwsClients.s3()) {
                    assertThat(new AnchorStore(s3, ANCHORS.localName()).newest(Anchor.FLAG_SEAL)).contains(anchor);
                }
            });
        }
        assertThat(data.resolve("s3").resolve(ANCHORS.localName())).isDirectory();
    }

    // the stack's settings as system properties for the duration, then those that were there before
    private static void withSettings(EmbeddedStack stack, Runnable body) {
        Map<String, String> settings = stack.settings(TOPOLOGY);
        Map<String, String> before = new java.util.HashMap<>();
        settings.keySet().forEach(name -> before.put(name, System.getProperty(name)));
        settings.forEach(System::setProperty);
        try {
            body.run();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
