package com.warroom.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** {@code $WARROOM_DATA/warroom.log}: the details behind a one-line error, stack traces included. */
final class RunLog {

    private final Path file;

    RunLog(Path dataDir) {
        this.file = dataDir.resolve("warroom.log");
    }

    Path file() {
        return file;
    }

    /** The log file, created owner-only if it was not there: other writers (the embedded stack's logs) append to it. */
    Path created() throws IOException {
        return OwnerOnly.file(file);
    }

    /** Appends the failure; a log that cannot be written must not hide the failure itself. */
    void failure(String what, Throwable cause) {
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(created(), StandardCharsets.UTF_8, StandardOpenOption.APPEND))) {
            log.println(Instant.now() + " " + what);
            cause.printStackTrace(log);
        } catch (IOException ignored) {
            // the caller prints the one-line error whether or not the details were kept
        }
    }
}
