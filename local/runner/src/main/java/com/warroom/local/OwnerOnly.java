package com.warroom.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one rule for the data folder: it holds a signing key, a control token and every table's data, so its folders are
 * 0700 and its files 0600. On a file system without POSIX permissions (Windows) there is nothing to set.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the folder (and its missing parents) if needed and makes it owner-only. */
    static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, FOLDER);
        return dir;
    }

    /** Creates an empty owner-only file if there is none, so that whoever writes it next does not create it readable. */
    static Path file(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes());
        } catch (FileAlreadyExistsException exists) {
            restrict(file, FILE);
        }
        return file;
    }

    static FileAttribute<?>[] fileAttributes() {
        return attributes(FILE);
    }

    static FileAttribute<?>[] folderAttributes() {
        return attributes(FOLDER);
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /** Makes every folder and file under {@code dir}, itself included, owner-only; the number it had to tighten. */
    static int tighten(Path dir) throws IOException {
        if (!POSIX) {
            return 0;
        }
        int[] tightened = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                tightened[0] += restrict(folder, FOLDER) ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                // a symbolic link's own mode means nothing, and what it points at is not ours to change
                if (attributes.isRegularFile()) {
                    tightened[0] += restrict(file, FILE) ? 1 : 0;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // a file that went away while walking (a database journal) needs nothing
                return FileVisitResult.CONTINUE;
            }
        });
        return tightened[0];
    }

    private static boolean restrict(Path path, Set<PosixFilePermission> allowed) throws IOException {
        if (!POSIX || Files.getPosixFilePermissions(path).equals(allowed)) {
            return false;
        }
        Files.setPosixFilePermissions(path, allowed);
        return true;
    }
}
