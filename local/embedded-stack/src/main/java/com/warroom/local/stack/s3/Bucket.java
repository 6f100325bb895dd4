package com.warroom.local.stack.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One bucket: its objects by key in S3's listing order, written once and never replaced or removed. With a folder,
 * each object is a file there ({@link ObjectFiles}) and a restart finds them again; without one they live in memory.
 */
final class Bucket {

    private final String name;
    private final Instant created;
    private final Optional<Path> dir;
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>(KeyOrder.UTF8_BINARY);
    // the bytes of each object when there is no folder
    private final Map<String, byte[]> bodies = new HashMap<>();

    private Bucket(String name, Instant created, Optional<Path> dir) {
        this.name = name;
        this.created = created;
        this.dir = dir;
    }

    static Bucket inMemory(String name, Instant created) {
        return new Bucket(name, created, Optional.empty());
    }

    /** A new, empty bucket folder (owner-only). */
    static Bucket create(String name, Path dir, Instant created) {
        try {
            Files.createDirectory(dir, ObjectFiles.folderAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bucket folder " + dir, e);
        }
        return new Bucket(name, created, Optional.of(dir));
    }

    /** A bucket folder as an earlier run left it: every object file read back, any put a crash cut short removed. */
    static Bucket load(Path dir) {
        try {
            Instant created = Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
            var bucket = new Bucket(dir.getFileName().toString(), created, Optional.of(dir));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    if (ObjectFiles.isObject(file)) {
                        StoredObject object = ObjectFiles.readMetadata(file);
                        if (!ObjectFiles.path(dir, object.key()).equals(file)) {
                            throw new IOException(file + " holds the key " + object.key() + ", which is not the key its name is made from");
                        }
                        bucket.objects.put(object.key(), object);
                    } else if (ObjectFiles.isLeftoverPut(file)) {
                        Files.delete(file);
                    }
                }
            }
            return bucket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local S3 bucket folder " + dir, e);
        }
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    /**
     * Keeps the object unless the key has one.
     *
     * @return false when the key has an object already (kept as it is)
     */
    synchronized boolean putIfAbsent(StoredObject object, byte[] body) {
        if (objects.containsKey(object.key())) {
            return false;
        }
        if (dir.isPresent()) {
            try {
                if (!ObjectFiles.create(dir.get(), object, body)) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write an object to " + dir.get(), e);
            }
        } else {
            bodies.put(object.key(), body.clone());
        }
        objects.put(object.key(), object);
        return true;
    }

    synchronized Optional<StoredObject> find(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** The bytes of an object of this bucket. */
    byte[] read(StoredObject object) {
        if (dir.isEmpty()) {
            synchronized (this) {
                return bodies.get(object.key()).clone();
            }
        }
        try {
            return ObjectFiles.readBody(ObjectFiles.path(dir.get(), object.key()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an object of " + dir.get(), e);
        }
    }

    synchronized ListPage list(ListRequest request) {
        List<StoredObject> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        if (request.maxKeys() == 0) {
            return new ListPage(contents, commonPrefixes, Optional.empty());
        }
        String prefix = request.prefix();
        Optional<ListRequest.Marker> marker = request.marker()
                .filter(m -> KeyOrder.UTF8_BINARY.compare(m.value(), prefix) >= 0);
        // keys that share a prefix are one contiguous run in UTF-8 binary order
        NavigableMap<String, StoredObject> from = marker.isPresent() ? objects.tailMap(marker.get().value(), false)
                : objects.tailMap(prefix, true);
        ListRequest.Marker last = null;
        for (StoredObject object : from.values()) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (marker.isPresent() && marker.get().commonPrefix() && key.startsWith(marker.get().value())) {
                continue;
            }
            Optional<String> rolledUp = commonPrefix(key, prefix, request.delimiter());
            if (rolledUp.isPresent() && !commonPrefixes.isEmpty() && commonPrefixes.getLast().equals(rolledUp.get())) {
                continue;
            }
            if (contents.size() + commonPrefixes.size() == request.maxKeys()) {
                return new ListPage(contents, commonPrefixes, Optional.of(last));
            }
            if (rolledUp.isPresent()) {
                commonPrefixes.add(rolledUp.get());
                last = new ListRequest.Marker(rolledUp.get(), true);
            } else {
                contents.add(object);
                last = new ListRequest.Marker(key, false);
            }
        }
        return new ListPage(contents, commonPrefixes, Optional.empty());
    }

    private static Optional<String> commonPrefix(String key, String prefix, Optional<String> delimiter) {
        if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
            return Optional.empty();
        }
        int at = key.indexOf(delimiter.get(), prefix.length());
        return at < 0 ? Optional.empty() : Optional.of(key.substring(0, at + delimiter.get().length()));
    }
}
