package com.warroom.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the CLI takes from its process: environment variables, working directory, output streams and how
 * it is told to stop. Tests pass their own.
 */
public record RunnerEnvironment(
        Map<String, String> variables,
        Path workingDirectory,
        PrintStream out,
        PrintStream err,
        Supplier<StopSignal> stopSignal) {

    public RunnerEnvironment {
        variables = Map.copyOf(variables);
    }

    static RunnerEnvironment ofProcess() {
        return new RunnerEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err, OsSignals::install);
    }
}
