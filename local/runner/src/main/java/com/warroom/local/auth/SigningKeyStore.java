package com.warroom.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The local RSA signing key, kept as a private JWK in the data folder with owner-only permissions:
 * created on first use and reused afterwards, so tokens stay valid across restarts.
 */
public final class SigningKeyStore {

    private static final int KEY_BITS = 2048;

    private final Path file;

    private SigningKeyStore(Path file) {
        this.file = file;
    }

    /** The store of a data folder: {@code <dataDir>/keys/jwt-signing.json}. */
    public static SigningKeyStore in(Path dataDir) {
        return new SigningKeyStore(dataDir.resolve("keys").resolve("jwt-signing.json"));
    }

    public Path file() {
        return file;
    }

    public RSAKey loadOrCreate() throws IOException {
        if (Files.exists(file)) {
            return read();
        }
        Path dir = file.getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path draft = Files.createTempFile(dir, "jwt-signing", ".draft",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, generate().toJSONString(), StandardCharsets.UTF_8);
            // a hard link never replaces: when `up` and `token` race on a fresh folder, one key wins and both use it
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // fall through and read the winner's key
        } finally {
            Files.deleteIfExists(draft);
        }
        return read();
    }

    private RSAKey read() throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new UnusableKey(file + " holds no private key; delete it and a new key is made");
            }
            return key;
        } catch (ParseException e) {
            throw new UnusableKey(file + " is not an RSA JWK (" + e.getMessage() + "); delete it and a new key is made");
        }
    }

    /** The key file exists but holds no usable key; the message names the file and the fix. */
    public static final class UnusableKey extends IOException {

        private static final long serialVersionUID = 1L;

        UnusableKey(String message) {
            super(message);
        }
    }

    private static RSAKey generate() throws IOException {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IOException("could not generate an RSA key", e);
        }
    }
}
