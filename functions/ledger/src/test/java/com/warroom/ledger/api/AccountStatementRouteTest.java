package com.warroom.ledger.api;

import static com.warroom.ledger.api.LedgerApi.assertProblem;
import static com.warroom.ledger.api.LedgerApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.AwsClients;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerTampered;
import com.warroom.ledger.StatementCursor;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /v1/admin/ledger/accounts/{id}} against the embedded stack: answers, paging, bad input, roles. */
@ExtendWith(EmbeddedStackExtension.class)
class AccountStatementRouteTest {

    private static LedgerApi api;
    private static RecordedMetrics metrics;
    private static String run;
    private static AccountId clearing;
    private static AccountId revenue;

    @BeforeAll
    static void post(EmbeddedStack stack) {
        api = new LedgerApi(stack);
        metrics = RecordedMetrics.install();
        run = UUID.randomUUID().toString().substring(0, 8);
        clearing = new AccountId("psp_clearing:midtrans-" + run);
        revenue = new AccountId("revenue:courses-" + run);
        api.transfer("order-paid:O-1-" + run, clearing, revenue, "IDR", 15_000_000);
        api.transfer("order-paid:O-2-" + run, clearing, revenue, "IDR", 5_000_050);
        api.transfer("order-paid:O-3-" + run, clearing, revenue, "JPY", 1_500);
    }

    @AfterAll
    static void restoreMetrics() {
        metrics.close();
    }

    @BeforeEach
    void clearMetrics() {
        metrics.clear();
    }

    @Test
    void get_answersTheBalancesAndTheEntriesNewestFirst() {
        JsonNode body = ok(api.get(revenue.value(), Map.of()));

        assertThat(body.path("account").asText()).isEqualTo(revenue.value());
        assertThat(body.path("nonNegative").asBoolean()).isTrue();
        assertThat(body.path("balances")).hasSize(2);
        JsonNode idr = body.path("balances").get(0);
        assertThat(idr.path("currency").asText()).isEqualTo("IDR");
        assertThat(idr.path("balance").asText()).isEqualTo("200000.50");
        assertThat(idr.path("minor").asLong()).isEqualTo(20_000_050);
        assertThat(idr.path("entryCount").asLong()).isEqualTo(2);
        assertThat(idr.path("lastEntryId").asText()).isEqualTo("order-paid:O-2-" + run);
        assertThat(idr.path("integrity").asText()).isEqualTo("intact");
        JsonNode jpy = body.path("balances").get(1);
        assertThat(jpy.path("balance").asText()).isEqualTo("1500");
        assertThat(body.path("entries").findValuesAsText("entryId")).containsExactly(
                "order-paid:O-2-" + run, "order-paid:O-1-" + run, "order-paid:O-3-" + run);
        JsonNode newest = body.path("entries").get(0);
        assertThat(newest.path("seq").asLong()).isEqualTo(2);
        assertThat(newest.path("cause").asText()).isEqualTo("order:order-paid:O-2-" + run);
        assertThat(newest.path("at").asText()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(newest.path("currency").asText()).isEqualTo("IDR");
        assertThat(newest.path("amount").asText()).isEqualTo("50000.50");
        assertThat(newest.path("minor").asLong()).isEqualTo(5_000_050);
        assertThat(newest.path("balanceAfter").asText()).isEqualTo("200000.50");
        assertThat(body.has("nextCursor")).isFalse();
    }

    @Test
    void get_whenAClearingAccount_showsItsNegativeBalanceAndThatItMayGoNegative() {
        JsonNode body = ok(api.get(clearing.value(), Map.of("limit", "1")));

        assertThat(body.path("nonNegative").asBoolean()).isFalse();
        assertThat(body.path("balances").get(0).path("balance").asText()).isEqualTo("-200000.50");
        assertThat(body.path("entries").get(0).path("amount").asText()).isEqualTo("-50000.50");
        assertThat(body.path("nextCursor").asText()).isNotBlank();
    }

    @Test
    void get_whenPaged_walksEveryEntryOnceWithTheCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(api.get(revenue.value(), cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor)));
            page.path("entries").forEach(e -> seen.add(e.path("currency").asText() + " " + e.path("seq").asLong()));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("IDR 2", "IDR 1", "JPY 1");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void get_whenTheIdIsPercentEncoded_findsTheSameAccount() {
        JsonNode body = ok(api.get(revenue.value().replace(":", "%3A"), Map.of()));

        assertThat(body.path("account").asText()).isEqualTo(revenue.value());
    }

    @Test
    void get_whenNeverPostedTo_is404() {
        assertProblem(api.get("revenue:never-" + run, Map.of()), 404, null);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FINANCE", "SUPER_ADMIN", "OPS"})
    void get_whenALedgerReader_answers(Role role) {
        ok(api.call(LedgerApi.event(revenue.value(), Map.of(), role)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "REVIEWER", "SERVICE"})
    void get_whenAnotherRole_is403(Role role) {
        assertProblem(api.call(LedgerApi.event(revenue.value(), Map.of(), role)), 403, null);
    }

    @Test
    void get_whenNoToken_is401() {
        APIGatewayV2HTTPResponse response = api.call(LedgerApi.event(revenue.value(), Map.of()));

        assertProblem(response, 401, null);
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue", "Revenue:courses", "revenue:", ":courses", "r:courses", "revenue:cour ses",
        "revenue:a:b:c:d:e", "revenue:%ZZ", "revenue:courses%", "revenue:caf\u00e9", "revenue:courses#IDR", "revenue:x/y",
        "1revenue:x", "revenue::x"})
    void get_whenTheIdIsNotAnAccountName_is400NamingId(String id) {
        Set<Map<String, AttributeValue>> before = api.everything();

        assertProblem(api.get(id, Map.of()), 400, "id");

        assertThat(api.everything()).isEqualTo(before);
    }

    @Test
    void get_whenTheIdIsTooLong_is400NamingId() {
        assertProblem(api.get("revenue:" + "a".repeat(101), Map.of()), 400, "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", " 5", "99999999999999999999", "1e2"})
    void get_whenTheLimitIsOutOfRange_is400NamingLimit(String limit) {
        assertProblem(api.get(revenue.value(), Map.of("limit", limit)), 400, "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100"})
    void get_whenTheLimitIsAtItsBounds_answers(String limit) {
        assertThat(ok(api.get(revenue.value(), Map.of("limit", limit))).path("entries").size())
                .isEqualTo(Math.min(3, Integer.parseInt(limit)));
    }

    static Stream<Arguments> badCursors() {
        String otherAccounts = new StatementCursor(clearing, "IDR", 2).encode();
        return Stream.of(
                Arguments.of("not base64", "%%%"),
                Arguments.of("empty", ""),
                Arguments.of("base64 of no JSON", b64("not json")),
                Arguments.of("JSON of no cursor", b64("{\"a\":1}")),
                Arguments.of("another account's", otherAccounts),
                Arguments.of("a seq that is text", b64("{\"account\":\"" + revenue.value() + "\",\"currency\":\"IDR\",\"before\":\"x\"}")),
                Arguments.of("a fractional seq", b64("{\"account\":\"" + revenue.value() + "\",\"currency\":\"IDR\",\"before\":2.5}")),
                Arguments.of("no currency", b64("{\"account\":\"" + revenue.value() + "\",\"currency\":\"idr\",\"before\":2}")),
                Arguments.of("an extra field", b64("{\"account\":\"" + revenue.value() + "\",\"currency\":\"IDR\",\"before\":2,\"x\":1}")),
                Arguments.of("padded base64", new StatementCursor(revenue, "IDR", 2).encode() + "=="),
                Arguments.of("too long", "A".repeat(600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCursors")
    void get_whenTheCursorIsNotOneHandedOut_is400NamingCursor(String why, String cursor) {
        assertProblem(api.get(revenue.value(), Map.of("cursor", cursor)), 400, "cursor");
    }

    @Test
    void get_whenUnknownQueryParameter_is400NamingIt() {
        assertProblem(api.get(revenue.value(), Map.of("currency", "IDR")), 400, "currency");
    }

    @Test
    void get_whenSeveralThingsAreWrong_namesEachField() {
        JsonNode problem = assertProblem(api.get("nope", Map.of("limit", "0", "cursor", "%%%")), 400, "id");

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("id", "limit", "cursor");
    }

    @Test
    void get_whenABalanceWasEditedInTheTable_showsItTampered_andCountsTheMetric() {
        AccountId edited = new AccountId("revenue:edited-" + run);
        api.transfer("order-paid:E-1-" + run, new AccountId("psp_clearing:edits-" + run), edited, "IDR", 100);
        api.editBalance(edited, "IDR", "balance", AttributeValue.fromN("100000000"));

        JsonNode body = ok(api.get(edited.value(), Map.of()));

        assertThat(body.path("balances").get(0).path("integrity").asText()).isEqualTo("tampered");
        assertThat(body.path("balances").get(0).path("balance").asText()).isEqualTo("1000000.00");
        assertThat(metrics.points()).extracting(RecordedMetrics.Point::name).contains(LedgerTampered.METRIC);
    }

    @Test
    void get_whenTheKeyServiceCannotVerify_is503AndRetryable() {
        Sealer unreachable = new Sealer() {
            @Override
            public Seal seal(byte[] canonicalBytes) {
                throw new UnsupportedOperationException("a read never seals");
            }

            @Override
            public Verification verify(byte[] canonicalBytes, Seal seal) {
                return new Verification.Unavailable("KMS did not answer");
            }
        };
        LedgerReadHandler handler = new LedgerReadHandler(Ledger.fromSettings(AwsClients.dynamoDbEnhanced(), unreachable, Clock.systemUTC()));

        APIGatewayV2HTTPResponse response = LedgerApi.call(handler, LedgerApi.event(revenue.value(), Map.of(), Role.FINANCE));

        assertProblem(response, 503, null);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void get_whenAskedForAnotherRoute_is404() {
        var event = LedgerApi.event(revenue.value(), Map.of(), Role.FINANCE);
        event.setRouteKey("GET /v1/admin/audit");

        assertProblem(api.call(event), 404, null);
    }

    @Test
    void priming_readsOnlyAndLeavesTheTablesAsTheyWere() {
        Set<Map<String, AttributeValue>> before = api.everything();

        com.warroom.lambda.Priming.primeRegistered();

        assertThat(api.everything()).isEqualTo(before);
    }

    @Test
    void handler_isTheOneTheTopologyNames() {
        assertThat(Topology.LEDGER_READ.handlerClass()).isEqualTo(LedgerReadHandler.class.getName());
        assertThat(Topology.warroom().route(AccountStatementAction.ROUTE)).isPresent();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
