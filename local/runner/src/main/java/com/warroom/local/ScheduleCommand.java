package com.warroom.local;

import com.warroom.local.control.ControlClient;
import com.warroom.local.schedule.NextRun;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warroom schedule}: the topology's EventBridge Scheduler schedules, as the local scheduler of {@code up} runs them. */
@Command(name = "schedule", synopsisSubcommandLabel = "(list | run NAME)",
        description = {
            "Lists the schedules, or fires one in the running ./warroom up.",
            "./warroom up fires each schedule of the topology as EventBridge Scheduler",
            "does: its cron(...) or rate(...) in its time zone (a rate counts from the",
            "start of up), with the schedule's payload as the input."})
final class ScheduleCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** {@code warroom schedule list}. */
    @Command(name = "list",
            description = {
                "Lists each schedule with its next run, in its zone and in UTC.",
                "With ./warroom up running on the same WARROOM_DATA, the runs it has planned;",
                "without, the runs it would plan if it started now."})
    static final class ListCommand implements Callable<Integer> {

        private static final DateTimeFormatter IN_ZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        private final RunnerEnvironment env;
        private final Topology topology;
        private final Clock clock;

        ListCommand(RunnerEnvironment env, Topology topology, Clock clock) {
            this.env = env;
            this.topology = topology;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintStream out = env.out();
            Path data = LocalSettings.dataDir(env);
            Optional<List<NextRun>> running = new ControlClient(data).timetable();
            table(running.orElseGet(() -> plannedFrom(clock.instant()))).forEach(out::println);
            out.println(running.isPresent() ? "As planned by the ./warroom up running on " + data + "."
                    : "No ./warroom up is running on " + data + ": the runs it would plan if it started now (a rate counts from its start).");
            return 0;
        }

        private List<NextRun> plannedFrom(Instant start) {
            List<NextRun> runs = new ArrayList<>();
            for (FunctionDef function : topology.functionsTriggeredBy(Trigger.Schedule.class)) {
                Trigger.Schedule schedule = (Trigger.Schedule) function.trigger();
                runs.add(new NextRun(function.name(), schedule.expression().text(), schedule.zone(), NextRun.firstAfterStart(schedule, start)));
            }
            return runs;
        }

        static List<String> table(List<NextRun> runs) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SCHEDULE", "EXPRESSION", "ZONE", "NEXT RUN (ZONE)", "NEXT RUN (UTC)"});
            for (NextRun run : runs) {
                rows.add(new String[] {run.schedule(), run.expression(), run.zone().getId(), IN_ZONE.format(run.at().atZone(run.zone())),
                        DateTimeFormatter.ISO_INSTANT.format(run.at().atOffset(ZoneOffset.UTC))});
            }
            int[] widths = new int[rows.getFirst().length];
            rows.forEach(row -> {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            });
            return rows.stream().map(row -> {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
                }
                return line.toString();
            }).toList();
        }
    }

    /** {@code warroom schedule run NAME}. */
    @Command(name = "run",
            description = {
                "Fires a schedule now in the running ./warroom up; prints the answer.",
                "The up on the same WARROOM_DATA invokes the function as EventBridge Scheduler",
                "would: the schedule's payload as the input, a fresh run id as the Lambda",
                "request id. Exit 1 if it failed, if no up runs, or for an unknown NAME.",
                "Its planned runs are unchanged."})
    static final class RunCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(paramLabel = "NAME", description = "The schedule (the function's name), e.g. approval-keeper.")
        String name;

        private final RunnerEnvironment env;
        private final Topology topology;

        RunCommand(RunnerEnvironment env, Topology topology) {
            this.env = env;
            this.topology = topology;
        }

        @Override
        public Integer call() {
            Path data = LocalSettings.dataDir(env);
            return switch (new ControlClient(data).run(name)) {
                case ControlClient.RunReply.Ran ran -> {
                    env.out().println("Ran " + ran.schedule() + " (run " + ran.runId() + "); it answered:");
                    env.out().println(ran.answer());
                    yield 0;
                }
                case ControlClient.RunReply.RunFailed failed -> refuse("schedule " + failed.schedule() + " run " + failed.runId()
                        + " failed: " + failed.error() + "; details in " + new RunLog(data).file());
                case ControlClient.RunReply.UnknownSchedule unknown -> refuse(unknown(unknown.schedules()));
                case ControlClient.RunReply.NotRunning notRunning -> knownHere().contains(name)
                        ? refuse("no ./warroom up is running on " + data + "; start ./warroom up (with the same WARROOM_DATA), then run this again")
                        : refuse(unknown(knownHere()));
            };
        }

        private List<String> knownHere() {
            return topology.functionsTriggeredBy(Trigger.Schedule.class).stream().map(FunctionDef::name).toList();
        }

        private String unknown(List<String> known) {
            return "no schedule '" + name + "'; the schedules are: " + (known.isEmpty() ? "(none)" : String.join(", ", known));
        }

        private int refuse(String line) {
            env.err().println("warroom: " + line);
            return 1;
        }
    }
}
