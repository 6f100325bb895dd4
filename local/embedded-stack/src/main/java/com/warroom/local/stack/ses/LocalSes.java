package com.warroom.local.stack.ses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A local Amazon SES (API v2) for the notification mail: answers {@code SendEmail} in SES v2's REST-JSON protocol on
 * 127.0.0.1, so that the real {@code SesV2Client} reaches it through {@code AWS_ENDPOINT_URL_SESV2}. It sends nothing
 * anywhere: it keeps each message, in memory and, when given a folder, as a JSON file in it. Only verified sender
 * identities are accepted, as in SES.
 */
public final class LocalSes implements AutoCloseable {

    private final SesOperations operations;
    private final Mailbox mailbox;
    private final LoopbackHttpServer server;

    private LocalSes(SesOperations operations, Mailbox mailbox, LoopbackHttpServer server) {
        this.operations = operations;
        this.mailbox = mailbox;
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free one); keeps messages in {@code mailDir} too when there is one. */
    public static LocalSes start(int port, String region, Optional<Path> mailDir) throws IOException {
        var json = new ObjectMapper();
        var mailbox = new Mailbox(mailDir, json);
        var operations = new SesOperations(mailbox, Clock.systemUTC(), region);
        return new LocalSes(operations, mailbox, LoopbackHttpServer.start(port, "local-ses", new SesHttpHandler(operations, json)));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Accepts mail from this address (or from any address of this domain), as a verified SES identity. */
    public void verify(String identity) {
        operations.verify(identity);
    }

    /** Every message taken since the start, oldest first. */
    public List<SentEmail> sent() {
        return mailbox.sent();
    }

    /** The messages to this address, oldest first. */
    public List<SentEmail> sentTo(String address) {
        return sent().stream().filter(email -> email.to().contains(address)).toList();
    }

    /** Where the messages are kept as files, when anywhere. */
    public Optional<Path> mailDir() {
        return mailbox.folder();
    }

    /**
     * Refuses every send from now on as SES would: HTTP {@code status} with error type {@code errorType} (e.g. 429
     * {@code TooManyRequestsException}, 400 {@code MessageRejected}, 500 {@code InternalFailure}), until {@link #acceptSends}.
     */
    public void refuseSends(int status, String errorType, String message) {
        operations.refuse(new SesError(status, errorType, message));
    }

    public void acceptSends() {
        operations.refuse(null);
    }

    @Override
    public void close() {
        server.close();
    }
}
