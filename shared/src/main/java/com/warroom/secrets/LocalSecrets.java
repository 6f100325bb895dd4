package com.warroom.secrets;

import com.warroom.aws.Settings;
import com.warroom.topology.SecretDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets on a laptop: the value of {@code WARROOM_SECRET_<TOKEN>} (a system property or environment variable), else
 * the file {@code <data folder>/secrets/<logicalName>} without its trailing newline.
 */
public final class LocalSecrets implements SecretReader {

    /** The folder of secret files; the local runner sets it to {@code $WARROOM_DATA/secrets}. */
    public static final String DIR_SETTING = "WARROOM_SECRETS_DIR";

    private final Function<String, Optional<String>> settings;
    private final Path dir;

    /** {@code settings} looks a variable up by name (blank counts as unset); {@code dir} holds a file per secret. */
    public LocalSecrets(Function<String, Optional<String>> settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    public static LocalSecrets fromEnvironment() {
        return new LocalSecrets(Settings::find, Path.of(Settings.require(DIR_SETTING)));
    }

    @Override
    public String read(SecretDef secret) {
        Optional<String> set = settings.apply(secret.localEnvVar());
        if (set.isPresent()) {
            return set.get();
        }
        Path file = dir.resolve(secret.logicalName());
        String where = "neither " + secret.localEnvVar() + " is set nor the file " + file + " holds one";
        if (!Files.isRegularFile(file)) {
            throw new SecretMissing(secret, where);
        }
        String value;
        try {
            value = withoutTrailingNewline(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("secret " + secret.logicalName() + ": the file " + file + " could not be read", e);
        }
        if (value.isEmpty()) {
            throw new SecretMissing(secret, where + " (it is empty)");
        }
        return value;
    }

    // `echo value > file` and editors end the file with one; the value never does
    private static String withoutTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
