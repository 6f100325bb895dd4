package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigSeedTest {

    @Test
    void find_fromAFolderInsideTheRepository_findsTheRepositorysSeedFile(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("config"));
        Files.writeString(repo.resolve("config/seed-v1.json"), "{}");
        Path deep = Files.createDirectories(repo.resolve("local/runner/target"));

        assertThat(LocalConfigSeed.find(deep)).contains(repo.resolve("config/seed-v1.json").toAbsolutePath().normalize());
        assertThat(LocalConfigSeed.find(repo)).contains(repo.resolve("config/seed-v1.json").toAbsolutePath().normalize());
    }

    @Test
    void find_outsideAnyRepository_findsNothing(@TempDir Path elsewhere) {
        assertThat(LocalConfigSeed.find(elsewhere)).isEmpty();
    }
}
