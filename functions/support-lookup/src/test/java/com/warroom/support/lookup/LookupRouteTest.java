package com.warroom.support.lookup;

import static com.warroom.support.lookup.LookupWorld.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.OrderStatus;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.Wallet;
import com.warroom.topology.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/support/lookup} over the embedded stack: each kind of identifier found and not found, the card's
 * contents, masking per role, an audit entry per lookup, bad {@code q}, roles.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LookupRouteTest {

    private static LookupWorld world;

    // one user with something of everything
    private static String userId;
    private static String address;
    private static String email;
    private static String orderId;
    private static String pendingOrderId;
    private static String payoutId;
    private static String payoutTxHash;
    private static String transactionId;
    private static String contributionTxHash;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new LookupWorld(stack);
        userId = fresh("u");
        address = LookupWorld.evmAddress();
        email = fresh("sara") + "@Example.com";
        orderId = fresh("ord");
        pendingOrderId = fresh("ord");
        payoutId = fresh("po");
        payoutTxHash = LookupWorld.evmTxHash();
        transactionId = java.util.UUID.randomUUID().toString();
        contributionTxHash = LookupWorld.evmTxHash();
        Wallet wallet = new Wallet("evm:1", address);
        world.user(userId, wallet);
        world.order(orderId, userId, "course-rust", OrderStatus.PAID, Optional.of(email), Duration.ofDays(2));
        world.entitlement(userId, "course-rust", orderId);
        world.midtransNotification(orderId, transactionId);
        world.order(pendingOrderId, userId, "course-go", OrderStatus.PENDING, Optional.of(email), Duration.ofMinutes(40));
        world.payout(payoutId, userId, PayoutKind.REFUND, wallet, PayoutStatus.CONFIRMED, Duration.ofHours(3),
                Optional.of("COMPLETED"), Optional.of(payoutTxHash), Optional.empty());
        world.platformEvent(fresh("evt"), "ContributionConfirmed", userId,
                "{\"roundId\":\"round-7\",\"userId\":\"" + userId + "\",\"amount\":\"100.50\",\"asset\":\"USDC\",\"txHash\":\""
                        + contributionTxHash + "\"}", Optional.of(contributionTxHash), Duration.ofDays(5));
        world.finding(fresh("f"), "orders-paid", orderId + " entitlement", "OPEN");
        world.finding(fresh("f"), "orders-paid", fresh("ord") + " entitlement", "OPEN");
        world.finding(fresh("f"), "payouts-vs-ledger", payoutId, "ACKNOWLEDGED");
        world.finding(fresh("f"), "negative-balances", "user:" + userId + " USDC", "RESOLVED");
        world.ticket(fresh("t"), userId, "BUG", "Paid but the course is locked", "OPEN");
        world.disable(Flag.CLAIM_REFERRAL, new FlagScope.User(userId), "referral abuse under review");
        world.disable(Flag.CLAIM_VESTING, new FlagScope.Round("round-7"), "vesting schedule fix");
        world.disable(Flag.CLAIM_SBT, new FlagScope.User(fresh("u")), "someone else");
    }

    // ---- each kind, found

    @Test
    void lookup_byUserId_answersTheWholeCard() {
        JsonNode card = world.card(userId, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("USER_ID");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("user " + userId);
        assertThat(card.path("masked").asBoolean()).isFalse();
        JsonNode user = card.path("user");
        assertThat(user.path("userId").asText()).isEqualTo(userId);
        assertThat(user.path("known").asBoolean()).isTrue();
        assertThat(user.path("primaryWallet").path("chain").asText()).isEqualTo("evm:1");
        assertThat(user.path("primaryWallet").path("address").asText()).isEqualTo(address);
        assertThat(user.path("kyc").path("status").asText()).isEqualTo("APPROVED");
        assertThat(user.path("bluecheck").asBoolean()).isTrue();
        assertThat(user.path("activeReferralCount").asInt()).isEqualTo(2);
        assertThat(user.path("coolingOff").asBoolean()).isFalse();

        assertThat(texts(card.path("orders"), "orderId")).containsExactly(pendingOrderId, orderId);
        JsonNode paid = card.path("orders").get(1);
        assertThat(paid.path("amount").asText()).isEqualTo("150000.00");
        assertThat(paid.path("currency").asText()).isEqualTo("IDR");
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("entitled").asBoolean()).isTrue();
        assertThat(paid.path("paidAt").asText()).isNotEmpty();
        assertThat(paid.path("ageSeconds").asLong()).isEqualTo(Duration.ofDays(2).toSeconds());
        JsonNode pending = card.path("orders").get(0);
        assertThat(pending.path("entitled").asBoolean()).isFalse();
        // PENDING for 40 minutes: past the sweeper's 15
        assertThat(pending.path("stuck").asBoolean()).isTrue();

        JsonNode payout = card.path("payouts").get(0);
        assertThat(payout.path("payoutId").asText()).isEqualTo(payoutId);
        assertThat(payout.path("kind").asText()).isEqualTo("REFUND");
        assertThat(payout.path("amount").asText()).isEqualTo("25.000000");
        assertThat(payout.path("asset").asText()).isEqualTo("USDC");
        assertThat(payout.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(payout.path("railStatus").asText()).isEqualTo("COMPLETED");
        assertThat(payout.path("txHash").asText()).isEqualTo(payoutTxHash);
        assertThat(payout.path("destination").asText()).isEqualTo(address);
        assertThat(payout.path("paidToPrimary").asBoolean()).isTrue();
        assertThat(payout.path("stuck").asBoolean()).isFalse();

        JsonNode claim = card.path("claims").get(0);
        assertThat(claim.path("type").asText()).isEqualTo("ContributionConfirmed");
        assertThat(claim.path("amount").asText()).isEqualTo("100.500000");
        assertThat(claim.path("asset").asText()).isEqualTo("USDC");
        assertThat(claim.path("roundId").asText()).isEqualTo("round-7");

        // unresolved ones about the user's orders and payouts; not another order's, not a resolved one
        assertThat(texts(card.path("findings"), "subject")).containsExactly(orderId + " entitlement", payoutId);
        assertThat(texts(card.path("findings"), "status")).containsExactly("OPEN", "ACKNOWLEDGED");
        assertThat(texts(card.path("tickets"), "title")).containsExactly("Paid but the course is locked");
        // the user's own switch and their round's, not another user's
        assertThat(texts(card.path("blocks"), "flag")).containsExactly("claim.referral", "claim.vesting");
        assertThat(texts(card.path("blocks"), "scope")).containsExactly("user:" + userId, "round:round-7");
        assertThat(card.path("blocks").get(0).path("reason").asText()).isEqualTo("referral abuse under review");
        assertThat(card.path("alsoMatched").isArray()).isTrue();
        assertThat(card.path("alsoMatched").size()).isZero();
        assertThat(card.path("suggestions").isArray()).isTrue();
    }

    @Test
    void lookup_byEmail_inAnyCase_findsTheUserOfItsOrders() {
        JsonNode card = world.card(email.toUpperCase(java.util.Locale.ROOT), Role.FINANCE);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("EMAIL");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("2 orders with this email");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_byEvmWallet_inAnyCase_findsItsUser() {
        for (String spelling : List.of(address, address.toLowerCase(java.util.Locale.ROOT))) {
            JsonNode card = world.card(spelling, Role.OPS);
            assertThat(card.path("query").path("kind").asText()).isEqualTo("WALLET_EVM");
            assertThat(card.path("query").path("matched").asText()).isEqualTo("the primary wallet of user " + userId);
            assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
        }
    }

    @Test
    void lookup_bySolanaWallet_findsItsUser() {
        String solanaUser = fresh("u");
        String solana = LookupWorld.solanaAddress();
        world.user(solanaUser, new Wallet("solana", solana));

        JsonNode card = world.card(solana, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("WALLET_SOLANA");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(solanaUser);
        assertThat(card.path("user").path("primaryWallet").path("address").asText()).isEqualTo(solana);
    }

    @Test
    void lookup_walletSharedByTwoUsers_cardsTheFirst_namesTheOther() {
        String shared = LookupWorld.evmAddress();
        String first = fresh("u");
        String second = fresh("u");
        world.user(first, new Wallet("evm:1", shared));
        world.user(second, new Wallet("evm:137", shared));

        JsonNode card = world.card(shared, Role.OPS);

        List<String> both = List.of(card.path("user").path("userId").asText(), card.path("alsoMatched").get(0).asText());
        assertThat(both).containsExactlyInAnyOrder(first, second);
        assertThat(card.path("query").path("matched").asText()).isEqualTo("the primary wallet of 2 users");
    }

    @Test
    void lookup_byOrderId_findsItsUser() {
        JsonNode card = world.card(orderId, Role.SUPER_ADMIN);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("ORDER_ID");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("order " + orderId);
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_byPayoutId_findsItsUser() {
        JsonNode card = world.card(payoutId, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("PAYOUT_ID");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("payout " + payoutId);
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_byMidtransTransactionId_findsTheUserOfItsOrder() {
        JsonNode card = world.card(transactionId.toUpperCase(java.util.Locale.ROOT), Role.SUPPORT);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("MIDTRANS_TRANSACTION_ID");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("order " + orderId + " (its Midtrans transaction)");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_byPayoutTxHash_findsThePayoutsUser() {
        JsonNode card = world.card(payoutTxHash.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"), Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("TX_HASH");
        assertThat(card.path("query").path("matched").asText()).isEqualTo("payout " + payoutId);
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_byContributionTxHash_findsTheContributor() {
        JsonNode card = world.card(contributionTxHash, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("TX_HASH");
        assertThat(card.path("query").path("matched").asText()).startsWith("contribution evt-");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void lookup_bySolanaSignature_findsThePayoutsUser() {
        String solanaUser = fresh("u");
        Wallet solana = new Wallet("solana", LookupWorld.solanaAddress());
        String signature = LookupWorld.solanaSignature();
        String solanaPayout = fresh("po");
        world.user(solanaUser, solana);
        world.payout(solanaPayout, solanaUser, PayoutKind.VESTING_CLAIM, solana, PayoutStatus.SUBMITTED, Duration.ofMinutes(10),
                Optional.of("BROADCASTING"), Optional.of(signature), Optional.empty());

        JsonNode card = world.card(signature, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("TX_HASH");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(solanaUser);
        assertThat(card.path("payouts").get(0).path("stuck").asBoolean()).isFalse();
    }

    @Test
    void lookup_userKnownOnlyFromOrders_isAnUnknownUsersCard() {
        String stranger = fresh("u");
        String strangersOrder = fresh("ord");
        world.order(strangersOrder, stranger, "course-rust", OrderStatus.PAID, Optional.empty(), Duration.ofHours(1));

        JsonNode card = world.card(stranger, Role.OPS);

        assertThat(card.path("query").path("kind").asText()).isEqualTo("USER_ID");
        assertThat(card.path("user").path("known").asBoolean()).isFalse();
        assertThat(card.path("user").path("primaryWallet").isNull()).isTrue();
        assertThat(card.path("user").path("kyc").path("status").isNull()).isTrue();
        assertThat(texts(card.path("orders"), "orderId")).containsExactly(strangersOrder);
        assertThat(card.path("orders").get(0).path("entitled").asBoolean()).isFalse();
    }

    @Test
    void lookup_stuckPayout_isBadgedByItsStatusThreshold() {
        String stuckUser = fresh("u");
        Wallet wallet = new Wallet("evm:1", LookupWorld.evmAddress());
        world.user(stuckUser, wallet);
        String submittedLong = fresh("po");
        String submittedShort = fresh("po");
        world.payout(submittedLong, stuckUser, PayoutKind.REFUND, wallet, PayoutStatus.SUBMITTED, PayoutStatus.SUBMITTED.stuckAfter()
                .orElseThrow().plusMinutes(1), Optional.of("PENDING"), Optional.empty(), Optional.empty());
        world.payout(submittedShort, stuckUser, PayoutKind.REFUND, new Wallet("evm:1", LookupWorld.evmAddress()), PayoutStatus.SUBMITTED,
                Duration.ofMinutes(40), Optional.of("PENDING"), Optional.empty(), Optional.empty());

        JsonNode card = world.card(stuckUser, Role.OPS);

        assertThat(texts(card.path("payouts"), "payoutId")).containsExactly(submittedShort, submittedLong);
        assertThat(card.path("payouts").get(0).path("stuck").asBoolean()).isFalse();
        assertThat(card.path("payouts").get(0).path("ageSeconds").asLong()).isEqualTo(40 * 60);
        assertThat(card.path("payouts").get(0).path("paidToPrimary").asBoolean()).isFalse();
        assertThat(card.path("payouts").get(1).path("stuck").asBoolean()).isTrue();
        assertThat(card.path("payouts").get(1).path("paidToPrimary").asBoolean()).isTrue();
    }

    @Test
    void lookup_userAfterAWalletChange_isCoolingOff_andKycReasonShown() {
        String changed = fresh("u");
        world.user(changed, new Wallet("evm:1", LookupWorld.evmAddress()), "REJECTED", Optional.of("document unreadable"),
                Optional.of(LookupWorld.NOW.plus(Duration.ofHours(48))));

        JsonNode user = world.card(changed, Role.SUPPORT).path("user");

        assertThat(user.path("coolingOff").asBoolean()).isTrue();
        assertThat(user.path("coolingOffUntil").asText()).isEqualTo("2026-12-03T10:00:00.000Z");
        assertThat(user.path("kyc").path("status").asText()).isEqualTo("REJECTED");
        assertThat(user.path("kyc").path("reason").asText()).isEqualTo("document unreadable");
    }

    // ---- each kind, not found

    @ParameterizedTest
    @EnumSource(QueryKind.class)
    void lookup_nothingOfThatKind_is404NamingQTheKindsAndWhatWasSearched(QueryKind kind) {
        String q = switch (kind) {
            case USER_ID, ORDER_ID, PAYOUT_ID -> fresh("nobody");
            case EMAIL -> fresh("nobody") + "@example.com";
            case WALLET_EVM -> LookupWorld.evmAddress();
            case WALLET_SOLANA -> LookupWorld.solanaAddress();
            case MIDTRANS_TRANSACTION_ID -> java.util.UUID.randomUUID().toString();
            case TX_HASH -> LookupWorld.evmTxHash();
        };
        String sub = fresh("ops");

        APIGatewayV2HTTPResponse response = world.lookup(q, sub, Role.OPS);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("q").asText()).isEqualTo(q);
        assertThat(texts(problem.path("kindsTried"))).contains(kind.name()).isEqualTo(Identifiers.kindsOf(q).stream().map(Enum::name).toList());
        assertThat(problem.path("searched").size()).isPositive();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(problem.path("detail").asText()).contains(q).contains(kind.name());
        AuditEntry entry = world.auditBy(sub).get(0);
        assertThat(entry.target()).isEqualTo(LookupAudit.NOBODY);
        assertThat(Json.readTree(entry.after()).path("found").asBoolean()).isFalse();
    }

    @Test
    void lookup_notFound_tellsEachReadMade() {
        APIGatewayV2HTTPResponse response = world.lookup(fresh("nobody"), fresh("ops"), Role.OPS);

        assertThat(texts(Json.readTree(response.getBody()).path("searched"))).containsExactly("users by id",
                "orders, payouts and platform events by user id", "orders by id", "payouts by id");
    }

    // ---- masking per role

    @Test
    void lookup_asSupport_masksWalletsAndEmails_everywhere() {
        JsonNode card = world.card(address, Role.SUPPORT);

        assertThat(card.path("masked").asBoolean()).isTrue();
        String masked = address.substring(0, 2) + "…" + address.substring(address.length() - 4);
        assertThat(card.path("query").path("q").asText()).isEqualTo(masked);
        assertThat(card.path("user").path("primaryWallet").path("address").asText()).isEqualTo(masked);
        assertThat(card.path("payouts").get(0).path("destination").asText()).isEqualTo(masked);
        assertThat(card.toString()).doesNotContain(address.substring(2, 38)).doesNotContain(address.toLowerCase(java.util.Locale.ROOT));
        // tx hashes are public on chain: shown
        assertThat(card.path("payouts").get(0).path("txHash").asText()).isEqualTo(payoutTxHash);

        JsonNode byEmail = world.card(email, Role.SUPPORT);
        String local = email.substring(0, email.indexOf('@'));
        assertThat(byEmail.path("query").path("q").asText()).isEqualTo("…" + local.substring(local.length() - 2) + "@Example.com");
        assertThat(byEmail.toString()).doesNotContain(local);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPS", "FINANCE", "SUPER_ADMIN"})
    void lookup_asARoleThatOperatesTheFlows_seesAll(Role role) {
        JsonNode card = world.card(address, role);

        assertThat(card.path("masked").asBoolean()).isFalse();
        assertThat(card.path("query").path("q").asText()).isEqualTo(address);
        assertThat(card.path("user").path("primaryWallet").path("address").asText()).isEqualTo(address);
        assertThat(card.path("payouts").get(0).path("destination").asText()).isEqualTo(address);
    }

    @Test
    void lookup_supportAndOps_seesAll() {
        APIGatewayV2HTTPResponse response = world.lookup(address, fresh("lead"), Role.SUPPORT, Role.OPS);

        assertThat(Json.readTree(response.getBody()).path("masked").asBoolean()).isFalse();
    }

    @Test
    void lookup_notFoundAsSupport_masksTheEchoedQuery() {
        String nobody = LookupWorld.evmAddress();

        JsonNode problem = Json.readTree(world.lookup(nobody, fresh("support"), Role.SUPPORT).getBody());

        assertThat(problem.path("q").asText()).isEqualTo(nobody.substring(0, 2) + "…" + nobody.substring(38));
        assertThat(problem.toString()).doesNotContain(nobody.substring(2, 38));
    }

    // ---- audit

    @Test
    void lookup_found_appendsOneAuditEntry_whoLookedUpWhom_queryMasked() {
        String sub = fresh("support");

        world.lookup(address, sub, Role.SUPPORT);

        List<AuditEntry> entries = world.auditBy(sub);
        assertThat(entries).hasSize(1);
        AuditEntry entry = entries.get(0);
        assertThat(entry.action()).isEqualTo("support.lookup");
        assertThat(entry.target()).isEqualTo("user:" + userId);
        assertThat(entry.actorRoles()).containsExactly("support");
        JsonNode after = Json.readTree(entry.after());
        assertThat(after.path("kind").asText()).isEqualTo("WALLET_EVM");
        assertThat(after.path("query").asText()).isEqualTo(address.substring(0, 2) + "…" + address.substring(38));
        assertThat(texts(after.path("userIds"))).containsExactly(userId);
        assertThat(after.path("found").asBoolean()).isTrue();
        assertThat(entry.after()).doesNotContain(address.substring(2, 38));
    }

    @Test
    void lookup_byOps_isAuditedWithTheQueryMaskedAsForSupport() {
        String sub = fresh("ops");

        world.lookup(email, sub, Role.OPS);

        JsonNode after = Json.readTree(world.auditBy(sub).get(0).after());
        assertThat(after.path("query").asText()).startsWith("…").endsWith("@Example.com");
        assertThat(after.path("kind").asText()).isEqualTo("EMAIL");
    }

    @Test
    void prime_readsAsALookupDoes_butWritesNoAuditEntry() {
        AuditQuery newest = new AuditQuery(Optional.empty(), Optional.empty(), 1, Optional.empty());
        List<AuditEntry> before = world.audit.newest(newest);

        world.lookup.prime();

        assertThat(world.audit.newest(newest)).isEqualTo(before);
    }

    @Test
    void lookup_twice_isAuditedTwice() {
        String sub = fresh("support");

        world.lookup(orderId, sub, Role.SUPPORT);
        world.lookup(orderId, sub, Role.SUPPORT);

        assertThat(world.auditBy(sub)).hasSize(2);
    }

    // ---- bad q: 400 naming q, nothing looked up, nothing audited

    @Test
    void lookup_withoutQ_is400NamingQ() {
        assertBadQ(null, "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void lookup_blankQ_is400NamingQ(String q) {
        assertBadQ(q, "is required");
    }

    @Test
    void lookup_qOverTheLongestIdentifier_is400NamingQ() {
        assertBadQ("a".repeat(Identifiers.MAX_LENGTH + 1), "at most " + Identifiers.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ord\u0000-1", "ord\u001b-1", "u-1\u202e", "ord\u0085-1", "u-\ud800"})
    void lookup_qWithControlCharacters_is400NamingQ(String q) {
        assertBadQ(q, "must");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "ord-1\nord-2", "<script>alert(1)</script>", "a/b"})
    void lookup_qOfNoIdentifierShape_is400NamingQ(String q) {
        assertBadQ(q, "must");
    }

    @Test
    void lookup_unknownParameter_is400NamingIt() {
        String sub = fresh("ops");
        var event = com.warroom.local.stack.HttpEvents.route(LookupWorld.ROUTE).caller(sub, Role.OPS).query("q", orderId)
                .query("limit", "5").build();

        APIGatewayV2HTTPResponse response = world.handler.handleRequest(event,
                com.warroom.local.stack.LocalLambdaContext.of("support-lookup", 512, 10));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.readTree(response.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(world.auditBy(sub)).isEmpty();
    }

    @Test
    void lookup_surroundingSpaces_areIgnored() {
        assertThat(world.card("  " + orderId + " ", Role.OPS).path("user").path("userId").asText()).isEqualTo(userId);
    }

    private static void assertBadQ(String q, String message) {
        String sub = fresh("support");

        APIGatewayV2HTTPResponse response = world.lookup(q, sub, Role.SUPPORT);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains(message);
        assertThat(world.auditBy(sub)).isEmpty();
    }

    // ---- roles

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"REVIEWER", "SERVICE"})
    void lookup_byARoleNotAllowed_is403_andNotAudited(Role role) {
        String sub = fresh("other");

        APIGatewayV2HTTPResponse response = world.lookup(orderId, sub, role);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).doesNotContain(userId);
        assertThat(world.auditBy(sub)).isEmpty();
    }

    @Test
    void lookup_withoutToken_is401() {
        var event = com.warroom.local.stack.HttpEvents.route(LookupWorld.ROUTE).query("q", orderId).build();

        APIGatewayV2HTTPResponse response = world.handler.handleRequest(event,
                com.warroom.local.stack.LocalLambdaContext.of("support-lookup", 512, 10));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).doesNotContain(userId);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
