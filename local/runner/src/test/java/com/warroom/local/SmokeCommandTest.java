package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.smoke.DestinationBlindPayoutHandler;
import com.warroom.local.smoke.SmokeReport;
import com.warroom.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./warroom smoke --target local} against a whole {@code up} in this JVM: every check PASS and exit 0 on the
 * healthy stack; with a money gate broken on purpose (a test-only handler wrapper), that check FAIL and exit 1.
 */
class SmokeCommandTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    private record Ran(int exitCode, String out, String err) {
    }

    private static Map<String, String> variables(Path data) {
        Map<String, String> variables = new HashMap<>();
        variables.put(LocalSettings.DATA, data.toString());
        for (String port : List.of(LocalSettings.PORT, LocalSettings.DYNAMODB_PORT, LocalSettings.SQS_PORT, LocalSettings.SFN_PORT,
                LocalSettings.SNS_PORT, LocalSettings.KMS_PORT, LocalSettings.S3_PORT, LocalSettings.SES_PORT,
                LocalSettings.MIDTRANS_PORT, LocalSettings.CUSTODY_PORT)) {
            variables.put(port, "0");
        }
        return variables;
    }

    private static Ran smoke(Map<String, String> variables, Topology topology, Path report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunnerEnvironment env = new RunnerEnvironment(variables, REPOSITORY, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> () -> { });
        int code = WarroomCli.run(env, topology, "smoke", "--target", "local", "--report", report.toString());
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void smoke_onTheHealthyStack_passesEveryCheck_andExits0(@TempDir Path data, @TempDir Path report) throws Exception {
        Map<String, String> variables = variables(data);
        Topology healthy = StandInTopology.withHandler(Topology.PAYOUT_API, Topology.PAYOUT_API.handlerClass());
        try (RunningUp up = RunningUp.start(variables, REPOSITORY, healthy)) {
            Ran ran = smoke(variables, healthy, report);

            assertThat(ran.exitCode()).as(ran.out() + ran.err()).isZero();
            List<String> results = ran.out().lines().filter(line -> line.matches("\\S+Z (PASS|FAIL|SKIP) .*")).toList();
            assertThat(results).as(ran.out()).hasSizeGreaterThan(15).allMatch(line -> line.contains(" PASS "));
            assertThat(results).anyMatch(line -> line.contains("payout.other-wallet-refused"))
                    .anyMatch(line -> line.contains("scan.applied-by-second-person"))
                    .anyMatch(line -> line.contains("killswitch.reenabled-by-second-person"));
            JsonNode json = Json.readTree(Files.readString(report.resolve(SmokeReport.JSON_FILE)));
            assertThat(json.path("result").asText()).isEqualTo("PASS");
            assertThat(json.path("failed").asInt()).isZero();
            assertThat(json.path("leftBehind").toString()).contains("smoke-");
            assertThat(Files.readString(report.resolve(SmokeReport.MARKDOWN_FILE))).contains("| `health` | PASS |");
        }
    }

    @Test
    void smoke_withThePrimaryWalletGateBroken_printsFailForIt_andExits1(@TempDir Path data, @TempDir Path report) throws Exception {
        Map<String, String> variables = variables(data);
        Topology broken = StandInTopology.withHandler(Topology.PAYOUT_API, DestinationBlindPayoutHandler.class.getName());
        try (RunningUp up = RunningUp.start(variables, REPOSITORY, broken)) {
            Ran ran = smoke(variables, broken, report);

            assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(1);
            assertThat(ran.out().lines().filter(line -> line.contains(" FAIL ")))
                    .singleElement().asString().contains("payout.other-wallet-refused")
                    .contains("409").contains("insufficient-balance");
            JsonNode json = Json.readTree(Files.readString(report.resolve(SmokeReport.JSON_FILE)));
            assertThat(json.path("result").asText()).isEqualTo("FAIL");
            assertThat(ran.out()).contains("1 failed");
        }
    }

    @Test
    void smoke_withNoUpRunning_saysSo_andExits1(@TempDir Path data, @TempDir Path report) {
        Ran ran = smoke(variables(data), Topology.warroom(), report);

        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).contains("no ./warroom up is running on");
    }

    @Test
    void smoke_withATargetThatIsNoUrl_isAUsageError(@TempDir Path data, @TempDir Path report) {
        Map<String, String> variables = variables(data);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunnerEnvironment env = new RunnerEnvironment(variables, REPOSITORY, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> () -> { });

        assertThat(WarroomCli.run(env, Topology.warroom(), "smoke", "--target", "ftp://x", "--report", report.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--target must be local or an http(s) URL");
    }
}
