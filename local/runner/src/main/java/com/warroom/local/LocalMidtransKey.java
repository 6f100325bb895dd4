package com.warroom.local;

import com.warroom.topology.SecretDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Midtrans server key on a laptop: the local secret {@code midtrans-server-key}, shared by the webhook's signature
 * check, the processor's get-status calls and the Midtrans simulator. When neither its variable nor its file gives one,
 * {@code up} writes the documented local-only default into the file (owner-only), so that notifications can be signed by
 * hand with a key everyone knows; nothing in AWS ever accepts it.
 */
final class LocalMidtransKey {

    static final String LOCAL_DEFAULT = "SB-Mid-server-warroom-local-only";
    static final SecretDef SECRET = Topology.MIDTRANS_SERVER_KEY;

    private LocalMidtransKey() {
    }

    /** The file the default went to, when {@code up} just wrote it; empty when a key was there already. */
    static java.util.Optional<Path> ensure(Path secretsDir, Map<String, String> environment) throws IOException {
        String set = environment.get(SECRET.localEnvVar());
        Path file = secretsDir.resolve(SECRET.logicalName());
        if ((set != null && !set.isBlank()) || Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        Files.writeString(OwnerOnly.file(file), LOCAL_DEFAULT + "\n");
        return java.util.Optional.of(file);
    }
}
