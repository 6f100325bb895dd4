package com.warroom.local.stack.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The on-disk form of an object: one owner-only file per object, named by the SHA-256 of its key (any key of up to
 * 1024 bytes makes a safe file name), holding one JSON line of metadata and then the object's bytes. A file is written
 * whole under a temporary name and then linked to its name, which fails if that name exists: an object is never
 * replaced or half-written, even by a second process on the same folder.
 */
final class ObjectFiles {

    static final String SUFFIX = ".object";
    private static final String TEMP_PREFIX = ".put-";
    private static final int MAX_HEADER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private ObjectFiles() {
    }

    static FileAttribute<?>[] folderAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    static Path path(Path bucketDir, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return bucketDir.resolve(HexFormat.of().formatHex(hash) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Writes the object unless its file exists.
     *
     * @return false when a file for the key is there already (left as it is)
     */
    static boolean create(Path bucketDir, StoredObject object, byte[] body) throws IOException {
        Path target = path(bucketDir, object.key());
        Path temp = bucketDir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes())) {
            write(channel, header(object));
            write(channel, body);
            channel.force(true);
        }
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        } catch (UnsupportedOperationException noHardLinks) {
            try {
                // without hard links: a move that refuses an existing target (not atomic, but this JVM holds the bucket's lock)
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether a file name in a bucket folder is an object (not a put that a crash left half-done). */
    static boolean isObject(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(TEMP_PREFIX);
    }

    static boolean isLeftoverPut(Path file) {
        return file.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    static StoredObject readMetadata(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return metadata(JSON.readTree(headerLine(in, file)), file);
        }
    }

    static byte[] readBody(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            headerLine(in, file);
            return in.readAllBytes();
        }
    }

    private static byte[] headerLine(InputStream in, Path file) throws IOException {
        var header = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0 || header.size() >= MAX_HEADER) {
                throw new IOException("not an object file of the local S3 (no metadata line): " + file);
            }
            header.write(b);
        }
        return header.toByteArray();
    }

    private static byte[] header(StoredObject object) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", object.key()).put("size", object.size()).put("etag", object.etag())
                .put("lastModified", object.lastModified().toString()).put("contentType", object.contentType());
        ObjectNode checksums = node.putObject("checksums");
        object.checksums().forEach(checksums::put);
        // Jackson escapes control characters inside strings, so the header is one line whatever the key holds
        byte[] json = JSON.writeValueAsBytes(node);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private static StoredObject metadata(JsonNode node, Path file) throws IOException {
        try {
            Map<String, String> checksums = new LinkedHashMap<>();
            node.path("checksums").properties().forEach(e -> checksums.put(e.getKey(), e.getValue().asText()));
            return new StoredObject(node.get("key").asText(), node.get("size").asLong(), node.get("etag").asText(),
                    Instant.parse(node.get("lastModified").asText()), node.path("contentType").asText("binary/octet-stream"), checksums);
        } catch (RuntimeException e) {
            throw new IOException("the metadata of " + file + " is not the local S3's: " + e.getMessage(), e);
        }
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
