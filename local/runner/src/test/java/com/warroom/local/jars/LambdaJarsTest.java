package com.warroom.local.jars;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Every function's Lambda jar, as CDK uploads it, on its own: loaded in a class loader that sees nothing but the jar
 * and the JDK, its handler built through the no-arg constructor as Lambda builds it, and its SnapStart priming run as
 * before a snapshot, against the embedded stack. A jar missing a library its code path needs fails here, and so does
 * priming that writes anything. And each jar holds the Step Functions and SNS clients only where its functions call them.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LambdaJarsTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();
    private static EmbeddedStack stack;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    @Test
    void everyFunction_whenBuiltFromItsJarAloneAndPrimed_startsAndWritesNothing() throws Exception {
        Map<String, Object> before = everythingStored();

        for (FunctionDef function : Topology.warroom().functions()) {
            try (URLClassLoader jar = new URLClassLoader(new URL[] {jar(function).toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Object handler = Class.forName(function.handlerClass(), true, jar).getConstructor().newInstance();
                assertThat(handler.getClass().getInterfaces()).as(function.name())
                        .extracting(Class::getName).contains("com.amazonaws.services.lambda.runtime.RequestHandler");
                Class.forName("com.warroom.lambda.Priming", true, jar).getMethod("primeRegistered").invoke(null);
            }
        }

        assertThat(everythingStored()).as("priming reads only: every table and queue as before").isEqualTo(before);
    }

    @Test
    void everyJar_holdsTheStepFunctionsAndSnsClientsOnlyWhereItsFunctionsCallThem() throws IOException {
        Map<Path, List<FunctionDef>> byJar = Topology.warroom().functions().stream()
                .collect(Collectors.groupingBy(LambdaJarsTest::jar, LinkedHashMap::new, Collectors.toList()));
        for (var entry : byJar.entrySet()) {
            boolean callsSfn = entry.getValue().stream().anyMatch(f -> !f.startsWorkflows().isEmpty() || !f.completesWorkflowTasks().isEmpty())
                    // MERGE: reconcile-api and reconcile-schedule start the reconcile workflow (.starts("reconcile")) once its
                    // ScanWorkflowDef is in the topology; then this line goes
                    || entry.getKey().endsWith("reconcile-lambda.jar");
            boolean callsSns = entry.getValue().stream().anyMatch(f -> !f.publishesTo().isEmpty());
            Set<String> packages = packages(entry.getKey());
            assertThat(packages.contains("software/amazon/awssdk/services/sfn")).as("sfn in " + entry.getKey()).isEqualTo(callsSfn);
            assertThat(packages.contains("software/amazon/awssdk/services/sns")).as("sns in " + entry.getKey()).isEqualTo(callsSns);
        }
    }

    @Test
    void bouncyCastle_isOnlyInTheJarsThatValidateConfigPayloads() throws IOException {
        Set<String> withBouncyCastle = Topology.warroom().functions().stream().map(LambdaJarsTest::jar).distinct()
                .filter(jar -> packagesUnchecked(jar).contains("org/bouncycastle/jcajce"))
                .map(jar -> jar.getFileName().toString()).collect(Collectors.toSet());

        // approval requests for config changes are validated when recorded and applied; the config routes validate them
        // first; reading the config in force parses it again (EIP-55 checksums), so config-read needs it too, and so does
        // payout (its API checks users' EVM wallets and reads the supported networks and treasuries)
        assertThat(withBouncyCastle).containsExactlyInAnyOrder("approvals-lambda.jar", "config-lambda.jar", "config-read-lambda.jar",
                "payout-lambda.jar");
    }

    private static Path jar(FunctionDef function) {
        Path jar = REPO.resolve(function.jarPath());
        assertThat(jar).as("the Lambda jar of %s (built by the module's package phase)", function.name()).isRegularFile();
        return jar;
    }

    private static Set<String> packages(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && n.contains("/"))
                    .map(n -> n.substring(0, n.lastIndexOf('/'))).collect(Collectors.toSet());
        }
    }

    private static Set<String> packagesUnchecked(Path jar) {
        try {
            return packages(jar);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every item of every table and the depth of every queue (topics' local queues included). */
    private static Map<String, Object> everythingStored() {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (TableDef table : Topology.warroom().tables()) {
            List<Map<String, AttributeValue>> items = stack.dynamoDb().scanPaginator(b -> b.tableName(table.localName()).consistentRead(true))
                    .items().stream().toList();
            stored.put(table.logicalName(), items);
        }
        for (String queueUrl : stack.sqs().listQueues().queueUrls()) {
            Map<QueueAttributeName, String> attributes = stack.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            // a message other tests left in flight may become visible again meanwhile: only the total says what was sent
            stored.put(queueUrl, Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
        }
        return stored;
    }
}
