package com.warroom.infra;

import com.warroom.topology.SecretDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The Secrets Manager secrets of the topology, named {@link SecretDef#awsName()}. The stack creates each one with a
 * random placeholder and never sees the real value: ops put it after the first deploy, and functions read it at run
 * time, knowing only its name.
 */
public final class RuntimeSecrets extends Construct {

    private final Map<SecretDef, Secret> secrets = new LinkedHashMap<>();

    public RuntimeSecrets(Construct scope, String id, List<SecretDef> definitions) {
        super(scope, id);
        // no value given, so CloudFormation generates a placeholder nobody knows: an unset key fails loudly, never signs with ""
        definitions.forEach(definition -> secrets.put(definition, Secret.Builder.create(this, ConstructIds.pascal(definition.logicalName()))
                .secretName(definition.awsName())
                .description(description(definition))
                // the value was put by hand and often cannot be fetched again from the provider
                .removalPolicy(RemovalPolicy.RETAIN)
                .build()));
    }

    /** The secret built for a definition; a function naming a secret outside the topology is a wiring error. */
    public Secret secret(SecretDef definition) {
        Secret secret = secrets.get(definition);
        if (secret == null) {
            throw new IllegalArgumentException("secret " + definition.logicalName() + " is not in the topology's secrets()");
        }
        return secret;
    }

    /** Every secret, in topology order. */
    public List<Secret> all() {
        return List.copyOf(secrets.values());
    }

    /**
     * The secret's name, what a reading function gets in {@link SecretDef#nameEnvVar()}: the fixed name rather than the
     * secret's parsed-name token, so the environment shows {@code warroom/<logicalName>} as it is.
     */
    public String name(SecretDef definition) {
        secret(definition);
        return definition.awsName();
    }

    static String description(SecretDef definition) {
        return "Warroom " + definition.logicalName() + ": " + definition.holds() + ". Created with a random placeholder;"
                + " ops set the real value after the first deploy (aws secretsmanager put-secret-value --secret-id "
                + definition.awsName() + " --secret-string ...). Functions get only this name, in " + definition.nameEnvVar()
                + ", and read the value at run time.";
    }
}
