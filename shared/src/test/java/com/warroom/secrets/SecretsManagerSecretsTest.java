package com.warroom.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.warroom.json.Json;
import com.warroom.topology.SecretDef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Against a local server answering Secrets Manager's GetSecretValue (JSON 1.1 protocol), as the SDK calls it. */
class SecretsManagerSecretsTest {

    private static final SecretDef SERVER_KEY = new SecretDef("midtrans-server-key", "the Midtrans server key");
    private static final Map<String, String> NAMED = Map.of("WARROOM_SECRET_MIDTRANS_SERVER_KEY_NAME", "warroom/midtrans-server-key");

    /** The SecretId of every GetSecretValue the server answered. */
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private SecretsManagerClient client;

    @BeforeEach
    void startSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = SecretsManagerClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void read_answersTheSecretStringOfTheSecretItsNameVariableNames() {
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, lookup(NAMED), Duration.ofMinutes(5));

        assertThat(secrets.read(SERVER_KEY)).isEqualTo("SB-Mid-server-789");
        assertThat(requested).containsExactly("warroom/midtrans-server-key");
    }

    @Test
    void read_twiceWithinMaxAge_asksSecretsManagerOnce() {
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, lookup(NAMED), Duration.ofMinutes(5));

        secrets.read(SERVER_KEY);
        secrets.read(SERVER_KEY);

        assertThat(requested).hasSize(1);
    }

    @Test
    void read_whenTheValueIsOlderThanMaxAge_asksAgain() {
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, lookup(NAMED), Duration.ZERO);

        secrets.read(SERVER_KEY);
        secrets.read(SERVER_KEY);

        assertThat(requested).hasSize(2);
    }

    @Test
    void read_whenTheNameVariableIsUnset_namesItWithoutCallingSecretsManager() {
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(client, lookup(Map.of()), Duration.ofMinutes(5));

        assertThatThrownBy(() -> secrets.read(SERVER_KEY))
                .isInstanceOf(SecretMissing.class)
                .hasMessage("secret midtrans-server-key (the Midtrans server key) has no value: WARROOM_SECRET_MIDTRANS_SERVER_KEY_NAME,"
                        + " which names its Secrets Manager secret, is not set");
        assertThat(requested).isEmpty();
    }

    @Test
    void read_whenSecretsManagerHasNoSuchSecret_namesTheSecretAndWhereItsNameCameFrom() {
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(client,
                lookup(Map.of("WARROOM_SECRET_MIDTRANS_SERVER_KEY_NAME", "warroom/deleted")), Duration.ofMinutes(5));

        assertThatThrownBy(() -> secrets.read(SERVER_KEY))
                .isInstanceOf(SecretMissing.class)
                .hasMessage("secret midtrans-server-key (the Midtrans server key) has no value: Secrets Manager has no secret"
                        + " warroom/deleted (named by WARROOM_SECRET_MIDTRANS_SERVER_KEY_NAME)");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = Json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String secretId = request.path("SecretId").asText();
        requested.add(secretId);
        String body;
        int status;
        if ("secretsmanager.GetSecretValue".equals(target) && secretId.equals("warroom/midtrans-server-key")) {
            status = 200;
            body = Json.write(Map.of("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + secretId + "-AbCdEf",
                    "Name", secretId, "SecretString", "SB-Mid-server-789", "VersionId", "v1",
                    "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.7e9));
        } else {
            status = 400;
            body = Json.write(Map.of("__type", "ResourceNotFoundException", "message", "Secrets Manager can't find the specified secret."));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Function<String, Optional<String>> lookup(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
