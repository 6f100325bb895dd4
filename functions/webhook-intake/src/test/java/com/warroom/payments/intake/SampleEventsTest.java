package com.warroom.payments.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The events in events/webhook-intake/, as the README tells people to send them with {@code aws lambda invoke}. */
@ExtendWith(EmbeddedStackExtension.class)
class SampleEventsTest {

    @Test
    void sampleEvents_signedSettlementIsStored_forgedOneIsRefused(EmbeddedStack stack) {
        Intake intake = new Intake(stack, Clock.systemUTC());

        APIGatewayV2HTTPResponse settled = intake.send(EventLoader.loadApiGatewayHttpEvent("events/webhook-intake/midtrans-settlement.json"));
        APIGatewayV2HTTPResponse forged = intake.send(EventLoader.loadApiGatewayHttpEvent("events/webhook-intake/midtrans-bad-signature.json"));

        assertThat(settled.getStatusCode()).as(settled.getBody()).isEqualTo(200);
        assertThat(Intake.json(settled).path("eventKey").asText())
                .isEqualTo("notification:5d47617b8008cafd148488fa4e1e0bfbdd82c34ff7439e225fa3a93f5a177cdf");
        assertThat(forged.getStatusCode()).isEqualTo(401);
        assertThat(intake.eventsOf("O-sample-1")).hasSize(1);
    }

    @Test
    void priming_readsOnly(EmbeddedStack stack) {
        Intake intake = new Intake(stack, Clock.systemUTC());
        intake.drainChecks();
        intake.calls.reset();

        Priming.primeRegistered();

        assertThat(intake.calls.calls()).doesNotContainKeys("DynamoDb.PutItem", "Sqs.SendMessage").containsKey("DynamoDb.GetItem");
        assertThat(intake.drainChecks()).isEmpty();
        assertThat(intake.secretReads.get()).as("no secret in a snapshot").isZero();
    }
}
