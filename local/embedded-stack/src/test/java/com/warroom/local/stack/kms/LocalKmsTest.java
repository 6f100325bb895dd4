package com.warroom.local.stack.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Seal;
import com.warroom.seal.Verification;
import com.warroom.topology.KeyDef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The local KMS through the real SDK {@code KmsClient}, as the sealing functions will call AWS KMS. */
class LocalKmsTest {

    private static final KeyDef SEALS = new KeyDef("seals", "WARROOM_KEY_SEALS_ID");
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("flag=fund-contributions;enabled=false");

    private LocalKms kms;
    private KmsClient client;

    @BeforeEach
    void start() throws IOException {
        kms = LocalKms.start(0, "us-east-1", Optional.empty());
        client = client(kms.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        kms.close();
    }

    @Test
    void createKey_whenHmac256_describesItAsAMacKey() {
        var created = client.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC).description("t"))
                .keyMetadata();

        var described = client.describeKey(r -> r.keyId(created.arn())).keyMetadata();
        assertThat(described.keyId()).isEqualTo(created.keyId());
        assertThat(described.keySpec()).isEqualTo(KeySpec.HMAC_256);
        assertThat(described.keyUsage()).isEqualTo(KeyUsageType.GENERATE_VERIFY_MAC);
        assertThat(described.macAlgorithms()).containsExactly(MacAlgorithmSpec.HMAC_SHA_256);
        assertThat(described.arn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + created.keyId());
    }

    @Test
    void createKey_whenSymmetricDefault_refuses() {
        assertThatThrownBy(() -> client.createKey(r -> r.description("t")))
                .isInstanceOf(software.amazon.awssdk.services.kms.model.UnsupportedOperationException.class);
    }

    @Test
    void verifyMac_whenMessageUnchanged_isValid() {
        String keyId = client.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
        SdkBytes mac = generate(keyId, MESSAGE);

        assertThat(mac.asByteArray()).hasSize(32);
        assertThat(client.verifyMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(MESSAGE).mac(mac)).macValid())
                .isTrue();
    }

    @Test
    void verifyMac_whenMessageChanged_throwsKmsInvalidMac() {
        String keyId = kms.register(SEALS);
        SdkBytes mac = generate(keyId, MESSAGE);
        SdkBytes changed = SdkBytes.fromUtf8String("flag=fund-contributions;enabled=true");

        assertThatThrownBy(() -> client.verifyMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(changed).mac(mac)))
                .isInstanceOf(KmsInvalidMacException.class);
    }

    @Test
    void generateMac_whenKeyUnknown_throwsNotFound() {
        assertThatThrownBy(() -> generate("1234abcd-12ab-34cd-56ef-1234567890ab", MESSAGE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void generateMac_byAlias_usesTheRegisteredKey() {
        String arn = kms.register(SEALS);

        assertThat(generate("alias/warroom-seals", MESSAGE)).isEqualTo(generate(arn, MESSAGE));
        assertThat(kms.register(SEALS)).isEqualTo(arn);
    }

    @Test
    void restart_withTheSameKeyFile_keepsTheKeysAndTheirMacs(@TempDir Path dir) throws IOException {
        Path keyFile = dir.resolve("kms-keys.json");
        String arn;
        SdkBytes before;
        try (var first = LocalKms.start(0, "us-east-1", Optional.of(keyFile)); var c = client(first.endpoint())) {
            arn = first.register(SEALS);
            before = c.generateMac(r -> r.keyId(arn).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(MESSAGE)).mac();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        try (var second = LocalKms.start(0, "us-east-1", Optional.of(keyFile)); var c = client(second.endpoint())) {
            assertThat(second.register(SEALS)).isEqualTo(arn);
            assertThat(c.generateMac(r -> r.keyId(arn).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(MESSAGE)).mac()).isEqualTo(before);
        }
    }

    @Test
    void kmsSealer_whenBytesChangedOrServiceGone_answersInvalidThenUnavailable() {
        var sealer = new KmsSealer(client, kms.register(SEALS));
        byte[] record = CanonicalBytes.of("fund-contributions", "global", "false");
        Seal seal = sealer.seal(record);

        assertThat(seal.keyId()).isEqualTo(kms.keyArn(SEALS));
        assertThat(sealer.verify(record, seal)).isEqualTo(new Verification.Valid());
        assertThat(sealer.verify(CanonicalBytes.of("fund-contributions", "global", "true"), seal)).isEqualTo(new Verification.Invalid());
        assertThat(sealer.verify(record, new Seal("not base64!", seal.keyId()))).isEqualTo(new Verification.Invalid());
        kms.close();
        assertThat(sealer.verify(record, seal)).isInstanceOf(Verification.Unavailable.class);
    }

    private SdkBytes generate(String keyId, SdkBytes message) {
        return client.generateMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(message)).mac();
    }

    private static KmsClient client(URI endpoint) {
        return KmsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
