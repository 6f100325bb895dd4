package com.warroom.local;

import com.warroom.topology.Topology;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ./warroom} command line: {@code up} runs Warroom on this machine, {@code token} prints a dev token,
 * {@code schedule} lists the schedules or fires one in the running {@code up}, {@code midtrans pay} simulates a payment
 * in the running {@code up}, {@code custody} drives its custody simulator, {@code break} breaks its data on purpose
 * for a reconcile run to find, {@code smoke} runs the post-deploy smoke test against it or a deployed API.
 */
@Command(name = "warroom", synopsisSubcommandLabel = "COMMAND",
        description = {"Runs Warroom on this machine: the embedded AWS stack, the functions, a local",
            "HTTP API gateway, queue pollers and a scheduler."})
public final class WarroomCli implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(RunnerEnvironment.ofProcess(), args));
    }

    /** Runs one command line and returns its exit code: 0 done, 1 could not run, 2 wrong usage. */
    public static int run(RunnerEnvironment env, String... args) {
        return run(env, Topology.warroom(), args);
    }

    /** {@link #run} over another wiring: for tests of the runner with functions standing in for ones not built here. */
    static int run(RunnerEnvironment env, Topology topology, String... args) {
        CommandLine cli = new CommandLine(new WarroomCli())
                .addSubcommand(new UpCommand(env, topology))
                .addSubcommand(new TokenCommand(env, Clock.systemUTC()))
                .addSubcommand(new CommandLine(new ScheduleCommand())
                        .addSubcommand(new ScheduleCommand.ListCommand(env, topology, Clock.systemUTC()))
                        .addSubcommand(new ScheduleCommand.RunCommand(env, topology)))
                .addSubcommand(new CommandLine(new MidtransCommand())
                        .addSubcommand(new MidtransCommand.PayCommand(env)))
                .addSubcommand(new CommandLine(new CustodyCommand())
                        .addSubcommand(new CustodyCommand.CompleteCommand(env))
                        .addSubcommand(new CustodyCommand.FailCommand(env))
                        .addSubcommand(new CustodyCommand.InjectCommand(env))
                        .addSubcommand(new CustodyCommand.ListCommand(env)))
                .addSubcommand(new SmokeCommand(env, topology, Clock.systemUTC()))
                .addSubcommand(new CommandLine(new BreakCommand())
                        .addSubcommand(new BreakCommand.DoublePayoutCommand(env))
                        .addSubcommand(new BreakCommand.MisPostedFeeCommand(env))
                        .addSubcommand(new BreakCommand.LostAccessCommand(env)))
                .setOut(new PrintWriter(env.out(), true))
                .setErr(new PrintWriter(env.err(), true))
                .setParameterExceptionHandler((problem, arguments) -> {
                    problem.getCommandLine().getErr().println("warroom: " + problem.getMessage());
                    return problem.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
                })
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println("warroom: " + commandLine.getCommandName() + " failed: " + failure);
                    return 1;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
