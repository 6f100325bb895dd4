package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.SigningKeyStore;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data folder of a local run ({@code WARROOM_DATA}): DynamoDB's files, the signing key and the run log.
 * Opening it proves it can be created, listed and written, so that nothing fails halfway for that reason.
 */
final class DataFolder {

    private final Path dir;

    private DataFolder(Path dir) {
        this.dir = dir;
    }

    static DataFolder open(Path dir) throws StartupRefused {
        try {
            Files.createDirectories(dir);
            Files.newDirectoryStream(dir).close();
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw new StartupRefused("warroom: the data folder " + dir + " is not usable (" + reason(e) + "); set "
                    + LocalSettings.DATA + " to a folder you can read and write");
        }
        return new DataFolder(dir);
    }

    Path dir() {
        return dir;
    }

    Path dynamoDbData() throws IOException {
        return Files.createDirectories(dir.resolve("dynamodb"));
    }

    RunLog log() {
        return new RunLog(dir);
    }

    /** The local signing key, created on first use. */
    RSAKey signingKey() throws StartupRefused {
        SigningKeyStore store = SigningKeyStore.in(dir);
        try {
            return store.loadOrCreate();
        } catch (IOException e) {
            log().failure("the signing key " + store.file() + " is not usable", e);
            throw new StartupRefused("warroom: the signing key " + store.file() + " is not usable (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
