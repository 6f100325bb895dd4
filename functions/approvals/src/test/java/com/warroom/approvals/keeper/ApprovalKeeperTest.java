package com.warroom.approvals.keeper;

import static com.warroom.approvals.keeper.LostStarts.LOST_FOR;
import static com.warroom.approvals.keeper.LostStarts.assertLeftAlone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.FakeAwsEndpoint;
import com.warroom.approvals.FakeAwsEndpoint.Reply;
import com.warroom.aws.AwsClients;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The approval keeper against the embedded stack's local Step Functions, which runs the real workflow (the four task
 * handlers, in-process) and treats a second StartExecution of a name as AWS does.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovalKeeperTest {

    private static LostStarts lost;
    private static SfnClient sfn;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        lost = new LostStarts(stack);
        sfn = AwsClients.sfn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
    }

    @Test
    void run_whenTwoRunsOverlap_startsEachLostRequestsWorkflowOnce() throws Exception {
        List<ApprovalRequest> requests = IntStream.range(0, 4).mapToObj(i -> lost.recorded(LOST_FOR)).toList();
        int keepers = 2;
        CyclicBarrier together = new CyclicBarrier(keepers);
        ExecutorService pool = Executors.newFixedThreadPool(keepers);
        List<KeeperRun> runs;
        try (SfnClient other = AwsClients.sfn()) {
            List<Callable<KeeperRun>> calls = List.of(sfn, other).stream().<Callable<KeeperRun>>map(client -> () -> {
                ApprovalKeeper keeper = lost.keeper(client, Clock.systemUTC());
                together.await();
                return keeper.run();
            }).toList();
            runs = pool.invokeAll(calls).stream().map(ApprovalKeeperTest::get).toList();
        } finally {
            pool.shutdownNow();
        }
        for (KeeperRun run : runs) {
            lost.settle(run);
        }

        for (ApprovalRequest request : requests) {
            String id = request.id();
            assertThat(runs).as("a run started it, or found it running").anySatisfy(run -> assertThat(run.started()).contains(id));
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.alreadyStarted()).doesNotContain(id);
                assertThat(run.unavailable()).doesNotContain(id);
            });
            ExecutionView execution = lost.quiet(id);
            assertThat(execution.state()).isEqualTo(ApprovalWorkflowDef.WAIT_FOR_DECISION);
            assertThat(lost.executionsNamed(sfn, id)).isEqualTo(1);
            assertThat(lost.stack.localStepFunctions().statesEntered(execution.executionArn()))
                    .containsOnlyOnce(ApprovalWorkflowDef.RECORD_REQUEST);
            assertThat(lost.recordedEntries(request)).hasSize(1);
            assertThat(lost.fixtures.read(id).workflowStartedAt()).isNotNull();
        }
        KeeperRun later = lost.keeper(sfn, Clock.systemUTC()).run();
        lost.settle(later);
        requests.forEach(request -> assertLeftAlone(later, request.id()));
    }

    @Test
    void run_whenARequestIsWithinTheGracePeriod_leavesItAlone() throws Exception {
        ApprovalRequest request = lost.recorded(Duration.ZERO);
        Instant justBeforeGraceEnds = Instant.parse(request.requestedAt()).plus(ApprovalKeeper.GRACE).minusSeconds(1);

        KeeperRun run = lost.keeper(sfn, Clock.fixed(justBeforeGraceEnds, ZoneOffset.UTC)).run();
        lost.settle(run);

        assertLeftAlone(run, request.id());
        assertThat(lost.execution(request.id())).isEmpty();
    }

    @Test
    void run_whenARequestHasExpired_leavesItAlone() throws Exception {
        ApprovalRequest request = lost.recorded(Topology.APPROVAL.decisionTimeout().plusMinutes(1));

        KeeperRun run = lost.keeper(sfn, Clock.systemUTC()).run();
        lost.settle(run);

        assertLeftAlone(run, request.id());
        assertThat(lost.execution(request.id())).isEmpty();
    }

    @Test
    void run_whenAWorkflowAlreadyTookTheRequestOn_leavesItAlone() throws Exception {
        ApprovalRequest recorded = lost.recorded(LOST_FOR);
        lost.fixtures.overwrite(recorded.toBuilder().workflowStartedAt(Instant.parse(recorded.requestedAt()).plusSeconds(1).toString()).build());

        KeeperRun run = lost.keeper(sfn, Clock.systemUTC()).run();
        lost.settle(run);

        assertLeftAlone(run, recorded.id());
        assertThat(lost.execution(recorded.id())).isEmpty();
    }

    @Test
    void handleRequest_whenStepFunctionsRefuses_triesEveryRequestThenFails_andTheRequestStaysPending() {
        ApprovalRequest first = lost.recorded(LOST_FOR);
        ApprovalRequest second = lost.recorded(LOST_FOR.plusMinutes(1));
        try (FakeAwsEndpoint stepFunctions = FakeAwsEndpoint.start(request -> Reply.jsonError(400, "StateMachineDoesNotExist"));
             SfnClient refusing = stepFunctions.sfn()) {
            var handler = new ApprovalKeeperHandler(lost.keeper(refusing, Clock.systemUTC()));

            assertThatThrownBy(() -> handler.handleRequest(Map.of(), LocalLambdaContext.of(Topology.APPROVAL_KEEPER.name(), 512, 60)))
                    .isInstanceOfSatisfying(WorkflowsNotStartedException.class,
                            e -> assertThat(e.run().unavailable()).contains(first.id(), second.id()));
        }
        assertThat(lost.fixtures.read(first.id())).isEqualTo(first);
        assertThat(lost.fixtures.read(second.id())).isEqualTo(second);
    }

    @Test
    void handleRequest_whenTheExecutionHasEnded_reportsAlreadyStarted_andDoesNotFail() {
        ApprovalRequest request = lost.recorded(LOST_FOR);
        try (FakeAwsEndpoint stepFunctions = FakeAwsEndpoint.start(r -> Reply.jsonError(400, "ExecutionAlreadyExists"));
             SfnClient refusing = stepFunctions.sfn()) {
            var handler = new ApprovalKeeperHandler(lost.keeper(refusing, Clock.systemUTC()));

            Map<String, Object> answer = handler.handleRequest(Map.of(), LocalLambdaContext.of(Topology.APPROVAL_KEEPER.name(), 512, 60));

            assertThat(answer).containsOnlyKeys("checked", "started", "alreadyStarted", "unavailable");
            assertThat(answer.get("alreadyStarted")).asInstanceOf(LIST).contains(request.id());
            assertThat(answer.get("unavailable")).asInstanceOf(LIST).isEmpty();
        }
    }

    @Test
    void beforeCheckpoint_whenALostRequestWaits_readsOnlyAndStartsNoWorkflow() {
        ApprovalRequest request = lost.recorded(LOST_FOR);
        ApprovalKeeper keeper = lost.keeper(sfn, Clock.systemUTC());

        assertThatCode(keeper::prime).as("priming runs its read without failing").doesNotThrowAnyException();
        new ApprovalKeeperHandler(keeper).priming().beforeCheckpoint(null);

        assertThat(lost.execution(request.id())).isEmpty();
        assertThat(lost.fixtures.read(request.id())).isEqualTo(request);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
