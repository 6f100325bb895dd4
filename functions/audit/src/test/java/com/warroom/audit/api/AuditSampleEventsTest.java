package com.warroom.audit.api;

import static com.warroom.audit.api.AuditApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample events in {@code events/audit/}, exactly as API Gateway delivers them, fed to the handler. */
@ExtendWith(EmbeddedStackExtension.class)
class AuditSampleEventsTest {

    /** The target the list sample asks for. */
    private static final String SAMPLE_TARGET = "flag:contribute@round:R1";

    private static AuditApi api;
    private static AuditEntry sampleTargetEntry;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new AuditApi(stack);
        sampleTargetEntry = api.append("ops-sample", "flag.set", SAMPLE_TARGET, "{\"enabled\":false}");
    }

    @ParameterizedTest
    @Event(value = "events/audit/list-audit.json", type = APIGatewayV2HTTPEvent.class)
    void listSample_answersTheSampleTargetsEntriesToItsFinanceCaller(APIGatewayV2HTTPEvent event) {
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[finance]");

        JsonNode page = ok(api.call(event));

        assertThat(page.path("entries").findValuesAsText("id")).contains(sampleTargetEntry.id());
        assertThat(page.path("entries").findValuesAsText("target")).containsOnly(SAMPLE_TARGET);
        assertThat(page.path("entries").size()).isLessThanOrEqualTo(20);
    }

    @ParameterizedTest
    @Event(value = "events/audit/verify-audit.json", type = APIGatewayV2HTTPEvent.class)
    void verifySample_answersOkForItsSuperAdminCaller(APIGatewayV2HTTPEvent event) {
        JsonNode verified = ok(api.call(event));

        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("entries").asLong()).isGreaterThanOrEqualTo(sampleTargetEntry.seq());
    }

    static Stream<String> everyAuditSample() throws IOException, URISyntaxException {
        Path folder = Path.of(AuditSampleEventsTest.class.getClassLoader().getResource("events/audit").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> "events/audit/" + p.getFileName()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyAuditSample")
    void everySample_isARouteOfThisHandlerAndAnswers200(String sample) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample);

        assertThat(event.getRouteKey()).isIn(ListAuditAction.ROUTE, VerifyAuditAction.ROUTE);
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        ok(api.call(event));
    }
}
