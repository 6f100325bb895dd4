package com.warroom.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;

/** A small valid config for tests to start from and break one field at a time. */
final class SeedConfigFixture {

    /** When the fixture's changes are checked: inside the on-call rotations of {@link #withOnCall()}. */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-12-03T10:00:00Z");

    static final String EVM_ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String OTHER_EVM_ADDRESS = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    // the USDC mint and the SPL Token program: real 32-byte keys
    static final String SOLANA_ADDRESS = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    static final String OTHER_SOLANA_ADDRESS = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

    private static final String TEXT = """
            {
              "version": 1,
              "networks": [
                {"chain": "evm:1", "name": "Ethereum", "rpcSecretName": "warroom/rpc/evm-1", "nativeAsset": "ETH"},
                {"chain": "evm:8453", "name": "Base", "rpcSecretName": "warroom/rpc/evm-8453", "nativeAsset": "ETH"},
                {"chain": "solana", "name": "Solana", "rpcSecretName": "warroom/rpc/solana", "nativeAsset": "SOL"}
              ],
              "treasury": [
                {"chain": "evm:1", "asset": "USDC", "address": "%s"},
                {"chain": "solana", "asset": "SOL", "address": "%s"}
              ],
              "feeRules": {
                "presale_success": {"kind": "percentage", "rateBps": 500,
                  "splits": [{"to": "treasury", "bps": 8000}, {"to": "referral", "bps": 1000}, {"to": "sbt", "bps": 1000}]},
                "fairlaunch_success": {"kind": "percentage", "rateBps": 500,
                  "splits": [{"to": "treasury", "bps": 8000}, {"to": "referral", "bps": 1000}, {"to": "sbt", "bps": 1000}]},
                "bonding_swap": {"kind": "percentage", "rateBps": 150,
                  "splits": [{"to": "treasury", "bps": 5000}, {"to": "creator", "bps": 5000}]},
                "blue_check": {"kind": "flat", "amount": {"currency": "USD", "minor": 1000},
                  "splits": [{"to": "treasury", "bps": 7000}, {"to": "referral", "bps": 3000}]},
                "token_creation": {"kind": "flat", "amount": {"currency": "USD", "minor": 2000},
                  "splits": [{"to": "treasury", "bps": 10000}]},
                "sbt_claim": {"kind": "flat", "amount": {"currency": "USD", "minor": 1000},
                  "splits": [{"to": "treasury", "bps": 10000}]}
              },
              "roster": [
                {"email": "alice@example.com", "sub": "0b6f2a9e-1c1d-4c55-9d67-2f3e1f8a9b10", "roles": ["super_admin"]},
                {"email": "bima@example.com", "roles": ["super_admin", "finance"]},
                {"email": "citra@example.com", "roles": ["ops"]}
              ],
              "expRewards": {"CRITICAL": 500, "HIGH": 200, "MEDIUM": 100, "LOW": 50}
            }
            """.formatted(EVM_ADDRESS, SOLANA_ADDRESS);

    private SeedConfigFixture() {
    }

    /** A fresh copy each time, for a test to change. */
    static ObjectNode json() {
        return (ObjectNode) Json.readTree(TEXT);
    }

    /** The on-call section of {@link #withOnCall()}: backend's rotation changes hands at 2026-12-07 00:00 in Jakarta. */
    static final String ON_CALL = """
            {"timeZone": "Asia/Jakarta",
             "rotations": [
               {"area": "backend", "primary": "dewi@example.com", "backup": "eko@example.com", "from": "2026-11-30", "to": "2026-12-07"},
               {"area": "backend", "primary": "eko@example.com", "backup": "dewi@example.com", "from": "2026-12-07"},
               {"area": "ops", "primary": "citra@example.com", "backup": "fajar@example.com", "from": "2026-11-30"},
               {"area": "finance", "primary": "bima@example.com", "backup": "gita@example.com", "from": "2026-11-30"}
             ],
             "escalation": [{"afterMinutes": 15, "call": "backup"}, {"afterMinutes": 30, "call": "alice@example.com"}]}
            """;

    /** The fixture with an on-call section. */
    static ObjectNode withOnCall() {
        ObjectNode json = json();
        json.set("onCall", Json.readTree(ON_CALL));
        return json;
    }

    static SeedConfig config() {
        return switch (SeedConfigParser.parse(json())) {
            case ConfigOutcome.Valid valid -> valid.config();
            case ConfigOutcome.Invalid invalid -> throw new AssertionError("fixture is invalid: " + invalid.errors());
        };
    }
}
