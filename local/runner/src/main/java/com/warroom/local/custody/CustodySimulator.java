package com.warroom.local.custody;

import com.warroom.local.lambda.FailureLog;
import com.warroom.local.stack.LoopbackHttpServer;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.rail.RsaPem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The local stand-in for the custody API on 127.0.0.1, speaking the API {@link CustodyRail} calls, so that the rail's own
 * code runs locally too: it checks each request's API key and JWT, takes a create once per externalTxId, answers
 * get-by-external-id, walks each transaction to COMPLETED by itself within {@link Setup#completion()} and POSTs a signed
 * callback at each change. Faults armed by payout id, and moves by hand, through {@code ./warroom custody}. The keys
 * are read at each request, from the same local secrets the functions read.
 */
public final class CustodySimulator implements AutoCloseable {

    public static final Duration DEFAULT_COMPLETION = Duration.ofSeconds(2);
    /** Longer than the rail waits for an answer, so a held-back answer is lost to it. */
    public static final Duration DEFAULT_STALL = CustodyRail.REQUEST_TIMEOUT.plusSeconds(5);

    /** Where it listens (0 picks a free port), where it keeps its data (memory when empty), how fast it moves. */
    public record Setup(int port, Optional<Path> folder, Duration completion, Duration stall) {

        public static Setup of(int port, Optional<Path> folder) {
            return new Setup(port, folder, DEFAULT_COMPLETION, DEFAULT_STALL);
        }

        public Setup completingIn(Duration time) {
            return new Setup(port, folder, time, stall);
        }

        public Setup stallingFor(Duration time) {
            return new Setup(port, folder, completion, time);
        }
    }

    /**
     * The API key and the client's request-signing key (PKCS#8 PEM; the simulator checks with its public half), as the
     * functions read them, and the simulator's own key that signs its callbacks.
     */
    public record Keys(Supplier<String> apiKey, Supplier<String> clientSigningKey, RSAPrivateKey callbackKey) {
    }

    private final CustodyLedger ledger;
    private final CustodyCallbacks callbacks;
    private final LoopbackHttpServer server;

    private CustodySimulator(CustodyLedger ledger, CustodyCallbacks callbacks, LoopbackHttpServer server) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.server = server;
    }

    /** {@code failures} hears of callbacks that were not answered 2xx and of steps that could not be kept. */
    public static CustodySimulator start(Setup setup, Keys keys, FailureLog failures) throws IOException {
        CustodyCallbacks callbacks = new CustodyCallbacks(keys.callbackKey(), failures, Clock.systemUTC());
        CustodyLedger ledger = new CustodyLedger(setup.folder(), callbacks, setup.completion(), failures);
        CustodyAuth auth = new CustodyAuth(keys.apiKey(), publicHalf(keys.clientSigningKey()), Clock.systemUTC());
        try {
            LoopbackHttpServer server = LoopbackHttpServer.start(setup.port(), "custody-simulator", new CustodyApi(ledger, auth, setup.stall()));
            ledger.resume();
            return new CustodySimulator(ledger, callbacks, server);
        } catch (IOException | RuntimeException e) {
            ledger.close();
            callbacks.close();
            throw e;
        }
    }

    /** The base URL the rail calls: what {@code WARROOM_CUSTODY_BASE_URL} is set to. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Where the transactions are kept, when anywhere but memory. */
    public Optional<Path> transactionsDir() {
        return ledger.transactionsDir();
    }

    /** Where callbacks go from now on: the local gateway's custody webhook. */
    public void callbacksTo(URI url) {
        callbacks.sendTo(url);
    }

    public List<CustodyTransaction> transactions() {
        return ledger.all();
    }

    public Optional<CustodyTransaction> transaction(String externalTxId) {
        return ledger.find(externalTxId);
    }

    Optional<CallbackDelivery> lastCallback(String transactionId) {
        return ledger.lastCallback(transactionId);
    }

    /** Arms {@code fault} for the next {@code times} creates of the payout's transactions. */
    public void inject(String payoutId, CustodyFault fault, int times) {
        ledger.arm(payoutId, fault, times);
    }

    Map<String, CustodyFaults.Armed> armed() {
        return ledger.armed();
    }

    /** Completes the payout's latest transaction now, whatever step it is at (a held one too). */
    CustodyLedger.Moved complete(String payoutId) {
        return ledger.moveByHand(payoutId, RailStatus.COMPLETED);
    }

    /** Ends the payout's latest transaction in {@code status}, a final failure. */
    CustodyLedger.Moved fail(String payoutId, RailStatus status) {
        if (!status.finalFailure()) {
            throw new IllegalArgumentException(status + " is not a final failure");
        }
        return ledger.moveByHand(payoutId, status);
    }

    @Override
    public void close() {
        server.close();
        ledger.close();
        callbacks.close();
    }

    // parsed again only when the secret's text changes
    private static Supplier<RSAPublicKey> publicHalf(Supplier<String> privateKeyPem) {
        AtomicReference<Map.Entry<String, RSAPublicKey>> last = new AtomicReference<>();
        return () -> {
            String pem = privateKeyPem.get();
            Map.Entry<String, RSAPublicKey> seen = last.get();
            if (seen == null || !seen.getKey().equals(pem)) {
                seen = Map.entry(pem, RsaPem.publicKeyOf(RsaPem.privateKey(pem)));
                last.set(seen);
            }
            return seen.getValue();
        };
    }
}
