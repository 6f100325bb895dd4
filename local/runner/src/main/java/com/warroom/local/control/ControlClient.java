package com.warroom.local.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.schedule.NextRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./warroom schedule}, {@code ./warroom midtrans} and {@code ./warroom custody} ask the {@code up} running on
 * a data folder, through its control endpoint.
 */
public final class ControlClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();

    public ControlClient(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** How a run asked of the running {@code up} ended. */
    public sealed interface RunReply {
        /** No {@code up} answers on this data folder (no control file, or nothing listening where it says). */
        record NotRunning() implements RunReply {
        }

        /** {@code answer} is the handler's answer as JSON text. */
        record Ran(String schedule, String runId, String answer) implements RunReply {
        }

        record RunFailed(String schedule, String runId, String error) implements RunReply {
        }

        record UnknownSchedule(List<String> schedules) implements RunReply {
        }
    }

    /** How a simulated payment asked of the running {@code up} ended. */
    public sealed interface PayReply {
        record NotRunning() implements PayReply {
        }

        /** The notification (JSON text) went to {@code webhook}, which answered {@code status} and {@code body}. */
        record Delivered(String notification, String webhook, int status, String body) implements PayReply {
        }

        record Refused(String why) implements PayReply {
        }
    }

    /** How an operation on the running {@code up}'s custody simulator ended. */
    public sealed interface CustodyReply {
        record NotRunning() implements CustodyReply {
        }

        /** The simulator answered {@code status} with {@code body} (JSON). */
        record Answered(int status, JsonNode body) implements CustodyReply {
        }
    }

    /** One {@code /custody/...} operation of the running {@code up} (see {@code CustodyOperations}); {@code json} for a POST. */
    public CustodyReply custody(String method, String path, Optional<Map<String, ?>> json) {
        return call(method, path, json.map(Json::write).orElse(null))
                .<CustodyReply>map(response -> new CustodyReply.Answered(response.statusCode(), Json.readTree(response.body())))
                .orElse(new CustodyReply.NotRunning());
    }

    /** Records a transaction in the running {@code up}'s Midtrans simulator and delivers its notification. */
    public PayReply pay(String order, String status, String fraud, Optional<String> amount) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("order", order);
        request.put("status", status);
        request.put("fraud", fraud);
        amount.ifPresent(a -> request.put("amount", a));
        return call("POST", "/midtrans/pay", Json.write(request)).map(response -> {
            JsonNode body = Json.readTree(response.body());
            return response.statusCode() == 200
                    ? (PayReply) new PayReply.Delivered(Json.write(body.get("notification")), body.path("webhook").asText(),
                            body.path("status").asInt(), body.path("body").asText())
                    : new PayReply.Refused(body.path("error").asText("HTTP " + response.statusCode()));
        }).orElse(new PayReply.NotRunning());
    }

    /** The running {@code up}'s timetable; empty when none runs on this data folder. */
    public Optional<List<NextRun>> timetable() {
        return call("GET", "/schedules").map(response -> timetable(Json.readTree(response.body())));
    }

    /** Runs the schedule in the running {@code up} and waits for its answer. */
    public RunReply run(String schedule) {
        return call("POST", "/schedules/" + URLEncoder.encode(schedule, StandardCharsets.UTF_8).replace("+", "%20") + "/run").map(response -> {
            JsonNode body = Json.readTree(response.body());
            return switch (response.statusCode()) {
                case 200 -> (RunReply) new RunReply.Ran(body.path("schedule").asText(), body.path("runId").asText(), Json.write(body.get("answer")));
                case 404 -> new RunReply.UnknownSchedule(texts(body.path("schedules")));
                default -> new RunReply.RunFailed(body.path("schedule").asText(schedule), body.path("runId").asText("?"),
                        body.path("error").asText("HTTP " + response.statusCode()));
            };
        }).orElse(new RunReply.NotRunning());
    }

    // empty when no up answers as ours: no file, nothing listening, or another process on a stale file's port
    private Optional<HttpResponse<String>> call(String method, String path) {
        return call(method, path, null);
    }

    private Optional<HttpResponse<String>> call(String method, String path, String json) {
        Optional<ControlFile> file = ControlFile.readFrom(dataDir);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + file.get().port() + path))
                .header(ControlOperations.TOKEN_HEADER, file.get().token())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ours = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    && response.statusCode() != 403;
            return ours ? Optional.of(response) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<NextRun> timetable(JsonNode body) {
        List<NextRun> schedules = new ArrayList<>();
        for (JsonNode schedule : body.path("schedules")) {
            schedules.add(new NextRun(schedule.path("name").asText(), schedule.path("expression").asText(),
                    ZoneId.of(schedule.path("zone").asText()), Instant.parse(schedule.path("nextRun").asText())));
        }
        return schedules;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
