package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TokenMint;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warroom token}: prints a dev JWT for the local gateway. */
@Command(name = "token",
        description = {
            "Prints a dev JWT for the gateway of ./warroom up. LOCAL ONLY.",
            "RS256, signed with $WARROOM_DATA/keys/jwt-signing.json, which nothing in",
            "AWS trusts. The roles go in cognito:groups, as Cognito puts a user's groups."},
        footer = {"",
            "Example:",
            "  curl -H \"Authorization: Bearer $(./warroom token --role ops --sub alice)\" \\",
            "    http://127.0.0.1:8080/v1/system-flags"})
final class TokenCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
            completionCandidates = RoleConverter.Candidates.class,
            description = "A role for cognito:groups; repeat for more. One of: ${COMPLETION-CANDIDATES}.")
    List<Role> roles;

    @Option(names = "--sub", required = true, paramLabel = "SUB", description = "The caller's subject (user id), e.g. alice.")
    String sub;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The caller's email (default SUB@warroom.local).")
    String email;

    @Option(names = "--ttl", paramLabel = "TTL", defaultValue = "12h", converter = TtlConverter.class,
            description = "How long the token is valid: 90s, 30m, 12h, 7d (default ${DEFAULT-VALUE}).")
    Duration ttl;

    private final RunnerEnvironment env;
    private final Clock clock;

    TokenCommand(RunnerEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (sub.isBlank()) {
            env.err().println("warroom: --sub must not be blank");
            return 2;
        }
        RSAKey key;
        try {
            key = DataFolder.open(LocalSettings.dataDir(env)).signingKey();
        } catch (StartupRefused refused) {
            env.err().println(refused.getMessage());
            return 1;
        }
        String address = email == null ? sub + "@warroom.local" : email;
        env.out().println(new TokenMint(key, LocalIdentity.WARROOM_LOCAL, clock)
                .mint(new TokenMint.DevToken(sub, address, new LinkedHashSet<>(roles), ttl)));
        return 0;
    }
}
