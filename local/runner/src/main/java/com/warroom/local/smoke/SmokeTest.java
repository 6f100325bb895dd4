package com.warroom.local.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.smoke.SmokeCheck.Outcome;
import com.warroom.local.smoke.SmokeHttp.Answer;
import com.warroom.payments.MidtransSignature;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The checks that apply after a deploy, run in order against one API: health; each role's access (derived from the
 * topology); a kill switch on a smoke scope disabled, seen blocked and re-enabled through the two-person approval; audit
 * verify; a Midtrans notification with a bad signature refused; a payout to another wallet than the primary refused; a
 * referral claim without blue check refused; a payout without {@code Idempotency-Key} refused; a payment review let
 * through only by two people (SCAN_OVERRIDE → OVERRIDDEN_PASS); the stuck list. Each check prints one line as it ends.
 * Everything it creates is named {@code smoke-<run>} (see {@link #leftBehind}).
 */
public final class SmokeTest {

    /** The smoke user's primary wallet and another one (EIP-55 test vectors: valid checksummed addresses nobody uses). */
    static final String PRIMARY_WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String OTHER_WALLET = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    static final String CHAIN = "evm:1";
    static final String FLAG = "payout";
    /** 1 trillion USDC: the largest amount a payout may ask for, and more than any treasury holds. */
    static final String UNPAYABLE_AMOUNT = "1000000000000";
    private static final Duration DECISION_WAIT = Duration.ofSeconds(60);
    private static final Duration REVIEW_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 250;

    private final SmokeHttp http;
    private final SmokeTokens tokens;
    private final Topology topology;
    private final Clock clock;
    private final PrintStream out;
    private final String runId;
    private final List<SmokeCheck> checks = new ArrayList<>();
    private final List<String> leftBehind = new ArrayList<>();

    public SmokeTest(SmokeHttp http, SmokeTokens tokens, Topology topology, Clock clock, PrintStream out, String runId) {
        this.http = http;
        this.tokens = tokens;
        this.topology = topology;
        this.clock = clock;
        this.out = out;
        this.runId = runId;
    }

    /** Runs every check; the results in order. */
    public List<SmokeCheck> run() {
        health();
        access();
        killSwitch();
        auditVerify();
        midtransBadSignature();
        payoutGates();
        scanOverride();
        stuckList();
        return List.copyOf(checks);
    }

    public List<String> leftBehind() {
        return List.copyOf(leftBehind);
    }

    public String runId() {
        return runId;
    }

    private void record(String name, Outcome outcome, String expected, String seen) {
        SmokeCheck check = new SmokeCheck(name, outcome, clock.instant(), expected, seen);
        checks.add(check);
        out.println(check.line());
    }

    private void expect(String name, String expected, Answer answer, Predicate<Answer> ok) {
        record(name, ok.test(answer) ? Outcome.PASS : Outcome.FAIL, expected, answer.seen());
    }

    private void skip(String name, String expected, String why) {
        record(name, Outcome.SKIP, expected, why);
    }

    // ---- health and access

    private void health() {
        Answer answer = http.get("/v1/health", Optional.empty());
        expect("health", "200 {\"status\":\"ok\"}", answer, a -> a.status() == 200 && "ok".equals(a.json().path("status").asText()));
    }

    private void access() {
        AccessSamples.anyProtectedRead(topology).ifPresent(route -> expect("access.no-token", "401 without a token on "
                + key(route), http.get(route.path(), Optional.empty()), a -> a.status() == 401));
        for (AccessSamples.Sample sample : AccessSamples.of(topology)) {
            String role = sample.role().claimValue();
            Optional<String> token = tokens.role(sample.role());
            sample.reaches().ifPresent(route -> {
                String expected = "role " + role + " reaches " + key(route) + " (not 401/403, no 5xx)";
                token.ifPresentOrElse(t -> expect("access." + role + ".reaches", expected, http.get(route.path(), Optional.of(t)),
                                a -> a.status() >= 200 && a.status() < 500 && a.status() != 401 && a.status() != 403),
                        () -> skip("access." + role + ".reaches", expected, "no token for role " + role));
            });
            sample.refused().ifPresent(route -> {
                String expected = "role " + role + " refused on " + key(route) + " (403)";
                token.ifPresentOrElse(t -> expect("access." + role + ".refused", expected, http.send(route.method(), route.path(),
                                Optional.of(t), route.method().equals("GET") ? Optional.empty() : Optional.of("{}"), Map.of()),
                                a -> a.status() == 403),
                        () -> skip("access." + role + ".refused", expected, "no token for role " + role));
            });
        }
    }

    private static String key(HttpRoute route) {
        return route.method() + " " + route.path();
    }

    // ---- kill switch through the two-person approval

    private void killSwitch() {
        String user = "smoke-" + runId + "-flag";
        String scope = "user:" + user;
        String checkPath = "/v1/system-flags/check?flag=" + FLAG + "&user=" + user;
        if (tokens.requester().isEmpty() || tokens.approver().isEmpty()) {
            for (String name : List.of("killswitch.disable", "killswitch.blocked", "killswitch.self-approval-refused",
                    "killswitch.reenabled-by-second-person")) {
                skip(name, "the kill switch round trip", "needs the requester and approver smoke identities");
            }
            return;
        }
        String requester = tokens.requester().get();
        String approver = tokens.approver().get();
        Answer disabled = post("/v1/admin/system-flags/set", requester, Map.of("flag", FLAG, "scope", scope, "enabled", false,
                "reason", "smoke test " + runId + ": disable on a smoke scope"), Optional.of("smoke-" + runId + "-flag-off"));
        expect("killswitch.disable", "200 " + FLAG + "@" + scope + " disabled", disabled,
                a -> a.status() == 200 && !a.json().path("enabled").asBoolean(true));
        leftBehind.add("flag " + FLAG + "@" + scope + " (enabled again by the approval; its versions stay in the flags table and audit)");
        Answer blocked = http.get(checkPath, Optional.of(requester));
        expect("killswitch.blocked", "the check route says blocked by " + FLAG + "@" + scope, blocked,
                a -> a.status() == 200 && !a.json().path("allowed").asBoolean(true)
                        && scope.equals(a.json().path("blockedBy").path("scope").asText()));
        Answer asked = post("/v1/admin/system-flags/set", requester, Map.of("flag", FLAG, "scope", scope, "enabled", true,
                "reason", "smoke test " + runId + ": re-enable through approval"), Optional.of("smoke-" + runId + "-flag-on"));
        String approvalId = asked.json().path("approvalId").asText("");
        if (asked.status() != 202 || approvalId.isEmpty()) {
            record("killswitch.self-approval-refused", Outcome.FAIL, "202 with a PENDING ENABLE_FUND_FLAG approval", asked.seen());
            record("killswitch.reenabled-by-second-person", Outcome.FAIL, "re-enabled only after a second person", asked.seen());
            return;
        }
        leftBehind.add("approval " + approvalId + " (ENABLE_FUND_FLAG of " + FLAG + "@" + scope + ")");
        twoPeople("killswitch", approvalId, asked.json().path("payloadHash").asText(), requester, approver,
                () -> http.get(checkPath, Optional.of(requester)),
                a -> a.status() == 200 && a.json().path("allowed").asBoolean(false),
                "the check route says allowed again");
    }

    /**
     * The two-person part: the requester approving its own request is refused (403) and changes nothing; the approver's
     * approval is applied (the request ends APPLIED) and {@code after} then shows the change.
     */
    private void twoPeople(String prefix, String approvalId, String payloadHash, String requester, String approver,
                           java.util.function.Supplier<Answer> after, Predicate<Answer> changed, String changedText) {
        String name = prefix.equals("killswitch") ? "killswitch.reenabled-by-second-person" : prefix + ".applied-by-second-person";
        Answer self = post("/v1/admin/approvals/" + approvalId + "/approve", requester, Map.of("payloadHash", payloadHash),
                Optional.empty());
        expect(prefix + ".self-approval-refused", "403 when the requester approves its own request", self, a -> a.status() == 403);
        // the workflow records the request before it waits for a decision: approving earlier is 503 (retry later)
        awaitWaiting(approvalId, approver);
        Answer approved = post("/v1/admin/approvals/" + approvalId + "/approve", approver,
                Map.of("payloadHash", payloadHash, "comment", "smoke test " + runId + ": second person"), Optional.empty());
        if (approved.status() != 200) {
            record(name, Outcome.FAIL, "200 from the second person's approval", approved.seen());
            return;
        }
        Answer settled = awaitDecision(approvalId, approver);
        if (!"APPLIED".equals(settled.json().path("status").asText())) {
            record(name, Outcome.FAIL, "the approval ends APPLIED, then " + changedText, settled.seen());
            return;
        }
        Answer now = after.get();
        expect(name, "the approval ends APPLIED, then " + changedText, now, changed);
    }

    private void awaitWaiting(String approvalId, String token) {
        Instant until = clock.instant().plus(DECISION_WAIT);
        Answer answer = http.get("/v1/admin/approvals/" + approvalId, Optional.of(token));
        while (clock.instant().isBefore(until) && answer.status() == 200 && "PENDING".equals(answer.json().path("status").asText())
                && !answer.json().path("awaitingDecision").asBoolean(false)) {
            pause();
            answer = http.get("/v1/admin/approvals/" + approvalId, Optional.of(token));
        }
    }

    private Answer awaitDecision(String approvalId, String token) {
        Instant until = clock.instant().plus(DECISION_WAIT);
        Answer answer = http.get("/v1/admin/approvals/" + approvalId, Optional.of(token));
        while (clock.instant().isBefore(until) && answer.status() == 200
                && List.of("PENDING", "APPROVED").contains(answer.json().path("status").asText())) {
            pause();
            answer = http.get("/v1/admin/approvals/" + approvalId, Optional.of(token));
        }
        return answer;
    }

    // ---- audit, Midtrans, payouts

    private void auditVerify() {
        Optional<String> token = tokens.requester().or(() -> tokens.role(Role.OPS));
        if (token.isEmpty()) {
            skip("audit.verify", "200 {\"ok\":true}", "needs the requester (ops) token");
            return;
        }
        expect("audit.verify", "200 {\"ok\":true}", http.get("/v1/admin/audit/verify", token),
                a -> a.status() == 200 && a.json().path("ok").asBoolean(false));
    }

    private void midtransBadSignature() {
        Map<String, Object> notification = notification("smoke-" + runId + "-badsig", "0".repeat(128));
        Answer answer = http.send("POST", "/v1/webhooks/midtrans", Optional.empty(), Optional.of(Json.write(notification)), Map.of());
        expect("midtrans.bad-signature", "401", answer, a -> a.status() == 401);
    }

    private static Map<String, Object> notification(String orderId, String signature) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_time", "2026-01-01 00:00:00");
        body.put("transaction_status", "settlement");
        body.put("transaction_id", orderId + "-tx");
        body.put("status_message", "midtrans payment notification");
        body.put("status_code", "200");
        body.put("signature_key", signature);
        body.put("payment_type", "bank_transfer");
        body.put("order_id", orderId);
        body.put("merchant_id", "G000000000");
        body.put("gross_amount", "1000.00");
        body.put("fraud_status", "accept");
        body.put("currency", "IDR");
        return body;
    }

    private void payoutGates() {
        Optional<String> service = tokens.role(Role.SERVICE);
        String user = "smoke-" + runId;
        List<String> names = List.of("payout.other-wallet-refused", "payout.referral-without-bluecheck-refused",
                "payout.without-idempotency-key-400");
        if (service.isEmpty()) {
            names.forEach(name -> skip(name, "refused", "needs a token for role service"));
            return;
        }
        Answer registered = http.send("PUT", "/v1/platform/users/" + user, service, Optional.of(Json.write(Map.of(
                "primaryWallet", Map.of("chain", CHAIN, "address", PRIMARY_WALLET), "bluecheck", false, "kycStatus", "APPROVED",
                "activeReferralCount", 1))), Map.of());
        if (registered.status() != 200 && registered.status() != 201) {
            names.forEach(name -> record(name, Outcome.FAIL, "the smoke user registered first (201/200)", registered.seen()));
            return;
        }
        leftBehind.add("user " + user + " (smoke user: no blue check, primary wallet " + PRIMARY_WALLET + ")");
        Map<String, Object> toOther = new LinkedHashMap<>(payout(user, "WITHDRAWAL"));
        toOther.put("destination", Map.of("chain", CHAIN, "address", OTHER_WALLET));
        Answer other = post("/v1/payouts", service.get(), toOther, Optional.of("smoke-" + runId + "-other-wallet"));
        expect("payout.other-wallet-refused", "422 naming destination (payouts go only to the primary wallet)", other,
                a -> a.status() == 422 && a.body().contains("destination"));
        Answer referral = post("/v1/payouts", service.get(), payout(user, "REFERRAL_CLAIM"), Optional.of("smoke-" + runId + "-referral"));
        expect("payout.referral-without-bluecheck-refused", "403 not-eligible, rule referral.bluecheck", referral,
                a -> a.status() == 403 && a.body().contains("referral.bluecheck"));
        Answer noKey = post("/v1/payouts", service.get(), payout(user, "WITHDRAWAL"), Optional.empty());
        expect("payout.without-idempotency-key-400", "400 naming Idempotency-Key", noKey,
                a -> a.status() == 400 && a.body().contains("Idempotency-Key"));
    }

    private Map<String, Object> payout(String user, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", user);
        body.put("kind", kind);
        // more than any treasury holds: should a gate be broken, the payout is still refused (409, nothing written)
        // rather than paid — the smoke test never moves money, whatever it finds
        body.put("amount", UNPAYABLE_AMOUNT);
        body.put("asset", "USDC");
        body.put("reference", "smoke-" + runId);
        return body;
    }

    // ---- SCAN_OVERRIDE

    private void scanOverride() {
        List<String> names = List.of("scan.review-open", "scan.self-approval-refused", "scan.applied-by-second-person");
        if (tokens.requester().isEmpty() || tokens.approver().isEmpty()) {
            names.forEach(name -> skip(name, "an OVERRIDDEN_PASS needs two people", "needs the requester and approver smoke identities"));
            return;
        }
        if (tokens.midtransServerKey().isEmpty()) {
            names.forEach(name -> skip(name, "an OVERRIDDEN_PASS needs two people",
                    "needs the Midtrans server key to make a payment review for an unknown smoke order"));
            return;
        }
        String requester = tokens.requester().get();
        String approver = tokens.approver().get();
        String orderId = "smoke-" + runId + "-order";
        Map<String, Object> notification = notification(orderId, "");
        notification.put("signature_key", MidtransSignature.of(orderId, "200", "1000.00", tokens.midtransServerKey().get()));
        Answer sent = http.send("POST", "/v1/webhooks/midtrans", Optional.empty(), Optional.of(Json.write(notification)), Map.of());
        if (sent.status() != 200) {
            names.forEach(name -> record(name, Outcome.FAIL, "a signed notification for unknown order " + orderId + " taken (200)",
                    sent.seen()));
            return;
        }
        leftBehind.add("payment event and review UNKNOWN_ORDER of order " + orderId + " (OVERRIDDEN_PASS by the smoke identities)");
        Optional<JsonNode> review = awaitReview(orderId, "OPEN", requester);
        if (review.isEmpty()) {
            record("scan.review-open", Outcome.FAIL, "an OPEN payment review for " + orderId, "none within " + REVIEW_WAIT.toSeconds() + " s");
            return;
        }
        String reviewId = review.get().path("id").asText();
        record("scan.review-open", Outcome.PASS, "an OPEN payment review for " + orderId, reviewId);
        String path = "/v1/admin/payments/reviews/" + URLEncoder.encode(reviewId, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%3A", ":") + "/override";
        Answer asked = post(path, requester, Map.of("note", "smoke test " + runId + ": two-person override"),
                Optional.of("smoke-" + runId + "-scan"));
        String approvalId = asked.json().path("approvalId").asText("");
        if (asked.status() != 202 || approvalId.isEmpty()) {
            record("scan.self-approval-refused", Outcome.FAIL, "202 with a PENDING SCAN_OVERRIDE approval", asked.seen());
            record("scan.applied-by-second-person", Outcome.FAIL, "OVERRIDDEN_PASS only after a second person", asked.seen());
            return;
        }
        leftBehind.add("approval " + approvalId + " (SCAN_OVERRIDE of " + reviewId + ")");
        twoPeople("scan", approvalId, asked.json().path("payloadHash").asText(), requester, approver,
                () -> http.get("/v1/admin/payments/reviews?state=OVERRIDDEN_PASS&limit=100", Optional.of(requester)),
                a -> a.status() == 200 && reviewIn(a.json(), orderId).isPresent(),
                "the review is OVERRIDDEN_PASS");
    }

    private Optional<JsonNode> awaitReview(String orderId, String state, String token) {
        Instant until = clock.instant().plus(REVIEW_WAIT);
        while (true) {
            Answer list = http.get("/v1/admin/payments/reviews?state=" + state + "&limit=100", Optional.of(token));
            Optional<JsonNode> found = reviewIn(list.json(), orderId);
            if (found.isPresent() || !clock.instant().isBefore(until)) {
                return found;
            }
            pause();
        }
    }

    private static Optional<JsonNode> reviewIn(JsonNode list, String orderId) {
        for (JsonNode review : list.path("reviews")) {
            if (orderId.equals(review.path("orderId").asText())) {
                return Optional.of(review);
            }
        }
        return Optional.empty();
    }

    // ---- stuck list

    private void stuckList() {
        Optional<String> token = tokens.requester().or(() -> tokens.role(Role.OPS));
        if (token.isEmpty()) {
            skip("stuck.list", "200 with items", "needs the requester (ops) token");
            return;
        }
        expect("stuck.list", "200 with items", http.get("/v1/admin/stuck", token),
                a -> a.status() == 200 && a.json().path("items").isArray());
    }

    private Answer post(String path, String token, Map<String, Object> body, Optional<String> idempotencyKey) {
        return http.send("POST", path, Optional.of(token), Optional.of(Json.write(body)),
                idempotencyKey.map(key -> Map.of("Idempotency-Key", key)).orElse(Map.of()));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
