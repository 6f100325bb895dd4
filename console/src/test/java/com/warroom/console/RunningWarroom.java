package com.warroom.console;

import com.warroom.local.RunnerEnvironment;
import com.warroom.local.StopSignal;
import com.warroom.local.WarroomCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.warroom.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./warroom up} as a person starts it, in this JVM: from the repository root (so it serves console/app and
 * seeds config/seed-v1.json), on free ports, with a data folder of its own. One per test JVM, stopped at exit.
 */
final class RunningWarroom {

    private static final Pattern API_URL = Pattern.compile("API gateway\\s+(http://\\S+)");
    private static final Pattern DYNAMODB_URL = Pattern.compile("DynamoDB\\s+(http://\\S+)");
    // a guard against a hang, not a timing assertion
    private static final long STARTUP_GUARD_SECONDS = 180;
    private static RunningWarroom shared;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI apiUrl;
    private final URI dynamoUrl;
    private final Path dataDir;
    private final Map<String, String> variables;
    private final Path repository;

    private RunningWarroom(URI apiUrl, URI dynamoUrl, Path dataDir, Map<String, String> variables, Path repository) {
        this.apiUrl = apiUrl;
        this.dynamoUrl = dynamoUrl;
        this.dataDir = dataDir;
        this.variables = variables;
        this.repository = repository;
    }

    static synchronized RunningWarroom shared() throws Exception {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static RunningWarroom start() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path data = Files.createTempDirectory("warroom-console-test");
        // WhatsApp on, through a stand-in that refuses every message: an order with only a phone gets a FAILED notification
        RefusingWhatsApp whatsApp = RefusingWhatsApp.start();
        Map<String, String> variables = Map.ofEntries(Map.entry("WARROOM_DATA", data.toString()), Map.entry("WARROOM_PORT", "0"),
                Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
                Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
                Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"),
                Map.entry("WARROOM_WHATSAPP_BASE_URL", whatsApp.baseUrl().toString()),
                Map.entry("WARROOM_SECRET_WHATSAPP_API_TOKEN", "local-test-token"));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch up = new CountDownLatch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if ("Ctrl-C stops it.".equals(line)) {
                    up.countDown();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StopSignal signal = stop::await;
        RunnerEnvironment env = new RunnerEnvironment(variables, repository, printer, new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> signal);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> WarroomCli.run(env, "up"),
                runnable -> new Thread(runnable, "warroom-up").start());
        exit.whenComplete((code, failure) -> up.countDown());
        if (!up.await(STARTUP_GUARD_SECONDS, TimeUnit.SECONDS) || exit.isDone()) {
            throw new IllegalStateException("./warroom up did not come up: " + err.toString(StandardCharsets.UTF_8) + out);
        }
        Matcher url = API_URL.matcher(out.toString(StandardCharsets.UTF_8));
        Matcher dynamo = DYNAMODB_URL.matcher(out.toString(StandardCharsets.UTF_8));
        if (!url.find() || !dynamo.find()) {
            throw new IllegalStateException("no API or DynamoDB URL in: " + out);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                exit.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
            whatsApp.close();
        }));
        return new RunningWarroom(URI.create(url.group(1)), URI.create(dynamo.group(1)), data, variables, repository);
    }

    URI apiUrl() {
        return apiUrl;
    }

    URI console() {
        return apiUrl.resolve("/console/");
    }

    /** The up's DynamoDB Local, for a test that stands in for time passing (or for an insider editing a table). */
    URI dynamoUrl() {
        return dynamoUrl;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A token as the console's local sign-in mints it. */
    String token(String sub, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(apiUrl.resolve("/local/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + sub + "\",\"role\":\"" + role + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.readTree(response.body()).path("token").asText();
    }

    /** What a {@code ./warroom} command printed, and its exit code. */
    record CommandRun(int exitCode, String out, String err) {
    }

    /** Runs another {@code ./warroom} command (token, midtrans pay, ...) beside this up, as a person would in a second shell. */
    CommandRun command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunnerEnvironment env = new RunnerEnvironment(variables, repository, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> () -> { });
        int exit = WarroomCli.run(env, args);
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A token of the platform's own backend (role service), which the console's sign-in does not mint: from ./warroom token. */
    String serviceToken() {
        CommandRun run = command("token", "--role", "service", "--sub", "platform");
        if (run.exitCode() != 0) {
            throw new IllegalStateException("./warroom token failed: " + run.err());
        }
        return run.out().strip();
    }

    /** The audit entries of a target, newest first, through the API: how tests count what a click changed. */
    JsonNode auditEntries(String target) throws IOException, InterruptedException {
        return call("GET", "/v1/admin/audit?limit=200&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8), null,
                token("auditor", "super_admin")).body().path("entries");
    }

    /** An API answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /**
     * Calls the API as a script would (a POST with a fresh Idempotency-Key): how tests set things up and compare. A null
     * token calls without one, as Midtrans calls the webhook.
     */
    Answer call(String method, String path, String json, String token) throws IOException, InterruptedException {
        return call(method, path, json, token, UUID.randomUUID().toString());
    }

    /** {@link #call(String, String, String, String)} with the Idempotency-Key given (for a payout: its id). */
    Answer call(String method, String path, String json, String token, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(apiUrl.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? MissingNode.getInstance() : Json.readTree(response.body()));
    }
}
