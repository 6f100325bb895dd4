package com.warroom.approvals.workflow;

import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalServices;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagChangeNotifier;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** How the step handlers' no-arg constructors (the ones Lambda calls) build their collaborators from the environment. */
final class StepWiring {

    private StepWiring() {
    }

    static ApprovalServices services(DynamoDbEnhancedClient dynamo) {
        return ApprovalServices.fromSettings(dynamo, ActionRegistry.standard(), Clock.systemUTC());
    }

    static RequestRecorder recorder() {
        return new RequestRecorder(services(AwsClients.dynamoDbEnhanced()),
                new SnsApprovalNotifier(AwsClients.sns(), Settings.find(Topology.APPROVAL_NOTICES.arnEnvVar())));
    }

    static ApprovalApplier applier() {
        DynamoDbEnhancedClient dynamo = AwsClients.dynamoDbEnhanced();
        return new ApprovalApplier(services(dynamo), ApplyResources.fromSettings(dynamo, Clock.systemUTC(),
                        new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar()))),
                new FlagChangeNotifier(AwsClients.sqs(), Settings.find(Topology.FLAG_CHANGES.urlEnvVar())));
    }
}
