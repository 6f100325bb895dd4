package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.SigningKeyStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data folder of a local run ({@code WARROOM_DATA}): DynamoDB's files, the signing key, the secrets, the run
 * log, the control file of the running {@code up}, and the lock that keeps a second {@code up} off it.
 * Opening it proves it can be created, listed and written, so that nothing fails halfway for that reason.
 */
final class DataFolder {

    private static final Set<Path> CLAIMED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final int tightened;

    private DataFolder(Path dir, int tightened) {
        this.dir = dir;
        this.tightened = tightened;
    }

    /** Opens the folder, making it and everything in it owner-only ({@link OwnerOnly}) if someone opened them up. */
    static DataFolder open(Path dir) throws StartupRefused {
        try {
            Files.createDirectories(dir, OwnerOnly.folderAttributes());
            int tightened = OwnerOnly.tighten(dir);
            Files.newDirectoryStream(dir).close();
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp", OwnerOnly.fileAttributes()));
            return new DataFolder(dir, tightened);
        } catch (IOException e) {
            throw new StartupRefused("warroom: the data folder " + dir + " is not usable (" + reason(e) + "); set "
                    + LocalSettings.DATA + " to a folder you can read and write");
        }
    }

    Path dir() {
        return dir;
    }

    /** How many folders and files were readable by others when the folder was opened, and are owner-only now. */
    int tightened() {
        return tightened;
    }

    /** Makes what the embedded stack created since the folder was opened (DynamoDB Local's database) owner-only too. */
    void tightenAgain() throws IOException {
        OwnerOnly.tighten(dir);
    }

    /**
     * Claims the folder for one {@code up}: two DynamoDB Locals on one database file would corrupt it. The
     * operating system drops the claim when the process ends, however it ends.
     */
    UpClaim claimForUp() throws StartupRefused {
        // a second channel on the file in this JVM would drop the first one's lock when closed (POSIX locks)
        if (!CLAIMED_IN_THIS_JVM.add(dir)) {
            throw alreadyClaimed();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(OwnerOnly.file(dir.resolve("up.lock")), StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                FileChannel held = channel;
                return () -> release(held);
            }
        } catch (IOException e) {
            release(channel);
            throw new StartupRefused("warroom: the data folder " + dir + " is not usable (" + reason(e) + "); set "
                    + LocalSettings.DATA + " to a folder you can read and write");
        }
        release(channel);
        throw alreadyClaimed();
    }

    private void release(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the system releases the lock when the process ends anyway
        } finally {
            CLAIMED_IN_THIS_JVM.remove(dir);
        }
    }

    /** A data folder claimed by one {@code up} until closed. */
    interface UpClaim extends AutoCloseable {
        @Override
        void close();
    }

    private StartupRefused alreadyClaimed() {
        return new StartupRefused("warroom: another warroom up is already using the data folder " + dir
                + "; stop it, or set " + LocalSettings.DATA + " to another folder");
    }

    Path dynamoDbData() throws IOException {
        return OwnerOnly.folder(dir.resolve("dynamodb"));
    }

    /** {@code kms-keys.json}: the local KMS's HMAC keys (owner-only), made when the topology's keys are first provisioned. */
    Path kmsKeyFile() {
        return dir.resolve("kms-keys.json");
    }

    /** {@code s3/}: the local S3's buckets, a folder each, an owner-only file per object, never overwritten. */
    Path s3Dir() throws IOException {
        return OwnerOnly.folder(dir.resolve("s3"));
    }

    /**
     * {@code metrics/points.jsonl}: every metric point the functions, the gateway and the invocations emitted, one JSON
     * line each: what the local alarm evaluation reads in place of CloudWatch.
     */
    Path metricsFile() throws IOException {
        return OwnerOnly.file(OwnerOnly.folder(dir.resolve("metrics")).resolve("points.jsonl"));
    }

    /**
     * {@code logs/}: the functions' log lines ({@code functions.log}, JSON as Lambda writes them), which an incident's
     * evidence searches as it would search CloudWatch Logs.
     */
    Path logsDir() throws IOException {
        return OwnerOnly.folder(dir.resolve("logs"));
    }

    /** {@code mail/}: the local SES's messages, one owner-only JSON file each. */
    Path mailDir() throws IOException {
        return OwnerOnly.folder(dir.resolve("mail"));
    }

    /** {@code midtrans/}: the Midtrans simulator's transactions, one owner-only JSON file per order. */
    Path midtransDir() throws IOException {
        return OwnerOnly.folder(dir.resolve("midtrans"));
    }

    /** {@code custody/}: the custody simulator's transactions, armed faults and callback key, owner-only. */
    Path custodyDir() throws IOException {
        return OwnerOnly.folder(dir.resolve("custody"));
    }

    /**
     * {@code secrets/}: a file per secret a function reads ({@code com.warroom.secrets.LocalSecrets}), owner-only;
     * created on first use, and made owner-only again if someone opened it up.
     */
    Path secretsDir() throws IOException {
        return OwnerOnly.folder(dir.resolve("secrets"));
    }

    RunLog log() {
        return new RunLog(dir);
    }

    /** The local signing key, created on first use. */
    RSAKey signingKey() throws StartupRefused {
        SigningKeyStore store = SigningKeyStore.in(dir);
        try {
            return store.loadOrCreate();
        } catch (SigningKeyStore.UnusableKey e) {
            throw new StartupRefused("warroom: the signing key " + e.getMessage()
                    + " (tokens signed with the old key stop working)");
        } catch (IOException e) {
            log().failure("the signing key " + store.file() + " is not usable", e);
            throw new StartupRefused("warroom: the signing key " + store.file() + " is not usable (" + reason(e) + "); set "
                    + LocalSettings.DATA + " to a folder you can read and write");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
