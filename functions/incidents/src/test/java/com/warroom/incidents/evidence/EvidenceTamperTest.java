package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Someone with the machine's disk changes a stored bundle behind S3's back (locally the objects are files in the data
 * folder): reading it fails loudly instead of serving the changed bytes as evidence.
 */
class EvidenceTamperTest {

    @Test
    void read_whenTheStoredBytesWereChangedOnDisk_failsLoudly(@TempDir Path data) throws Exception {
        Path s3Dir = data.resolve("s3");
        var options = new EmbeddedStack.Options(0, 0, Optional.empty(), 0, 0, 0, Optional.empty(), 0, Optional.of(s3Dir));
        try (EmbeddedStack stack = EmbeddedStack.start(options)) {
            stack.provision(Topology.builder().buckets(Topology.EVIDENCE).build());
            try (S3Client s3 = S3Client.builder().region(Region.of(stack.region())).endpointOverride(stack.s3Endpoint())
                    .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                    .build()) {
                var bucket = new EvidenceBucket(s3, Topology.EVIDENCE.localName());
                String key = EvidenceCollector.bundleKey("inc-tamper", EvidenceCollector.randomId());
                byte[] bundle = "{\"rows\":{\"payouts\":[{\"amountMinor\":25000000}]}}".getBytes(StandardCharsets.UTF_8);
                bucket.putOnce(key, bundle);
                assertThat(bucket.read(key, Optional.of(EvidenceWorld.sha256(bundle)))).contains(bundle);

                Path file = objectFile(s3Dir.resolve(Topology.EVIDENCE.localName()));
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // the same length, one digit changed: 25,000,000 becomes 95,000,000
                Files.writeString(file, text.replace("25000000", "95000000"), StandardCharsets.UTF_8);

                assertThatThrownBy(() -> bucket.read(key, Optional.of(EvidenceWorld.sha256(bundle))))
                        .isInstanceOf(EvidenceTampered.class).hasMessageContaining(key);
            }
        }
    }

    private static Path objectFile(Path bucketDir) throws Exception {
        try (Stream<Path> files = Files.list(bucketDir)) {
            List<Path> objects = files.filter(f -> f.getFileName().toString().endsWith(".object")).toList();
            assertThat(objects).hasSize(1);
            return objects.get(0);
        }
    }
}
