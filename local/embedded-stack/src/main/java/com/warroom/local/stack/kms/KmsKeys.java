package com.warroom.local.stack.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local key store: HMAC keys by id, with their aliases; written to the key file (owner-only) on every change
 * when there is one, so a restarted stack seals and verifies with the same keys.
 */
final class KmsKeys {

    static final String ACCOUNT = "000000000000";
    private static final int KEY_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final Optional<Path> file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LocalKey> byId = new LinkedHashMap<>();

    KmsKeys(String region, Optional<Path> file, Clock clock) {
        this.region = region;
        this.file = file;
        this.clock = clock;
        file.filter(Files::exists).ifPresent(this::load);
    }

    synchronized LocalKey create(String alias, String description) {
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        var key = new LocalKey(UUID.randomUUID().toString(), alias, description, clock.instant(), material);
        byId.put(key.keyId(), key);
        save();
        return key;
    }

    /** The key with this alias, made now if there is none. */
    synchronized LocalKey ensure(String alias, String description) {
        return byId.values().stream().filter(k -> k.alias().equals(alias)).findFirst().orElseGet(() -> create(alias, description));
    }

    /** By key id, key ARN, alias name or alias ARN, as KMS accepts them. */
    synchronized LocalKey find(String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            throw KmsError.validation("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        String prefix = "arn:aws:kms:" + region + ":" + ACCOUNT + ":";
        String name = keyId.startsWith(prefix) ? keyId.substring(prefix.length()) : keyId;
        String id = name.startsWith("key/") ? name.substring("key/".length()) : name;
        return byId.values().stream()
                .filter(k -> k.keyId().equals(id) || (!k.alias().isEmpty() && k.alias().equals(name)))
                .findFirst().orElseThrow(() -> KmsError.notFound(keyId));
    }

    String arn(LocalKey key) {
        return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + key.keyId();
    }

    private void load(Path path) {
        try {
            for (JsonNode node : JSON.readTree(path.toFile()).path("keys")) {
                var key = new LocalKey(node.get("keyId").asText(), node.path("alias").asText(""), node.path("description").asText(""),
                        Instant.parse(node.get("created").asText()), Base64.getDecoder().decode(node.get("material").asText()));
                byId.put(key.keyId(), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local KMS key file " + path, e);
        }
    }

    // Written to an owner-only temporary file, then moved over the old one: never readable by others, never half-written.
    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode keys = root.putArray("keys");
        byId.values().forEach(k -> keys.addObject().put("keyId", k.keyId()).put("alias", k.alias()).put("description", k.description())
                .put("created", k.created().toString()).put("material", Base64.getEncoder().encodeToString(k.material())));
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "kms-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local KMS key file " + path, e);
        }
    }
}
