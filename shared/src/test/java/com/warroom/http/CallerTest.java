package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

    private static Map<String, String> claims(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void fromClaims_whenGroupsInAuthorizerBracketForm_expectBothRoles() {
        Caller c = Caller.fromClaims(claims("sub", "s-1", "email", "ops@example.com",
                "cognito:groups", "[ops super_admin]")).orElseThrow();
        assertThat(c.sub()).isEqualTo("s-1");
        assertThat(c.email()).isEqualTo("ops@example.com");
        assertThat(c.roles()).containsExactlyInAnyOrder(Role.OPS, Role.SUPER_ADMIN);
        assertThat(c.roleNames()).containsExactly("ops", "super_admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"finance\",\"reviewer\"]", "[\"finance\", \"reviewer\"]", " [ \"reviewer\" , \"finance\" ] ",
        "finance reviewer", "[finance null reviewer]", "[\"finance\",null,\"reviewer\"]"})
    void fromClaims_whenGroupsAsJsonArrayOrListText_expectSameRoles(String groups) {
        Caller c = Caller.fromClaims(claims("sub", "s-1", "cognito:groups", groups)).orElseThrow();
        assertThat(c.roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.REVIEWER);
    }

    @Test
    void fromClaims_whenSingleGroupWithoutBrackets_expectThatRole() {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "support")).orElseThrow().roles())
                .containsExactly(Role.SUPPORT);
    }

    @Test
    void fromClaims_whenUnknownOrMiscasedGroups_expectThemIgnored() {
        Caller c = Caller.fromClaims(claims("sub", "s-1",
                "cognito:groups", "[admins ops OPS Super_Admin super-admin superadmin]")).orElseThrow();
        assertThat(c.roles()).containsExactly(Role.OPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "[ ]", "[\"\"]", "[nobody]"})
    void fromClaims_whenNoKnownGroups_expectCallerWithNoRoles(String groups) {
        Caller c = Caller.fromClaims(claims("sub", "s-1", "cognito:groups", groups)).orElseThrow();
        assertThat(c.roles()).isEmpty();
        assertThat(c.roleNames()).isEmpty();
    }

    @Test
    void fromClaims_whenNoGroupsClaim_expectCallerWithNoRoles() {
        Caller c = Caller.fromClaims(claims("sub", "s-1", "email", "a@example.com")).orElseThrow();
        assertThat(c.roles()).isEmpty();
    }

    @Test
    void fromClaims_whenClientCredentialsToken_expectServiceRole() {
        Caller c = Caller.fromClaims(claims("sub", "7k2clientid", "client_id", "7k2clientid",
                "token_use", "access", "scope", "warroom/service")).orElseThrow();
        assertThat(c.roles()).containsExactly(Role.SERVICE);
        assertThat(c.roleNames()).containsExactly("service");
        assertThat(c.email()).isEmpty();
    }

    @Test
    void fromClaims_whenServiceScopeAmongOthers_expectServiceRole() {
        assertThat(Caller.fromClaims(claims("sub", "c", "scope", "warroom/read warroom/service")).orElseThrow().roles())
                .containsExactly(Role.SERVICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"warroom/services", "warroom/service.read", "other/warroom/service", "WARROOM/SERVICE",
        "warroom/read", "service", ""})
    void fromClaims_whenScopeIsNotExactlyTheServiceScope_expectNoServiceRole(String scope) {
        assertThat(Caller.fromClaims(claims("sub", "c", "scope", scope)).orElseThrow().roles()).isEmpty();
    }

    @Test
    void fromClaims_whenGroupsAndServiceScope_expectUnion() {
        assertThat(Caller.fromClaims(claims("sub", "c", "cognito:groups", "[support]", "scope", "warroom/service"))
                .orElseThrow().roles()).containsExactlyInAnyOrder(Role.SUPPORT, Role.SERVICE);
    }

    @Test
    void fromClaims_whenAPersonIsInAGroupNamedService_expectNoServiceRole() {
        assertThat(Caller.fromClaims(claims("sub", "mallory", "cognito:groups", "[service support]")).orElseThrow().roles())
                .containsExactly(Role.SUPPORT);
    }

    @Test
    void fromClaims_whenSubMissingOrBlank_expectNoCaller() {
        assertThat(Caller.fromClaims(claims("email", "a@example.com", "cognito:groups", "[super_admin]"))).isEmpty();
        assertThat(Caller.fromClaims(claims("sub", "", "cognito:groups", "[super_admin]"))).isEmpty();
        assertThat(Caller.fromClaims(claims("sub", "   ", "scope", "warroom/service"))).isEmpty();
        assertThat(Caller.fromClaims(Map.of())).isEmpty();
        assertThat(Caller.fromClaims(null)).isEmpty();
    }

    @Test
    void fromClaims_whenEmailMissing_expectEmptyEmail() {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "[ops]")).orElseThrow().email()).isEmpty();
    }

    @Test
    void roles_whenCallerBuilt_expectImmutableCopy() {
        Caller c = Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "[ops]")).orElseThrow();
        assertThatThrownBy(() -> c.roles().add(Role.SUPER_ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- groups as the array they are (issue 8) ----

    @ParameterizedTest
    @ValueSource(strings = {"support,super_admin", "[support,super_admin]", "[\"support,super_admin\"]", "[ops,super_admin]"})
    void fromClaims_whenGroupNameHoldsAComma_expectOneUnknownGroupGrantingNothing(String groups) {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", groups)).orElseThrow().roles()).isEmpty();
    }

    @Test
    void fromClaims_whenCommaGroupBesideARealGroup_expectOnlyTheRealRole() {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "[support,super_admin ops]")).orElseThrow().roles())
                .containsExactly(Role.OPS);
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "[\"support,super_admin\",\"ops\"]")).orElseThrow()
                .roles()).containsExactly(Role.OPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null,\"ops\"]", "[null, \"ops\", null]", "[null ops]", "[\"ops\",1,true,{},[]]"})
    void fromClaims_whenNullOrNonTextEntries_expectThemIgnored(String groups) {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", groups)).orElseThrow().roles())
                .containsExactly(Role.OPS);
    }

    @Test
    void fromClaims_whenJsonArrayText_expectEachElementAGroup() {
        assertThat(Caller.fromClaims(claims("sub", "s-1", "cognito:groups", "[\"ops\",\"super_admin\"]")).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.OPS, Role.SUPER_ADMIN);
    }
}
