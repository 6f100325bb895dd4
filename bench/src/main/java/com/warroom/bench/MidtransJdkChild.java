package com.warroom.bench;

import com.warroom.payments.processor.MidtransAnswer;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.payments.processor.MidtransUnavailable;
import java.net.URI;
import java.time.Duration;

/**
 * A child of {@link MidtransClientFootprint} on the payments Lambda jar: one get-status through the payments
 * functions' own client (the JDK's HttpClient) against the base URL it is given (the launcher's loopback stand-in, or
 * Midtrans's sandbox, which a machine without Internet fails to look up, as the library's child does), then exit.
 */
public final class MidtransJdkChild {

    private MidtransJdkChild() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        MidtransClient client = new MidtransClient(MidtransClient.httpClient(), URI.create(args[0]), () -> MidtransClientFootprint.KEY,
                Duration.ofSeconds(5));
        String outcome;
        try {
            MidtransAnswer answer = client.status(MidtransClientFootprint.ORDER);
            outcome = answer.getClass().getSimpleName();
        } catch (MidtransUnavailable e) {
            outcome = "failed:" + e.getClass().getSimpleName();
        }
        long nanos = System.nanoTime() - begin;
        System.out.println(MidtransClientFootprint.MARKER + " variant=jdk-client answeredNs=" + nanos + " outcome=" + outcome);
        System.out.flush();
        System.exit(0);
    }
}
