package com.warroom.payouts.admin;

import static com.warroom.payouts.admin.PayoutAdminApi.assertProblem;
import static com.warroom.payouts.admin.PayoutAdminApi.json;
import static com.warroom.payouts.admin.PayoutAdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.json.Json;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.HttpEvents;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.PayoutsStack;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/admin/payouts/{payoutId}/retry}: what it does to each state, the ledger and the queue, and when it refuses. */
@ExtendWith(EmbeddedStackExtension.class)
class RetryRouteTest {

    private static final String OPS = "ops-olga";
    private static PayoutsStack world;
    private static PayoutAdminApi api;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2031-06-07T08:00:00Z"));
        api = new PayoutAdminApi(world);
    }

    @BeforeEach
    void emptyQueue() {
        world.work.purge();
    }

    private static String user() {
        return PayoutsStack.newId("u");
    }

    private static String id() {
        return PayoutsStack.newId("P");
    }

    /** The payouts the worker was nudged about, taken off its queue. */
    private static List<String> nudged() {
        return world.work.drainBodies().stream().map(body -> PayoutWork.payoutId(body).orElseThrow()).toList();
    }

    private static List<String> entries(Payout payout) {
        return new PayoutEntries(world.ledger).of(payout);
    }

    private static List<AuditEntry> retries(String payoutId) {
        return api.auditOf(payoutId).stream().filter(e -> e.action().equals(PayoutRetry.AUDIT_ACTION)).toList();
    }

    @Test
    void retryScheduled_isRequestedNow_keepsItsHold_nudgesTheWorker_andIsAudited() {
        Payout scheduled = world.inState(id(), user(), "5", PayoutStatus.RETRY_SCHEDULED, Optional.empty());
        long pending = world.pending("USDC");

        JsonNode view = ok(api.retry(scheduled.payoutId()), 202);

        assertThat(view.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(view.path("nextAttemptAt").isNull()).isTrue();
        assertThat(view.path("submission").asInt()).isEqualTo(1);
        assertThat(view.path("sealIntact").asBoolean()).isTrue();
        assertThat(view.path("ledgerEntries")).extracting(JsonNode::asText)
                .containsExactly(PayoutJournal.holdId(scheduled.payoutId(), 1));
        Payout stored = world.payout(scheduled.payoutId());
        assertThat(stored.state()).contains(PayoutStatus.REQUESTED);
        assertThat(stored.version()).isEqualTo(scheduled.version() + 1);
        assertThat(stored.progress().nextAttemptAt()).isEmpty();
        assertThat(world.pending("USDC")).isEqualTo(pending);
        assertThat(nudged()).containsExactly(scheduled.payoutId());
        AuditEntry entry = retries(scheduled.payoutId()).getFirst();
        assertThat(entry.actorSub()).isEqualTo(OPS);
        assertThat(entry.actorRoles()).containsExactly("ops");
        assertThat(Json.readTree(entry.before()).path("status").asText()).isEqualTo("RETRY_SCHEDULED");
        assertThat(Json.readTree(entry.after()).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(api.trail.verify().ok()).isTrue();
    }

    @Test
    void failedByTheRail_isANewSubmission_sealedAgain_withItsAmountHeldAgain() {
        Payout failed = world.inState(id(), user(), "7.25", PayoutStatus.FAILED, Optional.of("tx-failed-1"));
        long treasury = world.treasury("USDC");
        long pending = world.pending("USDC");

        JsonNode view = ok(api.retry(failed.payoutId()), 202);

        Payout stored = world.payout(failed.payoutId());
        assertThat(stored.state()).contains(PayoutStatus.REQUESTED);
        assertThat(stored.progress().submission()).isEqualTo(2);
        assertThat(stored.progress().attempts()).isZero();
        assertThat(stored.progress().railReference()).isEmpty();
        assertThat(stored.progress().railStatus()).isEmpty();
        assertThat(stored.externalId()).isEqualTo(failed.payoutId() + "~r2");
        assertThat(world.payoutSeal.verify(stored)).isInstanceOf(Verification.Valid.class);
        assertThat(stored.seal()).isNotEqualTo(failed.seal());
        assertThat(world.treasury("USDC")).isEqualTo(treasury - 7_250_000);
        assertThat(world.pending("USDC")).isEqualTo(pending + 7_250_000);
        assertThat(view.path("submission").asInt()).isEqualTo(2);
        assertThat(view.path("railReference").isNull()).isTrue();
        assertThat(view.path("ledgerEntries")).extracting(JsonNode::asText).containsExactly(
                PayoutJournal.holdId(failed.payoutId(), 1), PayoutJournal.releaseId(failed.payoutId(), 1),
                PayoutJournal.holdId(failed.payoutId(), 2));
        assertThat(nudged()).containsExactly(failed.payoutId());
        JsonNode after = Json.readTree(retries(failed.payoutId()).getFirst().after());
        assertThat(after.path("submission").asInt()).isEqualTo(2);
        assertThat(after.path("holdEntry").asText()).isEqualTo(PayoutJournal.holdId(failed.payoutId(), 2));
        assertThat(Json.readTree(retries(failed.payoutId()).getFirst().before()).path("railReference").asText()).isEqualTo("tx-failed-1");
    }

    @Test
    void failedWithoutTheRail_whoseHoldWasReleased_needsANewSubmissionForItsNewHold() {
        Payout failed = world.inState(id(), user(), "3", PayoutStatus.FAILED, Optional.empty());

        ok(api.retry(failed.payoutId()), 202);

        Payout stored = world.payout(failed.payoutId());
        assertThat(stored.progress().submission()).isEqualTo(2);
        assertThat(entries(stored)).containsExactly(PayoutJournal.holdId(failed.payoutId(), 1),
                PayoutJournal.releaseId(failed.payoutId(), 1), PayoutJournal.holdId(failed.payoutId(), 2));
    }

    @Test
    void failedWithoutTheRail_whoseHoldWasNeverPlaced_staysTheSameSubmission_andIsHeldNow() {
        Instant now = SortableTime.now(world.clock);
        Payout accepted = world.payoutSeal.sealed(Payout.accepted(id(), new Payout.Request(user(), "WITHDRAWAL",
                PayoutsStack.asset("2", "USDC"), "ref", Optional.empty(), "platform-test"),
                new com.warroom.payouts.Wallet(PayoutsStack.CHAIN, PayoutsStack.USER_EVM_ADDRESS), PayoutStatus.REQUESTED,
                Optional.empty(), now));
        Payout failed = accepted.moved(new Payout.Progress("FAILED", 1, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("refused before any hold"), Optional.empty(), Optional.empty()), now);
        world.payouts.commit(List.of(world.payouts.insert(failed)));
        world.fund(PayoutsStack.CHAIN, "USDC", "2");

        ok(api.retry(failed.payoutId()), 202);

        Payout stored = world.payout(failed.payoutId());
        assertThat(stored.progress().submission()).isEqualTo(1);
        assertThat(stored.seal()).isEqualTo(failed.seal());
        assertThat(entries(stored)).containsExactly(PayoutJournal.holdId(failed.payoutId(), 1));
    }

    @Test
    void failedWithoutTheRail_whoseHoldIsStillInPlace_staysTheSameSubmission_withNoNewEntry() {
        Payout requested = world.requested(id(), user(), "2");
        Payout failed = requested.moved(new Payout.Progress("FAILED", 1, 5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("gave up"), Optional.empty(), Optional.empty()), SortableTime.now(world.clock));
        assertThat(world.payouts.update(requested, failed)).isTrue();
        long pending = world.pending("USDC");

        ok(api.retry(failed.payoutId()), 202);

        Payout stored = world.payout(failed.payoutId());
        assertThat(stored.progress().submission()).isEqualTo(1);
        assertThat(stored.progress().attempts()).isZero();
        assertThat(entries(stored)).containsExactly(PayoutJournal.holdId(failed.payoutId(), 1));
        assertThat(world.pending("USDC")).isEqualTo(pending);
    }

    @Test
    void failedByTheRail_whoseHoldWasNeverReleased_isRefusedAsALedgerMismatch() {
        Payout requested = world.requested(id(), user(), "2");
        Payout failed = requested.moved(new Payout.Progress("FAILED", 1, 1, Optional.of("tx-1"), Optional.of("FAILED"),
                Optional.empty(), Optional.of("failed"), Optional.empty(), Optional.empty()), SortableTime.now(world.clock));
        assertThat(world.payouts.update(requested, failed)).isTrue();

        refusedWithNothingWritten(failed, 409, "payout-ledger-mismatch");
    }

    @Test
    void failed_whenTheTreasuryCannotHoldItAgain_is409InsufficientBalance() {
        Payout failed = world.inState(id(), user(), "9", PayoutStatus.FAILED, Optional.of("tx-9"));
        long balance = world.treasury("USDC");
        Money all = new Money("USDC", balance);
        JournalEntry drain = new JournalEntry("test-drain:" + UUID.randomUUID(), world.clock.instant(), "test",
                List.of(new Posting(PayoutJournal.treasury(PayoutsStack.CHAIN, "USDC"), new Money("USDC", -balance)),
                        new Posting(PayoutJournal.OPENING, all)));
        assertThat(world.ledger.post(drain)).isInstanceOf(PostingOutcome.Posted.class);
        try {
            JsonNode problem = refusedWithNothingWritten(failed, 409, "insufficient-balance");
            assertThat(problem.path("detail").asText()).contains("treasury:evm:1:USDC");
        } finally {
            world.fund(PayoutsStack.CHAIN, "USDC", com.warroom.money.DecimalAmount.format(all));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PayoutStatus.class, names = {"REQUESTED", "HELD", "SUBMITTING", "SUBMITTED", "QUARANTINED", "CONFIRMED", "CANCELLED"})
    void retry_ofAnyOtherState_is409NotRetryable_namingTheStatus(PayoutStatus status) {
        Payout payout = world.inState(id(), user(), "1", status, status == PayoutStatus.CONFIRMED ? Optional.of("tx") : Optional.empty());

        JsonNode problem = refusedWithNothingWritten(payout, 409, "not-retryable");

        assertThat(problem.path("detail").asText()).contains("is " + status.name());
    }

    @Test
    void retry_ofAPayoutThatDoesNotMatchItsSeal_is409() {
        Payout failed = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(failed.payoutId())))
                .updateExpression("SET amountMinor = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("900000000"))));

        refusedWithNothingWritten(world.payout(failed.payoutId()), 409, "payout-seal-broken");
    }

    /** The retry of {@code payout} answers the problem, and no table, payout or queue changed. */
    private JsonNode refusedWithNothingWritten(Payout payout, int status, String type) {
        Map<String, Integer> before = api.counts();
        Payout stored = world.payout(payout.payoutId());
        JsonNode problem = assertProblem(api.retry(payout.payoutId()), status, type, null);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payout(payout.payoutId())).isEqualTo(stored);
        assertThat(nudged()).isEmpty();
        return problem;
    }

    @Test
    void retry_ofAnUnknownPayout_is404_andOfABadId_is400() {
        Map<String, Integer> before = api.counts();
        assertProblem(api.retry("no-such-payout"), 404, "not-found", null);
        assertProblem(api.retry("a b"), 400, "validation", "payoutId");
        assertProblem(api.retry("x".repeat(101)), 400, "validation", "payoutId");
        assertThat(api.counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "[1]|malformed-json|",
        "{|malformed-json|",
        "{\"note\":5}|validation|note",
        "{\"note\":\"   \"}|validation|note",
        "{\"note\":\"bad\\u0007bell\"}|validation|note",
        "{\"force\":true}|validation|force"
    })
    void retry_withABadBody_is400AndWritesNothing(String body, String type, String field) {
        Payout failed = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));
        Map<String, Integer> before = api.counts();

        APIGatewayV2HTTPResponse response = api.call(PayoutAdminApi.event(RetryPayoutAction.ROUTE, failed.payoutId(), body, OPS, Role.OPS));

        assertProblem(response, 400, type, field);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payout(failed.payoutId())).isEqualTo(failed);
    }

    @Test
    void retry_withANoteTooLong_anUnknownQueryParameter_orNoJsonContentType_isRefused() {
        Payout failed = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));
        Map<String, Integer> before = api.counts();
        assertProblem(api.call(PayoutAdminApi.event(RetryPayoutAction.ROUTE, failed.payoutId(),
                Json.write(Map.of("note", "n".repeat(1001))), OPS, Role.OPS)), 400, "validation", "note");
        APIGatewayV2HTTPEvent withQuery = PayoutAdminApi.event(RetryPayoutAction.ROUTE, failed.payoutId(), "{}", OPS, Role.OPS);
        withQuery.setQueryStringParameters(Map.of("force", "1"));
        assertProblem(api.call(withQuery), 400, "validation", "force");
        APIGatewayV2HTTPEvent text = HttpEvents.withHeader(PayoutAdminApi.event(RetryPayoutAction.ROUTE, failed.payoutId(), "{}", OPS,
                Role.OPS), "Content-Type", "text/plain");
        assertProblem(api.call(text), 415, "unsupported-media-type", null);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payout(failed.payoutId())).isEqualTo(failed);
    }

    @Test
    void retry_withAnEmptyBodyOrANote_isAccepted_andTheNoteIsAudited() {
        Payout first = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));
        Payout second = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));

        ok(api.call(PayoutAdminApi.event(RetryPayoutAction.ROUTE, first.payoutId(), "", OPS, Role.OPS)), 202);
        ok(api.call(PayoutAdminApi.event(RetryPayoutAction.ROUTE, second.payoutId(), "{\"note\":\"custodian fixed the whitelist\"}",
                "fin-fay", Role.FINANCE)), 202);

        assertThat(retries(second.payoutId()).getFirst().reason()).isEqualTo("custodian fixed the whitelist");
        assertThat(retries(second.payoutId()).getFirst().actorSub()).isEqualTo("fin-fay");
    }

    @Test
    void retry_isForOpsAndFinanceOnly() {
        Payout failed = world.inState(id(), user(), "1", PayoutStatus.FAILED, Optional.of("tx"));
        Map<String, Integer> before = api.counts();

        assertProblem(api.call(PayoutAdminApi.event(RetryPayoutAction.ROUTE, failed.payoutId(), "{}", null)), 401, "unauthorized", null);
        for (Role role : List.of(Role.SUPPORT, Role.SUPER_ADMIN, Role.REVIEWER, Role.SERVICE)) {
            assertProblem(api.retry(failed.payoutId(), UUID.randomUUID().toString(), "someone", role), 403, "forbidden", null);
        }

        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payout(failed.payoutId())).isEqualTo(failed);
        assertThat(nudged()).isEmpty();
    }

    @Test
    void pressedTwiceWithTheSameKey_replaysTheFirstAnswer_andRetriesOnce() {
        Payout failed = world.inState(id(), user(), "2", PayoutStatus.FAILED, Optional.of("tx"));
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = api.retry(failed.payoutId(), key, OPS, Role.OPS);
        APIGatewayV2HTTPResponse second = api.retry(failed.payoutId(), key, OPS, Role.OPS);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(second.getStatusCode()).isEqualTo(202);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertRetriedOnce(failed);
    }

    @Test
    void pressedTwiceWithTwoKeys_theSecondFindsItRequested() {
        Payout failed = world.inState(id(), user(), "2", PayoutStatus.FAILED, Optional.of("tx"));

        ok(api.retry(failed.payoutId()), 202);
        JsonNode problem = assertProblem(api.retry(failed.payoutId()), 409, "not-retryable", null);

        assertThat(problem.path("detail").asText()).contains("is REQUESTED");
        assertRetriedOnce(failed);
    }

    @Test
    void pressedConcurrently_retriesExactlyOnce() throws Exception {
        Payout failed = world.inState(id(), user(), "2", PayoutStatus.FAILED, Optional.of("tx"));
        String sharedKey = UUID.randomUUID().toString();
        int presses = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(presses)) {
            for (int i = 0; i < presses; i++) {
                // half of them a double click (one key), half of them other people (keys of their own)
                String key = i % 2 == 0 ? sharedKey : UUID.randomUUID().toString();
                String who = i % 2 == 0 ? OPS : "ops-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.retry(failed.payoutId(), key, who, Role.OPS);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                APIGatewayV2HTTPResponse response = answer.get();
                statuses.add(response.getStatusCode());
                if (response.getStatusCode() == 409) {
                    assertThat(json(response).path("type").asText()).matches(".*/(not-retryable|request-in-progress)");
                }
            }
            assertThat(statuses).containsOnly(202, 409);
            assertThat(statuses).as("the other people's presses at least find it REQUESTED").filteredOn(s -> s == 409)
                    .hasSizeGreaterThanOrEqualTo(presses / 2 - 1);
        }
        assertRetriedOnce(failed);
    }

    private void assertRetriedOnce(Payout failed) {
        Payout stored = world.payout(failed.payoutId());
        assertThat(stored.state()).contains(PayoutStatus.REQUESTED);
        assertThat(stored.version()).isEqualTo(failed.version() + 1);
        assertThat(stored.progress().submission()).isEqualTo(2);
        assertThat(entries(stored)).containsExactly(PayoutJournal.holdId(failed.payoutId(), 1),
                PayoutJournal.releaseId(failed.payoutId(), 1), PayoutJournal.holdId(failed.payoutId(), 2));
        assertThat(retries(failed.payoutId())).hasSize(1);
        assertThat(nudged()).containsExactly(failed.payoutId());
    }

    @Test
    void sampleEvent_retry_answersAsTheRouteDoes() {
        // the handler Lambda builds, from this function's settings
        APIGatewayV2HTTPResponse response = new PayoutAdminHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/payout-admin/retry.json"), LocalLambdaContext.of("payout-admin", 1024, 30));

        assertProblem(response, 404, "not-found", null);
    }
}
