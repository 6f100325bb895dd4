package com.warroom.approvals.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event in events/approval-keeper/ (what EventBridge Scheduler delivers: the schedule's fixed input {@code {}}),
 * fed to the handler as Lambda builds it (no-arg constructor, settings from the environment).
 */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovalKeeperSampleEventsTest {

    @Test
    void handleRequest_whenGivenTheSample_startsTheLostRequestsWorkflow(EmbeddedStack stack) throws Exception {
        LostStarts lost = new LostStarts(stack);
        ApprovalRequest request = lost.recorded(LostStarts.LOST_FOR);
        Map<String, Object> event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/approval-keeper/scheduled-run.json")) {
            event = Json.mapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        }
        assertThat(event).isEmpty();

        Map<String, Object> answer = new ApprovalKeeperHandler().handleRequest(event,
                LocalLambdaContext.of(Topology.APPROVAL_KEEPER.name(), 512, 60));

        assertThat(answer).containsOnlyKeys("checked", "started", "alreadyStarted", "unavailable");
        assertThat((Integer) answer.get("checked")).isPositive();
        @SuppressWarnings("unchecked")
        List<String> started = (List<String>) answer.get("started");
        assertThat(started).contains(request.id());
        lost.settle(new KeeperRun(0, started, List.of(), List.of()));
        assertThat(lost.fixtures.read(request.id()).workflowStartedAt()).isNotNull();
    }
}
