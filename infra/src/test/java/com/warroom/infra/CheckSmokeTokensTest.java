package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/scripts/check-smoke-tokens.sh}, the release's check that the smoke identities' tokens outlive the
 * release, with the clock set by {@code NOW_EPOCH}.
 */
class CheckSmokeTokensTest {

    private static final BashScript SCRIPT = BashScript.of("infra/scripts/check-smoke-tokens.sh");
    private static final long NOW = 1_800_000_000L;

    @TempDir
    Path dir;

    @Test
    void check_whenEveryTokenOutlivesTheWindow_passes_andPrintsNoToken() throws Exception {
        String ops = jwt("{\"sub\":\"smoke-ops\",\"exp\":" + (NOW + 7200) + "}");
        Path file = tokens("{\"roles\":{\"ops\":\"" + ops + "\",\"finance\":\"" + ops + "\"},\"requester\":\"" + ops
                + "\",\"approver\":\"" + ops + "\",\"midtransServerKey\":\"SB-Mid-server-x\"}");

        BashScript.Run run = run(file, "60");

        assertThat(run.status()).isZero();
        assertThat(run.stdout()).contains("role ops valid until 2027-01-15T10:00:00Z", "role finance", "requester", "approver")
                .doesNotContain(ops).doesNotContain("SB-Mid-server-x");
    }

    @Test
    void check_whenATokenExpiresWithinTheWindow_failsNamingIt() throws Exception {
        Path file = tokens("{\"roles\":{\"ops\":\"" + jwt("{\"exp\":" + (NOW + 7200) + "}") + "\"},\"approver\":\""
                + jwt("{\"exp\":" + (NOW + 1800) + "}") + "\"}");

        BashScript.Run run = run(file, "60");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("approver expires at", "within the next 60 minutes");
    }

    @Test
    void check_whenATokenHasExpired_fails() throws Exception {
        Path file = tokens("{\"roles\":{\"support\":\"" + jwt("{\"exp\":" + (NOW - 1) + "}") + "\"}}");

        BashScript.Run run = run(file, "0");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("role support expired at");
    }

    @Test
    void check_whenATokenIsNotAJwtOrHasNoExpiry_fails() throws Exception {
        Path file = tokens("{\"roles\":{\"ops\":\"not-a-jwt\",\"finance\":\"" + jwt("{\"sub\":\"x\"}") + "\",\"reviewer\":\""
                + jwt("{\"exp\":\"soon\"}") + "\"}}");

        BashScript.Run run = run(file, "60");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("role ops is not a JWT", "role finance has no readable expiry",
                "role reviewer has no readable expiry");
    }

    @Test
    void check_whenTheFileIsNotAnObjectOrHoldsNoToken_fails() throws Exception {
        for (String content : new String[] {"[]", "not json", "{\"midtransServerKey\":\"k\"}"}) {
            BashScript.Run run = run(tokens(content), "60");

            assertThat(run.status()).as(content).isEqualTo(1);
        }
    }

    @Test
    void check_whenTheArgumentsAreWrong_exitsTwo() throws Exception {
        Path file = tokens("{}");
        assertThat(SCRIPT.run(dir, Map.of("NOW_EPOCH", Long.toString(NOW))).status()).isEqualTo(2);
        assertThat(run(file, "an hour").status()).isEqualTo(2);
    }

    private BashScript.Run run(Path file, String minutes) throws Exception {
        return SCRIPT.run(dir, Map.of("NOW_EPOCH", Long.toString(NOW)), file.toString(), minutes);
    }

    private Path tokens(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "tokens", ".json"), json);
    }

    private static String jwt(String payload) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return base64url.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
