package com.warroom.secrets;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.topology.SecretDef;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * Secrets in AWS: the function finds the Secrets Manager secret's name in {@code WARROOM_SECRET_<TOKEN>_NAME} (set by
 * the CDK app) and reads its value through Powertools' {@link SecretsProvider}, which keeps each value for
 * {@code maxAge} so that a warm function does not call Secrets Manager on every request.
 */
public final class SecretsManagerSecrets implements SecretReader {

    /** Long enough to spare Secrets Manager on a busy function, short enough that a rotation reaches it soon. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final SecretsProvider provider;
    private final Function<String, Optional<String>> settings;

    /** {@code settings} looks a variable up by name (blank counts as unset). */
    public SecretsManagerSecrets(SecretsManagerClient client, Function<String, Optional<String>> settings, Duration maxAge) {
        // the cache's default age, not withMaxAge(): that one is per call and not safe across threads
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(maxAge);
        this.provider = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
        this.settings = settings;
    }

    /** For handler no-arg constructors. */
    public static SecretsManagerSecrets fromEnvironment() {
        return new SecretsManagerSecrets(AwsClients.secretsManager(), Settings::find, DEFAULT_MAX_AGE);
    }

    @Override
    public String read(SecretDef secret) {
        String name = settings.apply(secret.nameEnvVar())
                .orElseThrow(() -> new SecretMissing(secret, secret.nameEnvVar() + ", which names its Secrets Manager secret, is not set"));
        String value;
        try {
            value = provider.get(name);
        } catch (ResourceNotFoundException e) {
            throw new SecretMissing(secret, "Secrets Manager has no secret " + name + " (named by " + secret.nameEnvVar() + ")", e);
        }
        if (value == null || value.isEmpty()) {
            throw new SecretMissing(secret, "the Secrets Manager secret " + name + " (named by " + secret.nameEnvVar() + ") is empty");
        }
        return value;
    }
}
