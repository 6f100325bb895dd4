package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import software.constructs.Node;

/** The repository root, against which the functions' Lambda jars ({@link FunctionDef#jarPath()}) are resolved. */
public record RepoRoot(Path path) {

    /** CDK context key that overrides the root: {@code cdk synth -c repoRoot=/path/to/repo}. */
    public static final String CONTEXT_KEY = "repoRoot";
    /** System property that overrides the root when no context value is given. */
    public static final String PROPERTY = "warroom.repoRoot";

    public RepoRoot {
        path = path.toAbsolutePath().normalize();
    }

    /** The context value, else the system property, else the parent of the infra module this code runs from. */
    public static RepoRoot locate(Node node) {
        return Optional.ofNullable(node.tryGetContext(CONTEXT_KEY)).map(Object::toString)
                .or(() -> Optional.ofNullable(System.getProperty(PROPERTY)))
                .filter(value -> !value.isBlank())
                .map(value -> new RepoRoot(Path.of(value)))
                .orElseGet(RepoRoot::ofInfraModule);
    }

    static RepoRoot ofInfraModule() {
        return Stream.of(codeLocation(), Path.of("").toAbsolutePath())
                .flatMap(start -> findAbove(start).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot find the repository root (a folder holding infra/cdk.json)"
                        + " above " + codeLocation() + " or the working directory; pass -c " + CONTEXT_KEY + "=<path>"));
    }

    /** The nearest folder at or above {@code start} that holds {@code infra/cdk.json}. */
    static Optional<RepoRoot> findAbove(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra").resolve("cdk.json"))) {
                return Optional.of(new RepoRoot(dir));
            }
        }
        return Optional.empty();
    }

    /** The function's Lambda jar; fails with the command that builds it when it is missing. */
    public Path lambdaJar(FunctionDef function) {
        Path jar = path.resolve(function.jarPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Lambda jar of " + function.name() + " not found at " + jar
                    + "; build it first: ./mvnw -pl " + function.module() + " -am package -DskipTests (./mvnw -pl infra -am verify"
                    + " builds every function jar before infra's tests)");
        }
        return jar;
    }

    /** The console's static files ({@code console/app}); fails when they are not there. */
    public Path consoleApp() {
        Path app = path.resolve("console").resolve("app");
        if (!Files.isRegularFile(app.resolve("index.html"))) {
            throw new IllegalStateException("the console's files (console/app/index.html) are not at " + app);
        }
        return app;
    }

    private static Path codeLocation() {
        try {
            return Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable code location of the infra module", e);
        }
    }
}
