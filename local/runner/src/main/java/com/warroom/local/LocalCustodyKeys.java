package com.warroom.local;

import com.warroom.payouts.rail.RsaPem;
import com.warroom.topology.SecretDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The custody credentials on a laptop, made by {@code up} when neither their variable nor their file gives them, so the
 * rail reads them through the local secrets exactly as it reads Secrets Manager in AWS: {@code custody-api-key} (a
 * random UUID, as custodians issue them), {@code custody-signing-key} (a fresh RSA key, PKCS#8 PEM) and
 * {@code custody-callback-key}, the public half (X.509 PEM) of the custody simulator's own key, which the simulator keeps
 * in its folder. All owner-only, local only.
 */
final class LocalCustodyKeys {

    static final SecretDef API_KEY = Topology.CUSTODY_API_KEY;
    static final SecretDef SIGNING_KEY = Topology.CUSTODY_SIGNING_KEY;
    static final SecretDef CALLBACK_KEY = Topology.CUSTODY_CALLBACK_KEY;
    static final String SIMULATOR_KEY_FILE = "callback-signing-key.pem";

    /** The simulator's callback key, and the secret files {@code up} just wrote. */
    record Ensured(RSAPrivateKey simulatorKey, List<Path> written) {
    }

    private LocalCustodyKeys() {
    }

    static Ensured ensure(Path secretsDir, Path custodyDir, Map<String, String> environment) throws IOException {
        List<Path> written = new ArrayList<>();
        if (absent(API_KEY, secretsDir, environment)) {
            written.add(write(secretsDir.resolve(API_KEY.logicalName()), UUID.randomUUID() + "\n"));
        }
        if (absent(SIGNING_KEY, secretsDir, environment)) {
            written.add(write(secretsDir.resolve(SIGNING_KEY.logicalName()), RsaPem.pem((RSAPrivateKey) RsaPem.generate().getPrivate())));
        }
        Path simulatorFile = custodyDir.resolve(SIMULATOR_KEY_FILE);
        boolean newSimulatorKey = !Files.isRegularFile(simulatorFile);
        RSAPrivateKey simulatorKey;
        if (newSimulatorKey) {
            KeyPair pair = RsaPem.generate();
            simulatorKey = (RSAPrivateKey) pair.getPrivate();
            write(simulatorFile, RsaPem.pem(simulatorKey));
        } else {
            simulatorKey = RsaPem.privateKey(Files.readString(simulatorFile));
        }
        // a new simulator key makes the old public half useless; a key given in the variable is the person's choice
        boolean callbackKeySet = isSet(CALLBACK_KEY, environment);
        if (!callbackKeySet && (newSimulatorKey || !Files.isRegularFile(secretsDir.resolve(CALLBACK_KEY.logicalName())))) {
            written.add(write(secretsDir.resolve(CALLBACK_KEY.logicalName()), RsaPem.pem(RsaPem.publicKeyOf(simulatorKey))));
        }
        return new Ensured(simulatorKey, List.copyOf(written));
    }

    private static boolean absent(SecretDef secret, Path secretsDir, Map<String, String> environment) {
        return !isSet(secret, environment) && !Files.isRegularFile(secretsDir.resolve(secret.logicalName()));
    }

    private static boolean isSet(SecretDef secret, Map<String, String> environment) {
        String set = environment.get(secret.localEnvVar());
        return set != null && !set.isBlank();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(OwnerOnly.file(file), text);
        return file;
    }
}
