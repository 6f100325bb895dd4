package com.warroom.config;

import java.util.Optional;

/** A blockchain the platform supports, named {@code evm:<chainId>} (e.g. {@code evm:8453}) or {@code solana}. */
public sealed interface Chain permits Chain.Evm, Chain.Solana {

    Solana SOLANA = new Solana();

    /** The chain's name in config, events and audit entries. */
    String key();

    /** Why {@code address} cannot be a wallet on this chain, or empty when it can. */
    Optional<String> addressProblem(String address);

    /** An EVM chain, by its EIP-155 chain id. */
    record Evm(long chainId) implements Chain {
        public Evm {
            if (chainId < 1) {
                throw new IllegalArgumentException("an EVM chain id is positive: " + chainId);
            }
        }

        @Override
        public String key() {
            return "evm:" + chainId;
        }

        @Override
        public Optional<String> addressProblem(String address) {
            return EvmAddress.problem(address);
        }
    }

    /** Solana mainnet. */
    record Solana() implements Chain {
        @Override
        public String key() {
            return "solana";
        }

        @Override
        public Optional<String> addressProblem(String address) {
            return SolanaAddress.problem(address);
        }
    }

    /** The chain named {@code key}, or empty when the name is not {@code evm:<chainId>} or {@code solana}. */
    static Optional<Chain> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.equals("solana")) {
            return Optional.of(SOLANA);
        }
        if (!key.startsWith("evm:")) {
            return Optional.empty();
        }
        String id = key.substring(4);
        // at most 18 digits keeps every id inside a long; EIP-2294 bounds real chain ids far lower
        boolean decimal = !id.isEmpty() && id.length() <= 18 && id.charAt(0) != '0'
                && id.chars().allMatch(c -> c >= '0' && c <= '9');
        return decimal ? Optional.of(new Evm(Long.parseLong(id))) : Optional.empty();
    }
}
