package com.warroom.local.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's transactions: in memory, and, with a folder, one owner-only JSON file per order
 * ({@code <order_id>.json}, replaced whole on each change) read back at start, so a restart of {@code up} loses none.
 * Order ids are Midtrans's ({@code [A-Za-z0-9._~-]}, no {@code /}), so they are safe file names.
 */
final class TransactionStore {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final String SUFFIX = ".json";

    private final Optional<Path> folder;
    private final Map<String, SimulatedTransaction> byOrder = new ConcurrentHashMap<>();

    TransactionStore(Optional<Path> folder) {
        this.folder = folder;
        folder.ifPresent(this::load);
    }

    Optional<Path> folder() {
        return folder;
    }

    Optional<SimulatedTransaction> byOrderId(String orderId) {
        return Optional.ofNullable(byOrder.get(orderId));
    }

    Optional<SimulatedTransaction> byTransactionId(String transactionId) {
        return byOrder.values().stream().filter(t -> t.transactionId().equals(transactionId)).findFirst();
    }

    synchronized void put(SimulatedTransaction transaction) {
        folder.ifPresent(dir -> write(dir, transaction));
        byOrder.put(transaction.orderId(), transaction);
    }

    private void load(Path dir) {
        try {
            Files.createDirectories(dir, POSIX ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path file : files) {
                    SimulatedTransaction transaction = read(Json.readTree(Files.readString(file)));
                    byOrder.put(transaction.orderId(), transaction);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Midtrans simulator cannot read its transactions in " + dir, e);
        }
    }

    private static void write(Path dir, SimulatedTransaction transaction) {
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".transaction", ".tmp", POSIX ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0]);
            Files.writeString(temp, Json.write(fields(transaction)));
            Files.move(temp, dir.resolve(transaction.orderId() + SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the Midtrans simulator cannot keep the transaction of " + transaction.orderId(), e);
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

    private static Map<String, Object> fields(SimulatedTransaction t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", t.orderId());
        fields.put("transactionId", t.transactionId());
        fields.put("paymentType", t.paymentType());
        fields.put("status", t.status().wireName());
        fields.put("fraud", t.fraud().wireName());
        fields.put("grossAmount", t.grossAmount());
        fields.put("currency", t.currency());
        fields.put("transactionTime", t.transactionTime());
        fields.put("settlementTime", t.settlementTime().orElse(null));
        fields.put("expiryTime", t.expiryTime());
        fields.put("vaNumber", t.vaNumber());
        return fields;
    }

    private static SimulatedTransaction read(JsonNode node) {
        return new SimulatedTransaction(node.path("orderId").asText(), node.path("transactionId").asText(), node.path("paymentType").asText(),
                PaymentStatus.fromWire(node.path("status").asText()).orElseThrow(),
                PaymentStatus.FraudStatus.fromWire(node.path("fraud").asText()).orElseThrow(),
                node.path("grossAmount").asText(), node.path("currency").asText(), node.path("transactionTime").asText(),
                Optional.ofNullable(node.path("settlementTime").textValue()), node.path("expiryTime").asText(), node.path("vaNumber").asText());
    }
}
