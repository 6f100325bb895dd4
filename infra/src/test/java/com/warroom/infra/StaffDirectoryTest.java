package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

class StaffDirectoryTest {

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    @Test
    void userPool_whenStaffSignIn_requiresTotpMfaAndAStrongPassword() {
        Map<String, Object> resource = synthesized.resource(synthesized.stack.directory().pool());
        Map<String, Object> pool = properties(resource);
        Map<String, Object> passwordPolicy = map(map(pool.get("Policies")).get("PasswordPolicy"));

        assertThat(pool)
                .containsEntry("MfaConfiguration", "ON")
                .containsEntry("EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"))
                .containsEntry("UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED"))
                .containsEntry("DeletionProtection", "ACTIVE");
        assertThat(map(pool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(((Number) passwordPolicy.get("MinimumLength")).intValue()).isGreaterThanOrEqualTo(14);
        assertThat(passwordPolicy).containsEntry("RequireLowercase", true).containsEntry("RequireUppercase", true)
                .containsEntry("RequireNumbers", true).containsEntry("RequireSymbols", true);
        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void groups_whenRolesAreDefined_existOncePerRoleNamedByItsClaim() {
        List<Object> groupNames = synthesized.resourcesOfType("AWS::Cognito::UserPoolGroup").values().stream()
                .map(group -> properties(group).get("GroupName"))
                .toList();

        assertThat(groupNames).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::claimValue).toList());
    }

    @Test
    void resourceServer_whenBackendAsksForTokens_offersTheServiceScope() {
        String[] scope = Caller.SERVICE_SCOPE.split("/");
        Map<String, Object> server = properties(synthesized.resourcesOfType("AWS::Cognito::UserPoolResourceServer")
                .values().iterator().next());

        assertThat(server).containsEntry("Identifier", scope[0]);
        assertThat(list(server.get("Scopes"))).extracting(item -> map(item).get("ScopeName")).containsExactly(scope[1]);
    }

    @Test
    void backendClient_whenUsed_hasOnlyTheClientCredentialsFlowWithASecretAndTheServiceScope() {
        Map<String, Object> client = properties(synthesized.resource(synthesized.stack.directory().backendClient()));
        String serverId = synthesized.resourcesOfType("AWS::Cognito::UserPoolResourceServer").keySet().iterator().next();

        assertThat(client)
                .containsEntry("GenerateSecret", true)
                .containsEntry("AllowedOAuthFlows", List.of("client_credentials"))
                .containsEntry("ExplicitAuthFlows", List.of("ALLOW_REFRESH_TOKEN_AUTH"));
        assertThat(list(client.get("AllowedOAuthScopes"))).containsExactly(
                Map.of("Fn::Join", List.of("", List.of(ref(serverId), "/" + Caller.SERVICE_SCOPE.split("/")[1]))));
    }

    @Test
    void staffClient_whenStaffSignIn_usesSrpOrAuthorizationCodeWithoutSecret() {
        Map<String, Object> client = properties(synthesized.resource(synthesized.stack.directory().staffClient()));

        assertThat(client)
                .containsEntry("GenerateSecret", false)
                .containsEntry("AllowedOAuthFlows", List.of("code"));
        assertThat(strings(client.get("ExplicitAuthFlows")))
                .contains("ALLOW_USER_SRP_AUTH")
                .doesNotContain("ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH");
    }

    @Test
    void consoleClient_whenTheConsoleIsNotHosted_failsSynthesisInsteadOfReturningAnywhere() {
        App app = new App();
        new StaffDirectory(new Stack(app, "Bare"), "Directory", new StaffDirectory.Props(List.of("http://localhost:8080/callback")));

        assertThatThrownBy(app::synth).hasStackTraceContaining("consoleSignInReturnsTo");
    }

    @Test
    void consoleSignInReturnsTo_whenCalledTwice_isRefused() {
        StaffDirectory directory = new StaffDirectory(new Stack(new App(), "Bare"), "Directory",
                new StaffDirectory.Props(List.of("http://localhost:8080/callback")));
        directory.consoleSignInReturnsTo("https://one.example/console/");

        assertThatThrownBy(() -> directory.consoleSignInReturnsTo("https://two.example/console/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://one.example/console/");
    }

    @Test
    void outputs_whenDeployed_giveTheApiUrlPoolAndClientIds() {
        assertThat(synthesized.outputs())
                .containsKeys("ApiUrl", "UserPoolId", "StaffClientId", "BackendClientId", "TokenEndpoint", "ConsoleUrl",
                        "ConsoleBucketName", "CognitoHostedUiDomain", "ConsoleClientId");
    }
}
