package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.SigningKeyStore;
import com.warroom.local.auth.TokenCheck;
import com.warroom.local.auth.TokenVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarroomCliTest {

    private static final String VALID_ROLES = "super_admin, ops, finance, reviewer, support, service";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"WARROOM_PORT", "WARROOM_DYNAMODB_PORT", "WARROOM_SQS_PORT", "WARROOM_SFN_PORT", "WARROOM_SNS_PORT",
            "WARROOM_KMS_PORT", "WARROOM_S3_PORT", "WARROOM_CUSTODY_PORT"})
    void up_whenAPortIsInUse_saysWhichVariableToChangeInOneLine(String variable) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Map<String, String> env = freePorts();
            env.put(variable, Integer.toString(taken.getLocalPort()));

            CliRun run = CliRun.of(env, workDir, "up");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("set " + variable);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void up_whenTwoVariablesNameTheSamePort_refusesInOneLine() {
        Map<String, String> env = freePorts();
        env.put("WARROOM_PORT", "18080");
        env.put("WARROOM_SQS_PORT", "18080");

        CliRun run = CliRun.of(env, workDir, "up");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("warroom: WARROOM_PORT and WARROOM_SQS_PORT are both 18080; give each its own port");
    }

    @Test
    void up_whenAPortIsNotANumber_namesTheVariable() {
        Map<String, String> env = freePorts();
        env.put("WARROOM_DYNAMODB_PORT", "eight thousand");

        CliRun run = CliRun.of(env, workDir, "up");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                "warroom: WARROOM_DYNAMODB_PORT must be a port number from 0 to 65535, not 'eight thousand'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-file", "a-file/beneath"})
    void up_whenTheDataFolderCannotBeUsed_namesWarroomDataInOneLine(String dataPath) throws IOException {
        Files.writeString(workDir.resolve("a-file"), "not a folder");
        Map<String, String> env = freePorts();
        env.put("WARROOM_DATA", dataPath);

        CliRun run = CliRun.of(env, workDir, "up");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("warroom: the data folder " + workDir.resolve(dataPath) + " is not usable (")
                .endsWith("set WARROOM_DATA to a folder you can read and write");
    }

    @Test
    void token_whenTheKeyFileIsDamaged_namesTheFileToDeleteInOneLine() throws IOException {
        Path keyFile = Files.createDirectories(workDir.resolve("data/keys")).resolve("jwt-signing.json");
        Files.writeString(keyFile, "not a key");

        CliRun run = CliRun.of(Map.of("WARROOM_DATA", "data"), workDir, "token", "--role", "ops", "--sub", "alice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("warroom: the signing key " + keyFile + " is not an RSA JWK")
                .contains("delete it");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void token_printsATokenTheGatewayAccepts() throws IOException {
        CliRun run = CliRun.of(Map.of("WARROOM_DATA", "data"), workDir,
                "token", "--role", "ops", "--role", "super_admin", "--sub", "alice", "--ttl", "30m");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        RSAKey key = SigningKeyStore.in(workDir.resolve("data")).loadOrCreate();
        TokenCheck check = new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC())
                .check(Optional.of("Bearer " + run.out().strip()));
        assertThat(check).isInstanceOfSatisfying(TokenCheck.Accepted.class, accepted -> {
            assertThat(accepted.claims()).containsEntry("sub", "alice")
                    .containsEntry("email", "alice@warroom.local")
                    .containsEntry("cognito:groups", List.of("ops", "super_admin"))
                    .doesNotContainKey("scope");
            assertThat((Long) accepted.claims().get("exp") - (Long) accepted.claims().get("iat")).isEqualTo(1800L);
        });
    }

    @Test
    void token_forTheServiceRole_carriesTheServiceScopeLikeAClientCredentialsToken() {
        CliRun run = CliRun.of(Map.of(), workDir, "token", "--role", "service", "--sub", "platform-backend", "--email", "ops@platform.example");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(workDir.resolve(".warroom/keys/jwt-signing.json")).isRegularFile();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(run.out().strip().split("\\.")[1]));
        assertThat(payload).contains("\"scope\":\"warroom/service\"", "\"email\":\"ops@platform.example\"");
    }

    @Test
    void token_withAnUnknownRole_listsTheValidRolesInOneLine() {
        CliRun run = CliRun.of(Map.of(), workDir, "token", "--role", "wizard", "--sub", "alice");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("unknown role 'wizard'").contains(VALID_ROLES);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void token_withABadLifetime_refusesIt() {
        CliRun run = CliRun.of(Map.of(), workDir, "token", "--role", "ops", "--sub", "alice", "--ttl", "forever");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("'forever' is not a lifetime");
    }

    @Test
    void token_help_saysItIsLocalOnly() {
        CliRun run = CliRun.of(Map.of(), workDir, "token", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("LOCAL ONLY").contains(VALID_ROLES);
    }

    @Test
    void noCommand_printsUsage() {
        CliRun run = CliRun.of(Map.of(), workDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("up").contains("token");
    }

    private static Map<String, String> freePorts() {
        Map<String, String> env = new HashMap<>();
        env.put("WARROOM_PORT", "0");
        env.put("WARROOM_DYNAMODB_PORT", "0");
        env.put("WARROOM_SQS_PORT", "0");
        env.put("WARROOM_SFN_PORT", "0");
        env.put("WARROOM_SNS_PORT", "0");
        env.put("WARROOM_KMS_PORT", "0");
        env.put("WARROOM_S3_PORT", "0");
        env.put("WARROOM_SES_PORT", "0");
        env.put("WARROOM_MIDTRANS_PORT", "0");
        env.put("WARROOM_CUSTODY_PORT", "0");
        return env;
    }
}
