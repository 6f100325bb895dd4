package com.warroom.payments;

import com.warroom.secrets.SecretReader;
import com.warroom.secrets.SecretsManagerSecrets;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Midtrans server key, read from the topology's secret when first needed and kept for {@link #MAX_AGE}: a busy
 * webhook reads it once per five minutes, not once per notification, and a rotated key reaches it within that time.
 * It is never read before a SnapStart snapshot, so no snapshot holds it.
 */
public final class MidtransServerKey {

    public static final Duration MAX_AGE = SecretsManagerSecrets.DEFAULT_MAX_AGE;

    private record Read(String value, Instant at) {
    }

    private final SecretReader secrets;
    private final Clock clock;
    private final AtomicReference<Read> last = new AtomicReference<>();

    public MidtransServerKey(SecretReader secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @throws com.warroom.secrets.SecretMissing when the secret has no value */
    public String value() {
        Instant now = clock.instant();
        Read read = last.get();
        if (read == null || !now.isBefore(read.at().plus(MAX_AGE))) {
            read = new Read(secrets.read(Topology.MIDTRANS_SERVER_KEY), now);
            last.set(read);
        }
        return read.value();
    }
}
