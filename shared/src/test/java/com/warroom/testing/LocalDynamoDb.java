package com.warroom.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.warroom.topology.KeyAttribute;
import com.warroom.topology.TableDef;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local for the tests of {@code shared}, one per test JVM, in memory on a free loopback port and reached
 * through the real SDK client. The embedded stack cannot serve here (its module depends on this one), so this is the
 * DynamoDB half of it. Tests take it as a parameter ({@code @ExtendWith(LocalDynamoDb.Extension.class)}).
 */
public final class LocalDynamoDb {

    private static final String LOOPBACK = "127.0.0.1";

    private final DynamoDBProxyServer server;
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.client = DynamoDbClient.builder().endpointOverride(URI.create("http://" + LOOPBACK + ":" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    static LocalDynamoDb start() throws Exception {
        int port = freePort();
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        bindToLoopback(server);
        server.start();
        return new LocalDynamoDb(server, port);
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbEnhancedClient enhanced() {
        return enhanced;
    }

    /** A new, empty table with the keys of {@code def} (no indexes), under a name of its own; its name. */
    public String createTable(TableDef def) {
        String name = def.localName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(def.partitionKey().name()).keyType(KeyType.HASH).build());
        attributes.add(definition(def.partitionKey()));
        def.sortKey().ifPresent(sort -> {
            keys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
            attributes.add(definition(sort));
        });
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(keys).attributeDefinitions(attributes));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    public int count(String tableName) {
        return client.scan(b -> b.tableName(tableName).select("COUNT").consistentRead(true)).count();
    }

    private static AttributeDefinition definition(KeyAttribute key) {
        ScalarAttributeType type = switch (key.kind()) {
            case STRING -> ScalarAttributeType.S;
            case NUMBER -> ScalarAttributeType.N;
        };
        return AttributeDefinition.builder().attributeName(key.name()).attributeType(type).build();
    }

    private void stop() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    // DynamoDB Local has no bind-address option; keep it off every interface but loopback, as the embedded stack does
    private static void bindToLoopback(DynamoDBProxyServer dynamo) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        for (Connector connector : ((Server) field.get(dynamo)).getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(LOOPBACK);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        }
    }

    /** Starts one DynamoDB Local per test JVM and hands it to test parameters of type {@link LocalDynamoDb}. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamoDb.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LocalDynamoDb.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("dynamodb", key -> {
                try {
                    return new Running(start());
                } catch (Exception e) {
                    throw new IllegalStateException("DynamoDB Local did not start", e);
                }
            }, Running.class).dynamo();
        }

        // JUnit closes AutoCloseable store values when the root context ends, i.e. once per test JVM
        private record Running(LocalDynamoDb dynamo) implements AutoCloseable {
            @Override
            public void close() {
                dynamo.stop();
            }
        }
    }
}
