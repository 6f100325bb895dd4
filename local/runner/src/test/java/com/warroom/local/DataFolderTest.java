package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and everything the runner writes in it are the owner's only. */
class DataFolderTest {

    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("WARROOM_DATA", "data"), Map.entry("WARROOM_PORT", "0"),
            Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
            Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
            Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"));

    @TempDir
    Path workDir;

    private Properties before;

    // up points this JVM's settings at its own stack; other tests' stack must get them back
    @BeforeEach
    void keepSettings() {
        before = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSettings() {
        System.setProperties(before);
    }

    @Test
    void open_whenTheFolderIsNew_createsItOwnerOnly() throws Exception {
        DataFolder data = DataFolder.open(workDir.resolve("new/data"));

        assertThat(mode(data.dir())).isEqualTo("rwx------");
        assertThat(data.tightened()).isZero();
    }

    @Test
    void open_whenTheFolderAndItsFilesAreOpenToOthers_tightensAndCountsThem() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = Files.writeString(dir.resolve("jwt-signing-key.json"), "{}");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path nested = Files.createDirectories(dir.resolve("dynamodb"));
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxrwxrwx"));

        DataFolder data = DataFolder.open(dir);

        assertThat(data.tightened()).isEqualTo(3);
        assertOwnerOnly(dir);
    }

    @Test
    void up_whenTheFolderWasOpenToOthers_saysSoAndLeavesEveryFolderAndFileOwnerOnly() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (RunningUp up = RunningUp.start(ENV, workDir)) {
            assertThat(up.out()).contains("Permissions  made 1 folders and files of the data folder owner-only (0700/0600)");
            assertThat(Files.exists(dir.resolve("control.json"))).isTrue();
            assertOwnerOnly(dir);
            assertThat(up.stop()).isZero();
        }
        assertThat(files(dir)).extracting(p -> dir.relativize(p).toString())
                .contains("up.lock", "warroom.log").anyMatch(name -> name.startsWith("dynamodb/"));
        assertOwnerOnly(dir);
    }

    private static void assertOwnerOnly(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                assertThat(mode(path)).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
