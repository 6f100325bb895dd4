package com.warroom.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void loadOrCreate_whenNoKeyYet_writesAnOwnerOnlyRsaJwk() throws IOException {
        RSAKey key = SigningKeyStore.in(dataDir).loadOrCreate();

        Path file = dataDir.resolve("keys/jwt-signing.json");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(dataDir.resolve("keys")).isDirectoryNotContaining("glob:**.draft");
    }

    @Test
    void loadOrCreate_afterARestart_reusesTheSameKey() throws IOException {
        RSAKey first = SigningKeyStore.in(dataDir).loadOrCreate();
        String written = Files.readString(dataDir.resolve("keys/jwt-signing.json"));

        RSAKey again = SigningKeyStore.in(dataDir).loadOrCreate();

        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(dataDir.resolve("keys/jwt-signing.json"))).isEqualTo(written);
    }

    @Test
    void loadOrCreate_whenTheFileIsNotAJwk_failsNamingTheFile() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("keys")).resolve("jwt-signing.json");
        Files.writeString(file, "not json");

        assertThatThrownBy(() -> SigningKeyStore.in(dataDir).loadOrCreate())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete it");
    }

    @Test
    void loadOrCreate_whenTheFileHoldsOnlyAPublicKey_refusesIt() throws IOException {
        Path file = Files.createDirectories(dataDir.resolve("keys")).resolve("jwt-signing.json");
        Files.writeString(file, TestKeys.newKey().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyStore.in(dataDir).loadOrCreate())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no private key");
    }
}
