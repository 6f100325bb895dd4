package com.warroom.local.stack.kms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.LoopbackHttpServer;
import com.warroom.topology.KeyDef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A local KMS for Warroom's seals: HMAC_256 keys answering CreateKey, DescribeKey, GenerateMac and VerifyMac in the
 * AWS JSON 1.1 protocol on 127.0.0.1, so that the real {@code KmsClient} reaches it through {@code AWS_ENDPOINT_URL_KMS}.
 * Keys live in the key file when there is one (a restart keeps them), else in memory.
 */
public final class LocalKms implements AutoCloseable {

    private final KmsKeys keys;
    private final LoopbackHttpServer server;

    private LocalKms(KmsKeys keys, LoopbackHttpServer server) {
        this.keys = keys;
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free one); key ARNs carry {@code region}. */
    public static LocalKms start(int port, String region, Optional<Path> keyFile) throws IOException {
        var keys = new KmsKeys(region, keyFile, Clock.systemUTC());
        var json = new ObjectMapper();
        return new LocalKms(keys, LoopbackHttpServer.start(port, "local-kms", new KmsHttpHandler(new KmsOperations(keys, json), json)));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** The key with the topology key's alias, made now unless it exists; answers its ARN. */
    public String register(KeyDef key) {
        return keys.arn(keys.ensure(key.alias(), "warroom " + key.logicalName()));
    }

    /** The ARN of a registered key. */
    public String keyArn(KeyDef key) {
        return keys.arn(keys.find(key.alias()));
    }

    @Override
    public void close() {
        server.close();
    }
}
