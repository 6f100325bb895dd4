package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.Topology;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The gateway's bounded queue under a burst of real concurrent connections, with a function that waits for the test. */
class GatewayQueueTest {

    private static final int CLIENTS = 400;
    // guards against a hang, not timing assertions
    private static final long GUARD_SECONDS = 120;

    @Test
    void burst_whenTheQueueIsFull_answersEveryConnectionAndSheds503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch shed = new CountDownLatch(CLIENTS - 2);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> waiting = (event, context) -> {
            awaitQuietly(release);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
        };
        LambdaFunctions functions = LambdaFunctions.of(Map.of(Topology.HEALTH, waiting));
        Queue<GatewayClient.RawResponse> answers = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (LocalGateway gateway = LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), Topology.warroom(), functions,
                new TokenVerifier(TestKeys.newKey(), LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()), new GatewayLimits(1, 1, 1024))) {
            GatewayClient client = new GatewayClient(gateway.url());
            List<Thread> clients = IntStream.range(0, CLIENTS).mapToObj(i -> Thread.ofVirtual().start(() -> {
                try {
                    GatewayClient.RawResponse response = client.raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1");
                    answers.add(response);
                    if (response.status() == 503) {
                        shed.countDown();
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            })).toList();

            // one request runs and one waits until every other one has been shed
            boolean allShed = shed.await(GUARD_SECONDS, TimeUnit.SECONDS);
            release.countDown();
            for (Thread thread : clients) {
                thread.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
            }

            assertThat(failures).as("connections not answered").isEmpty();
            assertThat(allShed).isTrue();
            assertThat(answers).hasSize(CLIENTS);
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(2);
            List<GatewayClient.RawResponse> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
            assertThat(unavailable).hasSize(CLIENTS - 2);
            unavailable.forEach(a -> {
                LocalGatewayTest.assertRawProblem(a, 503, "unavailable");
                assertThat(a.header("retry-after")).hasValue("1");
            });
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
