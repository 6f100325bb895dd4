package com.warroom.console;

import com.warroom.topology.Topology;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The two cases support meets most, made for real against {@code ./warroom up}: a refund the custodian refused for good
 * (FAILED), and an order that was paid but whose access went missing.
 */
final class SupportCases {

    private final RunningWarroom warroom;
    private final PayoutRequests payouts;
    private final Checkout checkout;

    SupportCases(RunningWarroom warroom) {
        this.warroom = warroom;
        this.payouts = new PayoutRequests(warroom);
        this.checkout = new Checkout(warroom);
    }

    /** A registered user (primary wallet on Ethereum mainnet) whose refund the custodian refused: the payout is FAILED. */
    record FailedRefund(String userId, String wallet, String payoutId) {
    }

    FailedRefund failedRefund() throws Exception {
        String userId = PayoutRequests.newId("u-refund");
        String wallet = payouts.registerUser(userId);
        String payoutId = PayoutRequests.newId("PR");
        payouts.inject(payoutId, "reject");
        payouts.request(payoutId, userId, "REFUND", "12.50");
        payouts.await(payoutId, PayoutRequests.status("FAILED"));
        return new FailedRefund(userId, wallet, payoutId);
    }

    /** An order Midtrans settled (PAID, its access granted), then its access lost: what a bug or a hand edit would leave. */
    record PaidNoAccess(String orderId, String userId, String item) {
    }

    PaidNoAccess paidWithoutAccess() throws Exception {
        String orderId = Checkout.newOrderId("OA");
        String item = "course:python-101";
        checkout.register(orderId, "150000.00", item);
        checkout.pay(orderId, "settlement", "150000.00");
        checkout.awaitOrder(orderId, o -> o.path("status").asText().equals("PAID") && !o.path("entitlement").isMissingNode()
                && !o.path("entitlement").isNull());
        // Checkout registers each order for a user of its own
        String userId = "user-" + orderId.toLowerCase();
        try (DynamoDbClient dynamo = dynamo()) {
            dynamo.deleteItem(b -> b.tableName(Topology.ENTITLEMENTS.localName())
                    .key(Map.of("userId", AttributeValue.fromS(userId), "item", AttributeValue.fromS(item))));
        }
        return new PaidNoAccess(orderId, userId, item);
    }

    private DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(warroom.dynamoUrl()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
