package com.warroom.local.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $WARROOM_DATA/control.json}: where a running {@code up} listens for the commands that act on it, and the token
 * they must send. Owner-only, so that another user of the machine cannot reach the runner's functions through it.
 */
record ControlFile(int port, String token) {

    static final String NAME = "control.json";

    static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** Replaces the file at once (readers never see half of it). */
    void writeTo(Path dataDir) throws IOException {
        Path temp = Files.createTempFile(dataDir, ".control", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, Json.write(Map.of("port", port, "token", token)));
            Files.move(temp, in(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file of the {@code up} on this folder; empty when there is none (or it cannot be read). */
    static Optional<ControlFile> readFrom(Path dataDir) {
        Path file = in(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(Files.readString(file));
            return node.path("port").canConvertToInt() && node.path("token").isTextual()
                    ? Optional.of(new ControlFile(node.get("port").asInt(), node.get("token").asText()))
                    : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Removes the file if it is still this one (a later {@code up} on the folder may have replaced it). */
    void removeFrom(Path dataDir) {
        if (readFrom(dataDir).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(in(dataDir));
            } catch (IOException ignored) {
                // a stale file only makes the next command find nothing listening
            }
        }
    }
}
