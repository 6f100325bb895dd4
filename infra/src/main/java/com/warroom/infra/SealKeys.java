package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.KeyDef;
import com.warroom.topology.KeyUse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.constructs.Construct;

/**
 * One KMS HMAC_256 key per {@link KeyDef}, alias {@code alias/warroom-<name>}. Its key policy is the whole of who may
 * use it: the account administers it but may not generate MACs, the functions that seal a record generate and verify,
 * the ones that read sealed records only verify; no IAM policy can add a MAC generator, because an explicit deny of
 * {@code kms:GenerateMac} covers every principal but the sealing functions' roles.
 */
public final class SealKeys extends Construct {

    /** Everything the account needs to administer the key (CDK's key-admin actions): no MAC, encrypt or sign action. */
    static final List<String> ADMIN_ACTIONS = List.of("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
            "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
            "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");
    static final List<String> SEAL_ACTIONS = List.of("kms:GenerateMac", "kms:VerifyMac");
    static final List<String> VERIFY_ACTIONS = List.of("kms:VerifyMac");
    static final String GENERATE_MAC = "kms:GenerateMac";

    private final Map<KeyDef, Key> keys = new LinkedHashMap<>();

    public SealKeys(Construct scope, String id, List<KeyDef> definitions) {
        super(scope, id);
        definitions.forEach(definition -> keys.put(definition, Key.Builder.create(this, ConstructIds.pascal(definition.logicalName()))
                .alias(definition.alias())
                .description("Warroom " + definition.logicalName() + ": HMAC seals over records that control or move money")
                .keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsage.GENERATE_VERIFY_MAC)
                // a deleted key makes every seal unverifiable: all sealed state would read as tampered
                .removalPolicy(RemovalPolicy.RETAIN)
                .policy(PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                        .sid("AccountAdministersButNeverSeals")
                        .principals(List.of(new AccountRootPrincipal()))
                        .actions(ADMIN_ACTIONS)
                        .resources(List.of("*"))
                        .build())).build())
                .build()));
    }

    /** The key built for a definition; a function naming a key outside the topology is a wiring error. */
    public Key key(KeyDef definition) {
        Key key = keys.get(definition);
        if (key == null) {
            throw new IllegalArgumentException("key " + definition.logicalName() + " is not in the topology's keys()");
        }
        return key;
    }

    /** Every key, in topology order. */
    public List<Key> all() {
        return List.copyOf(keys.values());
    }

    /**
     * Gives each key's users their statements: generate for the sealing roles and a deny of generate for everyone else,
     * verify-only for the reading roles. Called once every function (and so its role) exists.
     */
    void grantUses(Map<FunctionDef, WarroomFunction> functions) {
        keys.forEach((definition, key) -> {
            List<String> sealers = roleArns(functions, definition, KeyUse.SEAL);
            List<String> verifiers = roleArns(functions, definition, KeyUse.VERIFY);
            var deny = PolicyStatement.Builder.create()
                    .sid("OnlySealingFunctionsGenerateMacs")
                    .effect(Effect.DENY)
                    .principals(List.of(new AnyPrincipal()))
                    .actions(List.of(GENERATE_MAC))
                    .resources(List.of("*"));
            // with no sealer the deny is unconditional (IAM refuses a condition over an empty list)
            if (!sealers.isEmpty()) {
                deny.conditions(Map.of("StringNotEquals", Map.of("aws:PrincipalArn", sealers)));
            }
            key.addToResourcePolicy(deny.build());
            if (!sealers.isEmpty()) {
                key.addToResourcePolicy(allow("SealingFunctionsGenerateAndVerify", sealers, SEAL_ACTIONS));
            }
            if (!verifiers.isEmpty()) {
                key.addToResourcePolicy(allow("ReadingFunctionsOnlyVerify", verifiers, VERIFY_ACTIONS));
            }
        });
    }

    private static PolicyStatement allow(String sid, List<String> roleArns, List<String> actions) {
        return PolicyStatement.Builder.create().sid(sid)
                .principals(roleArns.stream().<IPrincipal>map(ArnPrincipal::new).toList())
                .actions(actions)
                .resources(List.of("*"))
                .build();
    }

    // sorted by function name: the template must not churn with the map's order
    private static List<String> roleArns(Map<FunctionDef, WarroomFunction> functions, KeyDef key, KeyUse use) {
        return functions.entrySet().stream()
                .filter(entry -> entry.getKey().keys().get(key) == use)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(FunctionDef::name)))
                .map(entry -> entry.getValue().role().getRoleArn())
                .toList();
    }
}
