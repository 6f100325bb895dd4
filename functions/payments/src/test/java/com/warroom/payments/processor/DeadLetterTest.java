package com.warroom.payments.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.http.Fault;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentsStack;
import com.warroom.topology.Topology;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Midtrans down: a check fails on each of the payment-checks queue's five receives, lands in its DLQ (ElasticMQ's
 * redrive policy, as in AWS), and once Midtrans is back a redrive (StartMessageMoveTask) brings it back to be applied.
 */
@ExtendWith(EmbeddedStackExtension.class)
class DeadLetterTest {

    private static PaymentsStack world;
    private static Processor processor;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T14:00:00Z"));
        processor = new Processor(world);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
        world.close();
    }

    @Test
    void midtransDown_theCheckFailsFiveTimes_landsInTheDlq_andARedriveAppliesItOnceMidtransIsBack() throws Exception {
        String dlqUrl = world.stack.sqs().getQueueUrl(b -> b.queueName(Topology.PAYMENT_CHECKS.localDlqName())).queueUrl();
        world.purgeChecks();
        world.drainQueue(dlqUrl);
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransAnswers(orderId, aResponse().withStatus(503).withBody(MidtransAnswers.serverError()));
        world.send(PaymentCheck.reconcile(orderId));

        for (int receive = 1; receive <= Topology.PAYMENT_CHECKS.maxReceiveCount(); receive++) {
            if (receive == 3) {
                // down differently: the connection breaks
                world.midtransAnswers(orderId, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            }
            SQSEvent batch = world.receiveChecks(120);
            String count = Integer.toString(receive);
            assertThat(batch.getRecords()).singleElement().satisfies(m ->
                    assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", count));
            SQSBatchResponse answer = processor.handle(batch);
            assertThat(answer.getBatchItemFailures()).hasSize(1);
            world.settle(world.checksUrl(), batch, answer);
        }

        assertThat(world.receiveChecks(120).getRecords()).as("past its fifth receive the message is in the DLQ").isEmpty();
        assertThat(world.messagesIn(world.checksUrl())).isZero();
        assertThat(world.messagesIn(dlqUrl)).isEqualTo(1);
        assertThat(world.order(orderId).status()).isEqualTo("PENDING");
        assertThat(world.checksOf(orderId)).as("a failed check leaves no item").isEmpty();
        assertThat(metrics.count(MidtransUnavailable.METRIC)).isEqualTo(5);

        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));
        String dlqArn = world.stack.sqs().getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        world.stack.sqs().startMessageMoveTask(b -> b.sourceArn(dlqArn));
        for (int wait = 0; wait < 100 && world.messagesIn(dlqUrl) > 0; wait++) {
            Thread.sleep(50);
        }

        assertThat(world.messagesIn(dlqUrl)).isZero();
        SQSEvent redriven = world.receiveChecks(120);
        assertThat(redriven.getRecords()).singleElement().satisfies(m ->
                assertThat(m.getBody()).isEqualTo(PaymentCheck.reconcile(orderId).toJson()));
        SQSBatchResponse answer = processor.handle(redriven);
        world.settle(world.checksUrl(), redriven, answer);

        assertThat(answer.getBatchItemFailures()).isEmpty();
        assertThat(world.order(orderId).status()).isEqualTo("EXPIRED");
        assertThat(world.messagesIn(world.checksUrl())).isZero();
    }
}
