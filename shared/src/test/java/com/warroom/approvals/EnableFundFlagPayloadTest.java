package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.approvals.actions.EnableFundFlagPayload;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnableFundFlagPayloadTest {

    private static final String VALID = "{\"enabled\":true,\"expectedVersion\":3,\"flag\":\"refund\",\"reason\":\"Refund backlog cleared\","
            + "\"scope\":\"user:U-1\"}";

    @Test
    void parse_readsThePayloadTheKillSwitchRouteRecords() {
        var parsed = EnableFundFlagPayload.parse(Json.readTree(VALID));
        assertThat(parsed).isEqualTo(new EnableFundFlagPayload.Parsed.Valid(
                new EnableFundFlagPayload(Flag.REFUND, new FlagScope.User("U-1"), "Refund backlog cleared", 3)));
        assertThat(((EnableFundFlagPayload.Parsed.Valid) parsed).payload().target()).isEqualTo("flag:refund@user:U-1");
        assertThat(new EnableFundFlagAction().target(Json.readTree(VALID))).contains("flag:refund@user:U-1");
        assertThat(new EnableFundFlagAction().validate(Json.readTree(VALID))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an object            | [1,2]                                                                                       | payload",
            "unknown flag             | {\"enabled\":true,\"expectedVersion\":1,\"flag\":\"withdraw\",\"reason\":\"a long reason\",\"scope\":\"global\"}  | payload.flag",
            "flag not fund-related    | {\"enabled\":true,\"expectedVersion\":1,\"flag\":\"feed.posting\",\"reason\":\"a long reason\",\"scope\":\"global\"} | payload.flag",
            "bad scope                | {\"enabled\":true,\"expectedVersion\":1,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"region:EU\"} | payload.scope",
            "disabling                | {\"enabled\":false,\"expectedVersion\":1,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\"} | payload.enabled",
            "enabled as text          | {\"enabled\":\"true\",\"expectedVersion\":1,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\"} | payload.enabled",
            "short reason             | {\"enabled\":true,\"expectedVersion\":1,\"flag\":\"payout\",\"reason\":\"short\",\"scope\":\"global\"}        | payload.reason",
            "negative version         | {\"enabled\":true,\"expectedVersion\":-1,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\"} | payload.expectedVersion",
            "fractional version       | {\"enabled\":true,\"expectedVersion\":1.5,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\"} | payload.expectedVersion",
            "missing version          | {\"enabled\":true,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\"}                     | payload.expectedVersion",
            "extra field              | {\"enabled\":true,\"expectedVersion\":1,\"flag\":\"payout\",\"reason\":\"a long reason\",\"scope\":\"global\",\"amount\":5} | payload.amount"})
    void parse_namesWhatIsWrong(String name, String payload, String field) {
        var parsed = EnableFundFlagPayload.parse(Json.readTree(payload));
        assertThat(parsed).isInstanceOf(EnableFundFlagPayload.Parsed.Invalid.class);
        assertThat(((EnableFundFlagPayload.Parsed.Invalid) parsed).errors()).extracting(FieldError::field).contains(field);
        assertThat(new EnableFundFlagAction().target(Json.readTree(payload))).isEqualTo(Optional.empty());
    }
}
