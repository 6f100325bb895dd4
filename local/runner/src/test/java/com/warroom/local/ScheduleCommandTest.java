package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.json.Json;
import com.warroom.local.control.ControlServer;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.local.schedule.LocalScheduler;
import com.warroom.local.schedule.ScheduledFunction;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScheduleExpression;
import com.warroom.topology.Trigger;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warroom schedule list | run NAME} against a control endpoint over a scheduler of stand-in functions, and with none. */
class ScheduleCommandTest {

    private static final Map<String, String> ENV = Map.of("WARROOM_DATA", "data");
    private static final Pattern RAN = Pattern.compile("Ran nightly-sweep \\(run ([0-9a-f-]{36})\\); it answered:");

    @TempDir
    Path workDir;

    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private LocalScheduler scheduler;
    private ControlServer control;

    @BeforeEach
    void createDataFolder() throws IOException {
        Files.createDirectories(workDir.resolve("data"));
    }

    @AfterEach
    void stop() {
        if (control != null) {
            control.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void run_withUpRunning_invokesTheFunctionOnce_andPrintsItsAnswer() throws IOException {
        listen((input, context) -> Map.of("swept", 3, "input", input));

        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "nightly-sweep");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        Matcher ran = RAN.matcher(lines.get(0));
        assertThat(ran.matches()).as(lines.get(0)).isTrue();
        assertThat(Json.readTree(lines.get(1))).isEqualTo(Json.readTree("{\"swept\":3,\"input\":{\"limit\":50}}"));
        assertThat(requestIds).as("one invocation, whose request id is the run id").containsExactly(ran.group(1));
    }

    @Test
    void run_whenTheFunctionThrows_saysSoInOneLineAndExits1() throws IOException {
        listen((input, context) -> {
            throw new IllegalStateException("the approvals table is gone");
        });

        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "nightly-sweep");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .matches("warroom: schedule nightly-sweep run [0-9a-f-]{36} failed: java.lang.IllegalStateException: the approvals table is gone;"
                        + " details in " + Pattern.quote(workDir.resolve("data/warroom.log").toString()));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_whenUpDoesNotKnowTheName_namesTheSchedulesItKnows() throws IOException {
        listen((input, context) -> Map.of());

        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "nightly sweep/2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("warroom: no schedule 'nightly sweep/2'; the schedules are: nightly-sweep");
        assertThat(requestIds).isEmpty();
    }

    @Test
    void run_withNoUpRunning_saysToStartIt() {
        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "approval-keeper");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("warroom: no ./warroom up is running on " + workDir.resolve("data")
                + "; start ./warroom up (with the same WARROOM_DATA), then run this again");
    }

    @Test
    void run_whenTheControlFileIsStale_saysToStartUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(workDir.resolve("data/control.json"), "{\"port\":" + closedPort + ",\"token\":\"left-by-a-killed-up\"}");

        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "approval-keeper");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("warroom: no ./warroom up is running on ");
    }

    @Test
    void run_withNoUpRunningAndAnUnknownName_namesTheTopologysSchedules() {
        CliRun run = CliRun.of(ENV, workDir, "schedule", "run", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("warroom: no schedule 'nope'; the schedules are: approval-keeper, integrity-anchor, stuck-tx-sweeper, reconcile-schedule, ticket-keeper, incident-keeper, slo-weekly");
    }

    @Test
    void list_withNoUpRunning_showsTheTopologysSchedulesAsIfItStartedNow() {
        CliRun run = CliRun.of(ENV, workDir, "schedule", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("SCHEDULE +EXPRESSION +ZONE +NEXT RUN \\(ZONE\\) +NEXT RUN \\(UTC\\)");
        List<String> schedules = List.of("approval-keeper +rate\\(5 minutes\\) +UTC", "integrity-anchor +rate\\(5 minutes\\) +UTC",
                "stuck-tx-sweeper +rate\\(5 minutes\\) +UTC",
                "reconcile-schedule +cron\\(30 0 \\* \\* \\? \\*\\) +Asia/Jakarta", "ticket-keeper +rate\\(1 hour\\) +UTC",
                "incident-keeper +rate\\(1 hour\\) +UTC", "slo-weekly +cron\\(0 8 \\? \\* MON \\*\\) +Asia/Jakarta");
        for (int i = 1; i <= schedules.size(); i++) {
            String offset = schedules.get(i - 1).endsWith("Jakarta") ? "\\+07:00" : "\\+00:00";
            assertThat(lines.get(i)).matches(schedules.get(i - 1)
                    + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d " + offset + " +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
        assertThat(lines.get(schedules.size() + 1)).isEqualTo("No ./warroom up is running on " + workDir.resolve("data")
                + ": the runs it would plan if it started now (a rate counts from its start).");
    }

    @Test
    void list_withUpRunning_showsTheRunsItPlanned() throws IOException {
        listen((input, context) -> Map.of());

        CliRun run = CliRun.of(ENV, workDir, "schedule", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String planned = scheduler.timetable().getFirst().at().toString();
        assertThat(run.out().lines().toList()).hasSize(3).element(1).asString()
                .matches("nightly-sweep +cron\\(30 0 \\* \\* \\? \\*\\) +Asia/Jakarta +\\d{4}-\\d\\d-\\d\\d 00:30:00 \\+07:00 +" + Pattern.quote(planned));
        assertThat(run.out()).contains("As planned by the ./warroom up running on " + workDir.resolve("data") + ".");
    }

    @Test
    void controlFile_isOwnerOnly_andGoesWhenUpStops() throws IOException {
        listen((input, context) -> Map.of());
        Path file = workDir.resolve("data/control.json");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        control.close();
        control = null;
        assertThat(file).doesNotExist();
    }

    @Test
    void schedule_withoutASubcommand_printsUsage() {
        CliRun run = CliRun.of(ENV, workDir, "schedule");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("list", "run");
    }

    private void listen(RequestHandler<Map<String, Object>, Map<String, Object>> behaviour) throws IOException {
        RequestHandler<Map<String, Object>, Map<String, Object>> handler = (Map<String, Object> input, Context context) -> {
            requestIds.add(context.getAwsRequestId());
            return behaviour.handleRequest(input, context);
        };
        var trigger = new Trigger.Schedule(ScheduleExpression.parse("cron(30 0 * * ? *)"),
                ZoneId.of("Asia/Jakarta"), "{\"limit\":50}");
        FunctionDef function = FunctionDef.builder("nightly-sweep").module("functions/test").handler("test.Sweep").trigger(trigger).build();
        scheduler = new LocalScheduler(List.of(new ScheduledFunction(new LocalFunction<>(function, handler), trigger)), Clock.systemUTC(),
                (what, cause) -> { });
        control = ControlServer.start(workDir.resolve("data"), scheduler);
    }
}
