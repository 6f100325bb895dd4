package com.warroom.local.stack.s3;

import com.warroom.local.stack.LoopbackHttpServer;
import com.warroom.topology.BucketDef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A local S3 for Warroom's write-once buckets: path-style REST on 127.0.0.1 for what Warroom and the AWS CLI use
 * (CreateBucket, ListBuckets, HeadBucket, PutObject with {@code If-None-Match: *}, GetObject, HeadObject,
 * ListObjectsV2), reached by the real {@code S3Client} through {@code AWS_ENDPOINT_URL_S3}. Like the Object Lock
 * buckets it stands for, it never replaces or deletes an object. With a data folder, each bucket is a sub-folder of
 * owner-only files that a restart finds again; without one, objects live in memory.
 */
public final class LocalS3 implements AutoCloseable {

    private final Buckets buckets;
    private final LoopbackHttpServer server;

    private LocalS3(Buckets buckets, LoopbackHttpServer server) {
        this.buckets = buckets;
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free one); keeps objects under {@code dataDir} when there is one. */
    public static LocalS3 start(int port, String region, Optional<Path> dataDir) throws IOException {
        Clock clock = Clock.systemUTC();
        var buckets = new Buckets(dataDir, clock);
        return new LocalS3(buckets, LoopbackHttpServer.start(port, "local-s3", new S3HttpHandler(new S3Operations(buckets, region, clock))));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Creates the topology bucket unless it exists; answers its name ({@link BucketDef#localName()}). */
    public String register(BucketDef bucket) {
        return buckets.ensure(bucket.localName()).name();
    }

    @Override
    public void close() {
        server.close();
    }
}
