package com.warroom.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A supported network. Its RPC endpoint is never in config: {@code rpcSecretName} names the Secrets
 * Manager secret whose value holds the endpoint URL (with any API key in it), read at run time.
 */
public record Network(Chain chain, String name, String rpcSecretName, String nativeAsset) {

    /** Where RPC secrets live, so one IAM grant on {@code warroom/rpc/*} covers them all. */
    public static final String RPC_SECRET_PREFIX = "warroom/rpc/";

    // Secrets Manager's own rule for names: up to 512 of these characters
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final int MAX_NAME_LENGTH = 64;

    public Network {
        Objects.requireNonNull(chain, "chain");
        nameProblem(name).ifPresent(Network::refuse);
        rpcSecretNameProblem(rpcSecretName).ifPresent(Network::refuse);
        AssetSymbol.problem(nativeAsset).ifPresent(Network::refuse);
    }

    /** Why {@code name} cannot be a network's display name, or empty when it can. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl) || !name.strip().equals(name)) {
            return Optional.of("must be a display name of 1 to " + MAX_NAME_LENGTH
                    + " characters, without control characters or surrounding spaces");
        }
        return Optional.empty();
    }

    /**
     * Why {@code secretName} cannot be an RPC secret's name, or empty when it can. The prefix rule
     * also refuses a pasted endpoint or API key, which would otherwise pass as a name.
     */
    public static Optional<String> rpcSecretNameProblem(String secretName) {
        if (secretName == null || secretName.isEmpty()) {
            return Optional.of("must name the Secrets Manager secret holding the RPC endpoint");
        }
        if (secretName.contains("://")) {
            return Optional.of("must be a Secrets Manager secret name, not an endpoint URL: the URL belongs in the secret's value");
        }
        if (secretName.startsWith("arn:")) {
            return Optional.of("must be the secret's name, not its ARN");
        }
        if (!SECRET_NAME.matcher(secretName).matches()) {
            return Optional.of("must be a Secrets Manager secret name: up to 512 letters, digits and /_+=.@- characters");
        }
        if (!secretName.startsWith(RPC_SECRET_PREFIX) || secretName.length() == RPC_SECRET_PREFIX.length()) {
            return Optional.of("must be a secret name under " + RPC_SECRET_PREFIX + " (for example "
                    + RPC_SECRET_PREFIX + "evm-1)");
        }
        return Optional.empty();
    }

    private static void refuse(String problem) {
        throw new IllegalArgumentException(problem);
    }
}
