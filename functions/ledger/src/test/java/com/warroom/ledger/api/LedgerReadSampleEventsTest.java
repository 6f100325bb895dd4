package com.warroom.ledger.api;

import static com.warroom.ledger.api.LedgerApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.ledger.AccountId;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample events in {@code events/ledger-read/}, exactly as API Gateway delivers them, fed to the handler. */
@ExtendWith(EmbeddedStackExtension.class)
class LedgerReadSampleEventsTest {

    /** The accounts the samples ask for. */
    private static final AccountId CLEARING = new AccountId("psp_clearing:midtrans");
    private static final AccountId REVENUE = new AccountId("revenue:courses");

    private static LedgerApi api;
    private static String entryId;

    @BeforeAll
    static void post(EmbeddedStack stack) {
        api = new LedgerApi(stack);
        entryId = "order-paid:sample-" + UUID.randomUUID().toString().substring(0, 8);
        api.transfer(entryId, CLEARING, REVENUE, "IDR", 15_000_000);
    }

    @ParameterizedTest
    @Event(value = "events/ledger-read/get-account.json", type = APIGatewayV2HTTPEvent.class)
    void getAccountSample_answersRevenueToItsFinanceCaller(APIGatewayV2HTTPEvent event) {
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[finance]");
        assertThat(event.getPathParameters()).containsEntry("id", REVENUE.value());

        JsonNode body = ok(api.call(event));

        assertThat(body.path("account").asText()).isEqualTo(REVENUE.value());
        assertThat(body.path("nonNegative").asBoolean()).isTrue();
        assertThat(body.path("balances").findValuesAsText("integrity")).containsOnly("intact");
        assertThat(body.path("entries").size()).isBetween(1, 20);
        assertThat(body.path("entries").get(0).path("entryId").asText()).isEqualTo(entryId);
    }

    @ParameterizedTest
    @Event(value = "events/ledger-read/get-clearing-account.json", type = APIGatewayV2HTTPEvent.class)
    void getClearingAccountSample_answersTheClearingAccountToItsOpsCaller(APIGatewayV2HTTPEvent event) {
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[ops]");

        JsonNode body = ok(api.call(event));

        assertThat(body.path("account").asText()).isEqualTo(CLEARING.value());
        assertThat(body.path("nonNegative").asBoolean()).isFalse();
        assertThat(body.path("entries").get(0).path("amount").asText()).isEqualTo("-150000.00");
    }

    static Stream<String> everySample() throws IOException, URISyntaxException {
        Path folder = Path.of(LedgerReadSampleEventsTest.class.getClassLoader().getResource("events/ledger-read").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> "events/ledger-read/" + p.getFileName()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everySample")
    void everySample_isTheRouteOfThisHandlerAndAnswers200(String sample) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample);

        assertThat(event.getRouteKey()).isEqualTo(AccountStatementAction.ROUTE);
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        ok(api.call(event));
    }
}
