package com.warroom.local.stack.ses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the local SES took: every message in memory, and, when it has a folder, one owner-only JSON file per message
 * named {@code <yyyyMMdd'T'HHmmss'Z'>-<MessageId>.json} so that {@code ls} lists them oldest first.
 */
final class Mailbox {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Optional<Path> folder;
    private final ObjectMapper json;
    private final List<SentEmail> sent = new ArrayList<>();

    Mailbox(Optional<Path> folder, ObjectMapper json) {
        this.folder = folder;
        this.json = json;
        folder.ifPresent(dir -> {
            try {
                Files.createDirectories(dir, POSIX ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the local SES mail folder " + dir, e);
            }
        });
    }

    synchronized void keep(SentEmail email) {
        folder.ifPresent(dir -> write(dir.resolve(FILE_TIME.format(email.receivedAt()) + "-" + email.messageId() + ".json"), email));
        sent.add(email);
    }

    synchronized List<SentEmail> sent() {
        return List.copyOf(sent);
    }

    Optional<Path> folder() {
        return folder;
    }

    private void write(Path file, SentEmail email) {
        ObjectNode node = json.createObjectNode();
        node.put("MessageId", email.messageId());
        node.put("ReceivedAt", email.receivedAt().toString());
        node.put("From", email.from());
        node.set("To", json.valueToTree(email.to()));
        node.set("Cc", json.valueToTree(email.cc()));
        node.set("Bcc", json.valueToTree(email.bcc()));
        node.put("Subject", email.subject());
        email.text().ifPresent(text -> node.put("Text", text));
        email.html().ifPresent(html -> node.put("Html", html));
        try {
            // made owner-only before anything is in it
            Files.createFile(file, POSIX ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0]);
            Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the message in " + file, e);
        }
    }
}
