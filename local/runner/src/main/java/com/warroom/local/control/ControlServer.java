package com.warroom.local.control;

import com.warroom.local.custody.CustodyOperations;
import com.warroom.local.midtrans.SimulatedPayment;
import com.warroom.local.schedule.LocalScheduler;
import com.warroom.local.stack.LoopbackHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The running {@code up}'s control endpoint for {@code ./warroom schedule}, {@code ./warroom midtrans} and {@code ./warroom custody}: on 127.0.0.1, on a free port written with a
 * fresh token to {@link ControlFile} in the data folder, so that only this user's commands on this folder reach it.
 */
public final class ControlServer implements AutoCloseable {

    private static final int TOKEN_BYTES = 32;

    private final LoopbackHttpServer server;
    private final ControlFile file;
    private final Path dataDir;

    private ControlServer(LoopbackHttpServer server, ControlFile file, Path dataDir) {
        this.server = server;
        this.file = file;
        this.dataDir = dataDir;
    }

    public static ControlServer start(Path dataDir, LocalScheduler scheduler) throws IOException {
        return start(dataDir, scheduler, Optional.empty());
    }

    /** With {@code ./warroom midtrans pay} answered by {@code payments}. */
    public static ControlServer start(Path dataDir, LocalScheduler scheduler, Optional<SimulatedPayment> payments) throws IOException {
        return start(dataDir, scheduler, payments, Optional.empty());
    }

    /** With {@code ./warroom custody} answered by {@code custody} too. */
    public static ControlServer start(Path dataDir, LocalScheduler scheduler, Optional<SimulatedPayment> payments,
                                      Optional<CustodyOperations> custody) throws IOException {
        byte[] secret = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LoopbackHttpServer server = LoopbackHttpServer.start(0, "warroom-control", new ControlOperations(scheduler, payments, custody, token));
        ControlFile file = new ControlFile(server.endpoint().getPort(), token);
        try {
            file.writeTo(dataDir);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new ControlServer(server, file, dataDir);
    }

    /** Removes the control file, then stops listening. */
    @Override
    public void close() {
        file.removeFrom(dataDir);
        server.close();
    }
}
