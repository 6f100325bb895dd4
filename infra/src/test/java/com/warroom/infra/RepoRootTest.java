package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    private static final FunctionDef FUNCTION = FunctionDef.builder("thing").module("functions/thing").handler("com.example.Thing")
            .memoryMb(512).timeoutSeconds(10).trigger(new Trigger.Invoked()).build();

    @TempDir
    Path repo;

    @Test
    void findAbove_whenStartingInsideInfra_findsTheFolderHoldingInfraCdkJson() throws IOException {
        Files.createDirectories(repo.resolve("infra/target/classes"));
        Files.writeString(repo.resolve("infra/cdk.json"), "{}");

        assertThat(RepoRoot.findAbove(repo.resolve("infra/target/classes"))).contains(new RepoRoot(repo));
    }

    @Test
    void findAbove_whenNoInfraAbove_findsNothing() {
        assertThat(RepoRoot.findAbove(repo)).isEmpty();
    }

    @Test
    void ofInfraModule_whenRunFromThisBuild_isTheParentOfTheInfraModule() {
        assertThat(Files.isRegularFile(RepoRoot.ofInfraModule().path().resolve("infra/pom.xml"))).isTrue();
    }

    @Test
    void lambdaJar_whenBuilt_isResolvedAgainstTheRoot() throws IOException {
        Path jar = repo.resolve("functions/thing/target/thing-lambda.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {0});

        assertThat(new RepoRoot(repo).lambdaJar(FUNCTION)).isEqualTo(jar);
    }

    @Test
    void lambdaJar_whenMissing_saysWhichModuleToBuild() {
        assertThatThrownBy(() -> new RepoRoot(repo).lambdaJar(FUNCTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -pl functions/thing -am package");
    }

    @Test
    void consoleApp_whenItHasAnIndexPage_isConsoleAppUnderTheRoot() throws IOException {
        Path app = repo.resolve("console/app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("index.html"), "<!doctype html>");

        assertThat(new RepoRoot(repo).consoleApp()).isEqualTo(app);
    }

    @Test
    void consoleApp_whenMissing_saysWhereItLooked() {
        assertThatThrownBy(() -> new RepoRoot(repo).consoleApp())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("console/app/index.html");
    }
}
