package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.LocalTriggers;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenMint;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console as the local gateway serves it: its files, its config, its headers, and the loopback-only sign-in. */
@ExtendWith(EmbeddedStackExtension.class)
class ConsoleSiteTest {

    private static RSAKey key;
    private static LocalGateway gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start(EmbeddedStack stack) throws IOException {
        key = TestKeys.newKey();
        Optional<Path> app = ConsoleSite.find(Path.of(""));
        assertThat(app).as("the repository's console/app, found from the module's folder").isPresent();
        LambdaFunctions routes = LocalTriggers.realize(Topology.warroom(), stack, (what, cause) -> {
            throw new AssertionError(what, cause);
        }).routes();
        gateway = LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), Topology.warroom(), routes,
                new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()), GatewayLimits.DEFAULT,
                ConsoleSite.of(app, new TokenMint(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC())));
        client = new GatewayClient(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void console_isServedWithItsSecurityHeaders() throws IOException {
        HttpResponse<String> index = client.get("/console/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo(Files.readString(ConsoleSite.find(Path.of("")).orElseThrow().resolve("index.html")));
        assertThat(index.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(index.headers().firstValue("content-security-policy")).hasValue(ConsoleSite.CSP);
        assertThat(ConsoleSite.CSP).contains("script-src 'self';").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(index.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(client.get("/console/app.js").headers().firstValue("content-type").orElseThrow()).contains("javascript");
    }

    @Test
    void console_withoutItsSlash_redirects() {
        HttpResponse<String> response = client.get("/console");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValue("/console/");
    }

    @Test
    void config_saysLocalSignInOnTheSameOrigin() {
        HttpResponse<String> config = client.get("/console/config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(Json.readTree(config.body())).isEqualTo(Json.readTree("{\"auth\":\"local\",\"apiUrl\":\"\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/nope.js", "/console/../pom.xml", "/console/%2e%2e/pom.xml", "/console/vendor/"})
    void whatIsNotAConsoleFile_isAProblemNeverAFileOutsideIt(String path) {
        GatewayClient.RawResponse response = client.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1");

        assertThat(response.status()).as(response.body()).isIn(400, 404);
        assertThat(response.header("content-type").orElse("")).isEqualTo("application/problem+json");
        assertThat(response.body()).doesNotContain("<project");
    }

    @Test
    void consoleFiles_areOnlyRead() {
        HttpResponse<String> response = client.send(client.request("/console/index.html").POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void signIn_mintsATokenTheGatewayAccepts() {
        HttpResponse<String> response = signIn("{\"sub\":\"alice\",\"role\":\"ops\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.readTree(response.body());
        assertThat(body.path("sub").asText()).isEqualTo("alice");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(client.get("/v1/system-flags", body.path("token").asText()).statusCode()).isEqualTo(200);
        assertThat(client.get("/v1/admin/audit", body.path("token").asText()).statusCode()).as("ops reads the audit").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sub\":\"alice\",\"role\":\"service\"}", "{\"sub\":\"alice\",\"role\":\"root\"}", "{\"sub\":\"alice\"}",
            "{\"sub\":\"\",\"role\":\"ops\"}", "{\"sub\":\"a b\",\"role\":\"ops\"}", "{\"sub\":7,\"role\":\"ops\"}", "[]", "not json",
            "{\"sub\":\"alice\",\"role\":[\"ops\"]}"})
    void signIn_withABadNameOrRole_is400NamingIt(String body) {
        HttpResponse<String> response = signIn(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.readTree(response.body()).path("errors").findValuesAsText("field")).isNotEmpty()
                .allMatch(f -> f.equals("sub") || f.equals("role") || f.equals("body"));
        assertThat(response.body()).doesNotContain("token\"");
    }

    @Test
    void signIn_withAnOversizedBody_is400() {
        assertThat(signIn("{\"sub\":\"" + "a".repeat(5000) + "\",\"role\":\"ops\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void signIn_isOnlyAPost() {
        assertThat(client.get("/local/sign-in").statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> signIn(String body) {
        return client.send(client.request("/local/sign-in").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
