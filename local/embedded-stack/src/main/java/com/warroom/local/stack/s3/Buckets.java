package com.warroom.local.stack.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local S3's buckets by name. With a data folder each bucket is a sub-folder (owner-only), found again on the
 * next start; without one they live in memory. Buckets are created, never deleted.
 */
final class Buckets {

    // S3's rules for new general purpose buckets: 3 to 63 of [a-z0-9.-], starting and ending with a letter or digit
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Optional<Path> root;
    private final Clock clock;
    private final Map<String, Bucket> byName = new TreeMap<>();

    Buckets(Optional<Path> root, Clock clock) {
        this.root = root;
        this.clock = clock;
        root.ifPresent(this::load);
    }

    /**
     * Creates the bucket.
     *
     * @throws S3Error {@code BucketAlreadyOwnedByYou} when it exists, {@code InvalidBucketName} for a name S3 refuses
     */
    synchronized Bucket create(String name) {
        if (byName.containsKey(name)) {
            throw S3Error.of("BucketAlreadyOwnedByYou", 409,
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        if (!NAME.matcher(name).matches() || name.contains("..") || name.contains(".-") || name.contains("-.")) {
            throw S3Error.of("InvalidBucketName", 400, "The specified bucket is not valid: " + name);
        }
        Bucket bucket = root.map(dir -> Bucket.create(name, dir.resolve(name), clock.instant()))
                .orElseGet(() -> Bucket.inMemory(name, clock.instant()));
        byName.put(name, bucket);
        return bucket;
    }

    /** The bucket, created now unless it exists. */
    synchronized Bucket ensure(String name) {
        Bucket bucket = byName.get(name);
        return bucket != null ? bucket : create(name);
    }

    /** @throws S3Error {@code NoSuchBucket} */
    synchronized Bucket find(String name) {
        Bucket bucket = byName.get(name);
        if (bucket == null) {
            throw S3Error.noSuchBucket(name);
        }
        return bucket;
    }

    synchronized List<Bucket> all() {
        return List.copyOf(byName.values());
    }

    private void load(Path dir) {
        try {
            Files.createDirectories(dir, ObjectFiles.folderAttributes());
            try (Stream<Path> folders = Files.list(dir)) {
                folders.filter(Files::isDirectory).map(Bucket::load).forEach(bucket -> byName.put(bucket.name(), bucket));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local S3 data folder " + dir, e);
        }
    }
}
