package com.warroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $WARROOM_DATA/gateway.json}: where the running {@code up} on this folder serves its HTTP API, so that
 * {@code ./warroom smoke --target local} finds it whatever port it got. Written once up is up, removed when it stops.
 */
final class GatewayFile {

    static final String NAME = "gateway.json";

    private GatewayFile() {
    }

    static void write(Path dataDir, URI gateway) throws IOException {
        Path temp = Files.createTempFile(dataDir, ".gateway", ".tmp", OwnerOnly.fileAttributes());
        try {
            Files.writeString(temp, Json.write(Map.of("url", gateway.toString())));
            Files.move(temp, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The URL of the {@code up} on this folder; empty when none is running (or the file cannot be read). */
    static Optional<URI> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(Files.readString(file));
            return node.path("url").isTextual() ? Optional.of(URI.create(node.get("url").asText())) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException ignored) {
            // a stale file only makes smoke find an up that is not listening: it says so
        }
    }
}
