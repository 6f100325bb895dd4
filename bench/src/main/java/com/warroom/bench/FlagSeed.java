package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.flags.api.FlagAdminHandler;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;

/**
 * A launch-week flag table: a global state for every catalogue flag (one of them off) and 50 round and user
 * overrides, 62 items in all. Everything the API can write goes through the real admin handler (with its audit
 * transaction); only the enabled global states of fund flags are put directly, because enabling a fund flag
 * through the API opens a two-person approval and there is no approvals function to complete it yet.
 */
final class FlagSeed {

    static final String SET_ROUTE = "POST /v1/admin/system-flags/set";
    static final int ROUND_OVERRIDES = 25;
    static final int USER_OVERRIDES = 25;
    static final Flag GLOBALLY_OFF = Flag.NOTIFICATION_REMINDER;
    static final int ITEMS = Flag.values().length + ROUND_OVERRIDES + USER_OVERRIDES;

    private static final List<Flag> ROUND_FLAGS = List.of(Flag.CONTRIBUTE, Flag.FINALIZE, Flag.REFUND, Flag.CLAIM_VESTING);
    private static final List<Flag> USER_FLAGS = List.of(Flag.CLAIM_REFERRAL, Flag.CLAIM_VESTING, Flag.PAYOUT, Flag.FEED_POSTING);

    private FlagSeed() {
    }

    static String roundId(int n) {
        return String.format(Locale.ROOT, "R%03d", n);
    }

    static String userId(int n) {
        return String.format(Locale.ROOT, "U%04d", n);
    }

    /** The users with an override are every seventh one: U0007, U0014, ... U0175. */
    static int overriddenUser(int i) {
        return 7 * i;
    }

    static void seed(FlagAdminHandler admin, FlagStore store) {
        for (Flag flag : Flag.values()) {
            if (flag.fundRelated()) {
                putEnabledGlobal(store, flag);
            } else {
                set(admin, flag, "global", false, "Paused for the launch-week incident drill");
                if (flag != GLOBALLY_OFF) {
                    set(admin, flag, "global", true, "Incident drill over, flow restored");
                }
            }
        }
        for (int i = 1; i <= ROUND_OVERRIDES; i++) {
            String round = roundId(i);
            set(admin, ROUND_FLAGS.get(i % ROUND_FLAGS.size()), "round:" + round, false,
                    "Round " + round + " paused: contribution anomalies under review");
        }
        for (int i = 1; i <= USER_OVERRIDES; i++) {
            String user = userId(overriddenUser(i));
            set(admin, USER_FLAGS.get(i % USER_FLAGS.size()), "user:" + user, false,
                    "User " + user + " held by the fraud review");
        }
        int stored = store.read().records().size();
        if (stored != ITEMS) {
            throw new IllegalStateException("seeded " + stored + " flag states, expected " + ITEMS);
        }
    }

    private static void set(FlagAdminHandler admin, Flag flag, String scope, boolean enabled, String reason) {
        String body = Json.write(Map.of("flag", flag.key(), "scope", scope, "enabled", enabled, "reason", reason));
        APIGatewayV2HTTPResponse response = admin.handleRequest(
                HttpEvents.route(SET_ROUTE).caller("bench-ops", Role.OPS).body(body).build(),
                LocalLambdaContext.of("flag-admin", 1024, 15));
        if (response.getStatusCode() != 200 || !response.getBody().contains("\"changed\":true")) {
            throw new IllegalStateException("seeding " + flag.key() + "@" + scope + " failed: "
                    + response.getStatusCode() + " " + response.getBody());
        }
    }

    private static void putEnabledGlobal(FlagStore store, Flag flag) {
        FlagRecord record = new FlagRecord(flag.key(), FlagScope.GLOBAL.key(), true,
                "Re-enabled after two-person approval (bench seed)", "bench-ops", "bench-ops@warroom.test",
                Clock.systemUTC().instant().toString(), 2, 0);
        store.table().putItem(PutItemEnhancedRequest.builder(FlagRecord.class).item(record)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(flag)").build())
                .build());
    }
}
