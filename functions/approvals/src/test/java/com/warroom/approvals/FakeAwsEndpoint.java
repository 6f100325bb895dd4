package com.warroom.approvals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An HTTP endpoint on loopback that answers the AWS SDK's real requests the way a service would, for
 * the services the embedded stack does not run yet (Step Functions, SNS). It records what it received.
 */
public final class FakeAwsEndpoint implements AutoCloseable {

    /** One request: the operation ({@code X-Amz-Target}, or the query protocol's {@code Action}) and the body. */
    public record Received(String operation, String body) {
        /** The body of a query-protocol request as its form fields. */
        public Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            Arrays.stream(body.split("&")).filter(p -> !p.isEmpty()).forEach(pair -> {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            });
            return fields;
        }
    }

    /** What to answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/x-amz-json-1.0", body, Map.of());
        }

        /** A JSON-protocol service error, as Step Functions sends it. */
        public static Reply jsonError(int status, String code) {
            return new Reply(status, "application/x-amz-json-1.0", "{\"__type\":\"" + code + "\",\"message\":\"" + code + "\"}",
                    Map.of("X-Amzn-ErrorType", code));
        }

        public static Reply xml(int status, String body) {
            return new Reply(status, "text/xml", body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> replies;

    private FakeAwsEndpoint(Function<Received, Reply> replies) throws IOException {
        this.replies = replies;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public static FakeAwsEndpoint start(Function<Received, Reply> replies) {
        try {
            return new FakeAwsEndpoint(replies);
        } catch (IOException e) {
            throw new IllegalStateException("the fake endpoint did not start", e);
        }
    }

    public void reply(Function<Received, Reply> next) {
        this.replies = next;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public SfnClient sfn() {
        return SfnClient.builder().endpointOverride(uri()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SnsClient sns() {
        return SnsClient.builder().endpointOverride(uri()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal"));

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Received request = new Received(target, body);
        if (target == null) {
            request = new Received(request.form().get("Action"), body);
        }
        received.add(request);
        Reply reply = replies.apply(request);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fake-request");
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
