package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TokenMint;
import com.warroom.local.smoke.SmokeHttp;
import com.warroom.local.smoke.SmokeReport;
import com.warroom.local.smoke.SmokeTest;
import com.warroom.local.smoke.SmokeTokens;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warroom smoke}: the post-deploy smoke test and financial safety checks against the local {@code up} or a
 * deployed API; PASS/FAIL/SKIP lines, a JSON and Markdown report, exit 1 on any FAIL.
 */
@Command(name = "smoke",
        description = {
            "Runs the post-deploy smoke test: health, each role's access, a kill switch on a",
            "smoke scope re-enabled through the two-person approval, audit verify, a bad",
            "Midtrans signature, a payout to another wallet, a referral claim without blue",
            "check, a payout without Idempotency-Key, a two-person SCAN_OVERRIDE, the stuck",
            "list. Prints PASS/FAIL/SKIP per check; exits 1 on any FAIL."},
        footer = {"",
            "Tokens: --target local mints them with the local signing key (as ./warroom token)",
            "for the up running on WARROOM_DATA. For a URL: --tokens FILE, a JSON object",
            "  {\"roles\":{\"ops\":\"<jwt>\",...},\"requester\":\"<jwt>\",\"approver\":\"<jwt>\",\"midtransServerKey\":\"...\"}",
            "or the variables WARROOM_SMOKE_TOKEN_<ROLE>, WARROOM_SMOKE_REQUESTER_TOKEN,",
            "WARROOM_SMOKE_APPROVER_TOKEN, WARROOM_SMOKE_MIDTRANS_SERVER_KEY. The requester has",
            "role ops, the approver role super_admin (another person). Missing ones skip checks.",
            "",
            "Example:  ./warroom smoke --target local --report target/smoke"})
final class SmokeCommand implements Callable<Integer> {

    /** The smoke identities' subjects, locally. */
    static final String REQUESTER = "smoke-requester";
    static final String APPROVER = "smoke-approver";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(30);
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--target", required = true, paramLabel = "local|URL",
            description = "local (the ./warroom up on WARROOM_DATA) or the API's base URL, e.g. https://api.example.com")
    String target;

    @Option(names = "--tokens", paramLabel = "FILE", description = "A JSON file of tokens (see below); for a URL target.")
    Path tokensFile;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "smoke-report",
            description = "Where smoke-report.json and smoke-report.md go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    private final RunnerEnvironment env;
    private final Topology topology;
    private final Clock clock;

    SmokeCommand(RunnerEnvironment env, Topology topology, Clock clock) {
        this.env = env;
        this.topology = topology;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Instant started = clock.instant();
        String runId = RUN_TIME.format(started).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
        URI base;
        SmokeTokens tokens;
        if (target.equals("local")) {
            Path dataDir = LocalSettings.dataDir(env);
            Optional<URI> gateway = GatewayFile.read(dataDir);
            if (gateway.isEmpty()) {
                env.err().println("warroom: no ./warroom up is running on " + dataDir + " (no " + GatewayFile.NAME
                        + "); start it first, with the same WARROOM_DATA");
                return 1;
            }
            base = gateway.get();
            try {
                tokens = localTokens(DataFolder.open(dataDir));
            } catch (StartupRefused | IOException e) {
                env.err().println("warroom: smoke cannot mint local tokens: " + e.getMessage());
                return 1;
            }
        } else {
            try {
                base = URI.create(target);
            } catch (IllegalArgumentException e) {
                env.err().println("warroom: --target must be local or a URL: " + e.getMessage());
                return 2;
            }
            if (!List.of("http", "https").contains(String.valueOf(base.getScheme())) || base.getHost() == null) {
                env.err().println("warroom: --target must be local or an http(s) URL, not " + target);
                return 2;
            }
            try {
                tokens = tokensFile != null ? SmokeTokens.fromFile(tokensFile) : SmokeTokens.fromEnvironment(env.variables());
            } catch (IOException | RuntimeException e) {
                env.err().println("warroom: the tokens file " + tokensFile + " is not usable: " + e.getMessage());
                return 2;
            }
        }
        env.out().println("Smoke test " + runId + " against " + base);
        SmokeTest smoke = new SmokeTest(new SmokeHttp(base), tokens, topology, clock, env.out(), runId);
        var checks = smoke.run();
        SmokeReport report = new SmokeReport(runId, base.toString(), started, clock.instant(), checks, smoke.leftBehind());
        Path dir = env.workingDirectory().resolve(reportDir).toAbsolutePath().normalize();
        try {
            List<Path> written = report.writeTo(dir);
            env.out().println("Report: " + written.get(0) + " and " + written.get(1));
        } catch (IOException e) {
            env.err().println("warroom: the report could not be written to " + dir + ": " + e.getMessage());
        }
        if (!report.leftBehind().isEmpty()) {
            env.out().println("Left behind (smoke-labelled): " + String.join("; ", report.leftBehind()));
        }
        env.out().println("smoke: " + report.summary());
        return report.failed() ? 1 : 0;
    }

    // every role's token, and the two smoke identities: requester ops, approver super_admin (fund flags need one)
    private SmokeTokens localTokens(DataFolder data) throws StartupRefused, IOException {
        RSAKey key = data.signingKey();
        TokenMint mint = new TokenMint(key, LocalIdentity.WARROOM_LOCAL, clock);
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, mint(mint, "smoke-" + role.claimValue(), role));
        }
        Path keyFile = data.secretsDir().resolve(Topology.MIDTRANS_SERVER_KEY.logicalName());
        Optional<String> midtransKey = Optional.ofNullable(env.variables().get(Topology.MIDTRANS_SERVER_KEY.localEnvVar()))
                .filter(v -> !v.isBlank())
                .or(() -> readKey(keyFile));
        return new SmokeTokens(roles, Optional.of(mint(mint, REQUESTER, Role.OPS)), Optional.of(mint(mint, APPROVER, Role.SUPER_ADMIN)),
                midtransKey);
    }

    private String mint(TokenMint mint, String sub, Role role) {
        return mint.mint(new TokenMint.DevToken(sub, sub + "@warroom.local", new LinkedHashSet<>(List.of(role)), TOKEN_TTL));
    }

    private static Optional<String> readKey(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()).filter(v -> !v.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
