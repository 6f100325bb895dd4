package com.warroom.local.custody;

import com.warroom.payouts.rail.RailStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One transaction in the custody simulator, rendered as the custody API's transaction object. {@code held} keeps it in
 * PENDING_AUTHORIZATION until it is driven by hand.
 */
public record CustodyTransaction(String id, String externalTxId, Transfer transfer, RailStatus status, Optional<String> txHash,
                                 boolean held, Instant createdAt, Instant lastUpdated) {

    /** A payout's later submissions are {@code <payoutId>~r<n>}. */
    private static final Pattern SUBMISSION = Pattern.compile("~r[0-9]+$");

    /** What the create asked for. */
    public record Transfer(String assetId, String amount, String destinationAddress, String note) {
    }

    public CustodyTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalTxId, "externalTxId");
        Objects.requireNonNull(txHash, "txHash");
    }

    /** The payout an external id belongs to: {@code P1} for {@code P1} and {@code P1~r2}. */
    public static String payoutOf(String externalTxId) {
        return SUBMISSION.matcher(externalTxId).replaceFirst("");
    }

    public String payoutId() {
        return payoutOf(externalTxId);
    }

    /** This transaction in {@code status} since {@code at}; {@code txHash} once it has been broadcast. */
    CustodyTransaction movedTo(RailStatus next, Instant at, String hashIfNone) {
        boolean broadcast = next == RailStatus.BROADCASTING || next == RailStatus.CONFIRMING || next == RailStatus.COMPLETED;
        return new CustodyTransaction(id, externalTxId, transfer, next, txHash.isPresent() || !broadcast ? txHash : Optional.of(hashIfNone),
                held, createdAt, at);
    }

    /** The transaction object of get-by-external-id and of callbacks' {@code data}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("externalTxId", externalTxId);
        json.put("status", status.name());
        json.put("operation", "TRANSFER");
        json.put("assetId", transfer.assetId());
        json.put("source", Map.of("type", "VAULT_ACCOUNT", "id", "0"));
        json.put("destination", Map.of("type", "ONE_TIME_ADDRESS"));
        json.put("destinationAddress", transfer.destinationAddress());
        json.put("amount", transfer.amount());
        json.put("note", transfer.note());
        txHash.ifPresent(hash -> json.put("txHash", hash));
        json.put("createdAt", createdAt.toEpochMilli());
        json.put("lastUpdated", lastUpdated.toEpochMilli());
        return json;
    }
}
