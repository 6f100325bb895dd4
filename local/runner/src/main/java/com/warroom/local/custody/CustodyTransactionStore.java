package com.warroom.local.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.payouts.rail.RailStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's transactions: in memory, and, with a folder, one owner-only JSON file per transaction
 * ({@code <id>.json}, named by the simulator's own id since external ids are whatever clients send), replaced whole on
 * each change and read back at start, so a restart of {@code up} loses none.
 */
final class CustodyTransactionStore {

    private static final String SUFFIX = ".json";

    private final Optional<Path> folder;
    private final Map<String, CustodyTransaction> byExternalId = new ConcurrentHashMap<>();
    private final Map<String, String> externalIdById = new ConcurrentHashMap<>();

    CustodyTransactionStore(Optional<Path> folder) {
        this.folder = folder;
        folder.ifPresent(this::load);
    }

    Optional<Path> folder() {
        return folder;
    }

    Optional<CustodyTransaction> byExternalId(String externalTxId) {
        return Optional.ofNullable(byExternalId.get(externalTxId));
    }

    Optional<CustodyTransaction> byId(String id) {
        return Optional.ofNullable(externalIdById.get(id)).flatMap(this::byExternalId);
    }

    /** The payout's latest submission: its transaction created last. */
    Optional<CustodyTransaction> latestOf(String payoutId) {
        return byExternalId.values().stream()
                .filter(t -> t.payoutId().equals(payoutId) || t.externalTxId().equals(payoutId))
                .max(Comparator.comparing(CustodyTransaction::createdAt).thenComparing(CustodyTransaction::externalTxId));
    }

    List<CustodyTransaction> all() {
        return byExternalId.values().stream().sorted(Comparator.comparing(CustodyTransaction::createdAt)).toList();
    }

    synchronized void put(CustodyTransaction transaction) {
        folder.ifPresent(dir -> SimulatorFiles.replace(dir.resolve(transaction.id() + SUFFIX), Json.write(fields(transaction))));
        keep(transaction);
    }

    private void keep(CustodyTransaction transaction) {
        byExternalId.put(transaction.externalTxId(), transaction);
        externalIdById.put(transaction.id(), transaction.externalTxId());
    }

    private void load(Path dir) {
        try {
            SimulatorFiles.ownerOnlyFolder(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path file : files) {
                    keep(read(Json.readTree(Files.readString(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the custody simulator cannot read its transactions in " + dir, e);
        }
    }

    private static Map<String, Object> fields(CustodyTransaction t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", t.id());
        fields.put("externalTxId", t.externalTxId());
        fields.put("assetId", t.transfer().assetId());
        fields.put("amount", t.transfer().amount());
        fields.put("destinationAddress", t.transfer().destinationAddress());
        fields.put("note", t.transfer().note());
        fields.put("status", t.status().name());
        fields.put("txHash", t.txHash().orElse(null));
        fields.put("held", t.held());
        fields.put("createdAt", t.createdAt().toString());
        fields.put("lastUpdated", t.lastUpdated().toString());
        return fields;
    }

    private static CustodyTransaction read(JsonNode node) {
        return new CustodyTransaction(node.path("id").asText(), node.path("externalTxId").asText(),
                new CustodyTransaction.Transfer(node.path("assetId").asText(), node.path("amount").asText(),
                        node.path("destinationAddress").asText(), node.path("note").asText()),
                RailStatus.known(node.path("status").asText()).orElseThrow(), Optional.ofNullable(node.path("txHash").textValue()),
                node.path("held").asBoolean(), Instant.parse(node.path("createdAt").asText()), Instant.parse(node.path("lastUpdated").asText()));
    }
}
