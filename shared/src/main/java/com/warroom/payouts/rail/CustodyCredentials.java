package com.warroom.payouts.rail;

import com.warroom.secrets.SecretReader;
import com.warroom.secrets.SecretsManagerSecrets;
import com.warroom.topology.SecretDef;
import com.warroom.topology.Topology;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the custody rail signs and checks with: the API key, the RSA key that signs each request's JWT, and the
 * custodian's public key that checks its callbacks. Each is read when first needed, never at construction, so that a
 * handler's no-arg constructor (and a SnapStart snapshot) holds none of them.
 */
public final class CustodyCredentials {

    private final Supplier<String> apiKey;
    private final Parsed<RSAPrivateKey> signingKey;
    private final Parsed<RSAPublicKey> callbackKey;

    /** Each supplier is asked on every use: keep what it reads yourself if reading is costly (see {@link #fromSecrets}). */
    public CustodyCredentials(Supplier<String> apiKey, Supplier<String> signingKeyPem, Supplier<String> callbackKeyPem) {
        this.apiKey = apiKey;
        this.signingKey = new Parsed<>(signingKeyPem, RsaPem::privateKey, Topology.CUSTODY_SIGNING_KEY);
        this.callbackKey = new Parsed<>(callbackKeyPem, RsaPem::publicKey, Topology.CUSTODY_CALLBACK_KEY);
    }

    /**
     * The topology's three custody secrets, each kept for {@link SecretsManagerSecrets#DEFAULT_MAX_AGE} once read: a busy
     * worker reads them once per five minutes, and a rotated key reaches it within that time.
     */
    public static CustodyCredentials fromSecrets(SecretReader secrets, Clock clock) {
        return new CustodyCredentials(new Kept(secrets, Topology.CUSTODY_API_KEY, clock),
                new Kept(secrets, Topology.CUSTODY_SIGNING_KEY, clock), new Kept(secrets, Topology.CUSTODY_CALLBACK_KEY, clock));
    }

    String apiKey() {
        return apiKey.get();
    }

    RSAPrivateKey signingKey() {
        return signingKey.get();
    }

    RSAPublicKey callbackKey() {
        return callbackKey.get();
    }

    /** A PEM secret's key, parsed again only when the text changes. */
    private static final class Parsed<K> {
        private record Last<K>(String pem, K key) {
        }

        private final Supplier<String> pem;
        private final Function<String, K> parse;
        private final SecretDef secret;
        private final AtomicReference<Last<K>> last = new AtomicReference<>();

        Parsed(Supplier<String> pem, Function<String, K> parse, SecretDef secret) {
            this.pem = pem;
            this.parse = parse;
            this.secret = secret;
        }

        K get() {
            String text = pem.get();
            Last<K> seen = last.get();
            if (seen != null && seen.pem().equals(text)) {
                return seen.key();
            }
            K key;
            try {
                key = parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("secret " + secret.logicalName() + ": " + e.getMessage());
            }
            last.set(new Last<>(text, key));
            return key;
        }
    }

    /** A secret read when first needed and kept for a while. */
    private static final class Kept implements Supplier<String> {
        private record Read(String value, Instant at) {
        }

        private static final Duration MAX_AGE = SecretsManagerSecrets.DEFAULT_MAX_AGE;

        private final SecretReader secrets;
        private final SecretDef secret;
        private final Clock clock;
        private final AtomicReference<Read> last = new AtomicReference<>();

        Kept(SecretReader secrets, SecretDef secret, Clock clock) {
            this.secrets = secrets;
            this.secret = secret;
            this.clock = clock;
        }

        @Override
        public String get() {
            Instant now = clock.instant();
            Read read = last.get();
            if (read == null || !now.isBefore(read.at().plus(MAX_AGE))) {
                read = new Read(secrets.read(secret), now);
                last.set(read);
            }
            return read.value();
        }
    }
}
