package com.warroom.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One in-process run of the CLI with its own environment, and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> variables, Path workingDirectory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunnerEnvironment env = new RunnerEnvironment(variables, workingDirectory,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> () -> {
                    throw new AssertionError("only an up that started waits for a stop signal");
                });
        int exit = WarroomCli.run(env, args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
