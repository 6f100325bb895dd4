package com.warroom.local.custody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** The simulator's files in the data folder: owner-only, each replaced whole so that a reader never sees half of one. */
final class SimulatorFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SimulatorFiles() {
    }

    static void ownerOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir, attributes("rwx------"));
    }

    static void replace(Path file, String text) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), ".custody", ".tmp", attributes("rw-------"));
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the custody simulator cannot write " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is ignored at the next start (it does not end in .json)
                }
            }
        }
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
