package com.warroom.approvals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.FakeAwsEndpoint;
import com.warroom.approvals.FakeAwsEndpoint.Reply;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notifier's real SNS Publish calls, against an endpoint that answers as SNS does. */
class SnsApprovalNotifierTest {

    private static final String TOPIC = "arn:aws:sns:ap-southeast-1:123456789012:warroom-approval-notices";
    private static final String PUBLISHED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>";
    private static FakeAwsEndpoint sns;

    private final ApprovalNotice notice = ApprovalNotice.of(
            ApprovalRequest.pending("a-1", EnableFundFlagAction.NAME, "{\"flag\":\"contribute\"}",
                    ApprovalFixtures.person("ops-alice", Role.OPS), "Investigation closed, all clear",
                    Instant.parse("2026-11-23T09:00:00Z"), Duration.ofHours(24)),
            new EnableFundFlagAction(), "flag:contribute@round:R1");

    @BeforeAll
    static void start() {
        sns = FakeAwsEndpoint.start(request -> Reply.xml(200, PUBLISHED));
    }

    @AfterAll
    static void stop() {
        sns.close();
    }

    @Test
    void requested_publishesTheNoticeOnTheTopic() {
        sns.reply(request -> Reply.xml(200, PUBLISHED));
        try (var client = sns.sns()) {
            new SnsApprovalNotifier(client, Optional.of(TOPIC)).requested(notice);
        }
        Map<String, String> form = sns.received().getLast().form();
        assertThat(form).containsEntry("Action", "Publish").containsEntry("TopicArn", TOPIC)
                .containsEntry("Subject", "Warroom approval needed: ENABLE_FUND_FLAG flag:contribute@round:R1");
        var message = Json.readTree(form.get("Message"));
        assertThat(message.path("approvalId").asText()).isEqualTo("a-1");
        assertThat(message.path("requestedByEmail").asText()).isEqualTo("ops-alice@warroom.test");
        assertThat(message.path("superAdminRequired").asBoolean()).isTrue();
        assertThat(message.path("path").asText()).isEqualTo("/v1/admin/approvals/a-1");
        assertThat(message.has("taskToken")).isFalse();
    }

    @Test
    void requested_whenSnsRefuses_doesNotFailTheStep() {
        sns.reply(request -> Reply.xml(404, "<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code>"
                + "<Message>Topic does not exist</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"));
        int before = sns.received().size();
        try (var client = sns.sns()) {
            new SnsApprovalNotifier(client, Optional.of(TOPIC)).requested(notice);
        }
        assertThat(sns.received()).hasSizeGreaterThan(before);
    }

    @Test
    void requested_withoutATopic_publishesNothing() {
        int before = sns.received().size();
        try (var client = sns.sns()) {
            new SnsApprovalNotifier(client, Optional.empty()).requested(notice);
        }
        assertThat(sns.received()).hasSize(before);
    }

    @Test
    void subject_isCutToSnsLimit() {
        ApprovalNotice longTarget = new ApprovalNotice("a-2", "CONFIG_CHANGE", "config:" + "k".repeat(200), null, null,
                null, null, null, null, java.util.List.of(), true, "/v1/admin/approvals/a-2");
        assertThat(longTarget.subject()).hasSize(100).startsWith("Warroom approval needed: CONFIG_CHANGE config:");
    }
}
