package com.warroom.secrets;

import com.warroom.aws.Settings;
import com.warroom.topology.SecretDef;

/**
 * Reads a secret's value when a function needs it: from Secrets Manager in AWS ({@link SecretsManagerSecrets}), from
 * the laptop locally ({@link LocalSecrets}). Never from a value in the function's environment in AWS.
 */
public interface SecretReader {

    /** The secret's value; {@link SecretMissing}, naming the secret and where it was looked for, when there is none. */
    String read(SecretDef secret);

    /**
     * The reader for this process, for handler no-arg constructors: local when the local runner set
     * {@value LocalSecrets#DIR_SETTING}, Secrets Manager otherwise. The function's jar must then hold
     * {@code powertools-parameters-secrets} (shared declares it optional).
     */
    static SecretReader fromEnvironment() {
        return Settings.find(LocalSecrets.DIR_SETTING).isPresent() ? LocalSecrets.fromEnvironment() : SecretsManagerSecrets.fromEnvironment();
    }
}
