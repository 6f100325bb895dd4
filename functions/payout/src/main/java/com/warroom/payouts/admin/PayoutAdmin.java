package com.warroom.payouts.admin;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.ledger.Ledger;
import com.warroom.payouts.PayoutQueries;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * What the payout queue's routes work with: the payouts (read one, list, write), their seal, the ledger, the audit log,
 * the worker's queue, and the approvals an override is asked through.
 */
record PayoutAdmin(PayoutStore store, PayoutQueries queries, PayoutSeal seal, Ledger ledger, AuditLog audit, PayoutWork work,
                   ApprovalRequester approvals, ApprovalWorkflowStarter workflow, Clock clock) {

    /** Over the tables, queue and state machine named in this function's environment; seals with the topology's key. */
    static PayoutAdmin fromSettings(DynamoDbEnhancedClient dynamo, Clock clock) {
        Sealer sealer = KmsSealer.forKey(Topology.SEALS);
        String payouts = Settings.require(Topology.PAYOUTS.envVar());
        return new PayoutAdmin(
                new PayoutStore(dynamo, payouts),
                new PayoutQueries(dynamo, payouts),
                new PayoutSeal(sealer),
                Ledger.fromSettings(dynamo, sealer, clock),
                new AuditLog(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, clock),
                new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar())),
                new ApprovalRequester(dynamo.table(Settings.require(Topology.APPROVALS.envVar()), ApprovalRequest.SCHEMA), sealer),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                clock);
    }
}
