package com.warroom.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.SecretDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalSecretsTest {

    private static final SecretDef SERVER_KEY = new SecretDef("midtrans-server-key", "the Midtrans server key");

    @TempDir
    Path dir;

    @Test
    void read_whenTheVariableIsSet_answersItBeforeTheFile() throws IOException {
        Files.writeString(dir.resolve("midtrans-server-key"), "from-the-file\n");
        LocalSecrets secrets = new LocalSecrets(variables(Map.of("WARROOM_SECRET_MIDTRANS_SERVER_KEY", "SB-Mid-server-123")), dir);

        assertThat(secrets.read(SERVER_KEY)).isEqualTo("SB-Mid-server-123");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SB-Mid-server-123\\n     | SB-Mid-server-123",
        "SB-Mid-server-123\\r\\n  | SB-Mid-server-123",
        "SB-Mid-server-123       | SB-Mid-server-123",
        "line one\\nline two\\n  | line one\\nline two",
        "ends in two\\n\\n       | ends in two\\n"})
    void read_whenOnlyTheFileHoldsIt_answersItWithoutOneTrailingNewline(String content, String expected) throws IOException {
        Files.writeString(dir.resolve("midtrans-server-key"), unescape(content));

        assertThat(new LocalSecrets(variables(Map.of()), dir).read(SERVER_KEY)).isEqualTo(unescape(expected));
    }

    @Test
    void read_whenNeitherHoldsIt_namesTheSecretTheVariableAndTheFile() {
        LocalSecrets secrets = new LocalSecrets(variables(Map.of()), dir);

        assertThatThrownBy(() -> secrets.read(SERVER_KEY))
                .isInstanceOf(SecretMissing.class)
                .hasMessage("secret midtrans-server-key (the Midtrans server key) has no value: neither WARROOM_SECRET_MIDTRANS_SERVER_KEY"
                        + " is set nor the file " + dir.resolve("midtrans-server-key") + " holds one");
    }

    @Test
    void read_whenTheFileIsEmpty_saysSo() throws IOException {
        Files.writeString(dir.resolve("midtrans-server-key"), "\n");

        assertThatThrownBy(() -> new LocalSecrets(variables(Map.of()), dir).read(SERVER_KEY))
                .isInstanceOf(SecretMissing.class)
                .hasMessageEndingWith("(it is empty)");
    }

    @Test
    void fromEnvironment_whenTheRunnerSetTheFolder_readsFilesThere() throws IOException {
        Files.writeString(dir.resolve("midtrans-server-key"), "SB-Mid-server-456\n");
        System.setProperty(LocalSecrets.DIR_SETTING, dir.toString());
        try {
            SecretReader reader = SecretReader.fromEnvironment();

            assertThat(reader).isInstanceOf(LocalSecrets.class);
            assertThat(reader.read(SERVER_KEY)).isEqualTo("SB-Mid-server-456");
        } finally {
            System.clearProperty(LocalSecrets.DIR_SETTING);
        }
    }

    private static Function<String, Optional<String>> variables(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
