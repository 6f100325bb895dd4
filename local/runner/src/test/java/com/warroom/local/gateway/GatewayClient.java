package com.warroom.local.gateway;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Real HTTP calls to a running local gateway, as curl would make them. */
final class GatewayClient {

    // guards against a hang, not timing assertions
    private static final int READ_GUARD_MILLIS = 30_000;
    private static final int WRITE_CHUNK_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    GatewayClient(URI base) {
        this.base = base;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    HttpRequest.Builder authorized(String pathAndQuery, String token) {
        return request(pathAndQuery).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back for a request written byte for byte: the final status, the header lines and the body. */
    record RawResponse(int status, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Writes {@code head} (request line and headers, without the blank line that ends them) and then
     * {@code body}, on a thread of its own, while this thread reads the answer: the gateway may answer, and
     * stop reading, before the body is all sent, as it should for one that is too large. For requests that
     * HttpClient refuses to make, such as malformed request lines or a Content-Length that is not sent.
     */
    RawResponse raw(String head, byte[] body) {
        Thread writer = null;
        try {
            RawResponse response;
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(READ_GUARD_MILLIS);
                OutputStream out = socket.getOutputStream();
                writer = Thread.ofVirtual().start(() -> write(out, head, body));
                response = read(new BufferedInputStream(socket.getInputStream()));
            }
            // closing the socket ended any write the gateway no longer reads
            writer.join();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String head, byte[] body) {
        try {
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent < body.length; sent += WRITE_CHUNK_BYTES) {
                out.write(body, sent, Math.min(WRITE_CHUNK_BYTES, body.length - sent));
            }
            out.flush();
        } catch (IOException stoppedReading) {
            // the gateway answered and closed the connection before taking the whole body
        }
    }

    RawResponse raw(String head) {
        return raw(head, new byte[0]);
    }

    // skips interim answers such as 100 Continue
    private static RawResponse read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                String[] nameValue = line.split(":", 2);
                headers.merge(nameValue[0].trim().toLowerCase(Locale.ROOT), nameValue[1].trim(), (a, b) -> a + "," + b);
            }
            if (status >= 200) {
                String length = headers.get("content-length");
                byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
                return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of an answer: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery));
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return send(authorized(pathAndQuery, token));
    }
}
