package com.warroom.local.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults armed by payout id ({@code ./warroom custody inject}), each for the next {@code times} creates of that payout's
 * transactions (external ids {@code <payoutId>} and {@code <payoutId>~r<n>}), so a fault can be armed before the payout
 * is even requested. Kept in {@code faults.json} beside the transactions, so a restart keeps what is still armed.
 */
final class CustodyFaults {

    /** A fault and how many more creates it applies to. */
    record Armed(CustodyFault fault, int times) {
    }

    private final Optional<Path> file;
    private final Map<String, Armed> byPayout = new LinkedHashMap<>();

    CustodyFaults(Optional<Path> file) {
        this.file = file;
        file.filter(Files::isRegularFile).ifPresent(this::load);
    }

    synchronized void arm(String payoutId, CustodyFault fault, int times) {
        byPayout.put(payoutId, new Armed(fault, times));
        save();
    }

    /** The fault for this create, if one is armed for its external id or its payout; one use of it is spent. */
    synchronized Optional<CustodyFault> take(String externalTxId) {
        String key = byPayout.containsKey(externalTxId) ? externalTxId : CustodyTransaction.payoutOf(externalTxId);
        Armed armed = byPayout.get(key);
        if (armed == null) {
            return Optional.empty();
        }
        if (armed.times() <= 1) {
            byPayout.remove(key);
        } else {
            byPayout.put(key, new Armed(armed.fault(), armed.times() - 1));
        }
        save();
        return Optional.of(armed.fault());
    }

    synchronized Map<String, Armed> armed() {
        return Map.copyOf(byPayout);
    }

    private void save() {
        file.ifPresent(path -> {
            Map<String, Object> json = new LinkedHashMap<>();
            byPayout.forEach((payout, armed) -> json.put(payout, Map.of("fault", armed.fault().wireName(), "times", armed.times())));
            SimulatorFiles.replace(path, Json.write(json));
        });
    }

    private void load(Path path) {
        try {
            JsonNode json = Json.readTree(Files.readString(path));
            json.fields().forEachRemaining(entry -> CustodyFault.fromWire(entry.getValue().path("fault").asText())
                    .ifPresent(fault -> byPayout.put(entry.getKey(), new Armed(fault, Math.max(1, entry.getValue().path("times").asInt(1))))));
        } catch (IOException e) {
            throw new UncheckedIOException("the custody simulator cannot read its armed faults in " + path, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("the custody simulator's armed faults in " + path + " are not JSON", e.getCause());
        }
    }
}
