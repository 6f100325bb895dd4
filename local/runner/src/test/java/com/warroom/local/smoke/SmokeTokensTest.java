package com.warroom.local.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTokensTest {

    @Test
    void fromFile_readsRolesIdentitiesAndKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"roles\":{\"ops\":\"t-ops\",\"super_admin\":\"t-root\",\"service\":\"t-svc\"},"
                + "\"requester\":\"t-req\",\"approver\":\"t-app\",\"midtransServerKey\":\"k\"}");

        SmokeTokens tokens = SmokeTokens.fromFile(file);

        assertThat(tokens.roles()).isEqualTo(Map.of(Role.OPS, "t-ops", Role.SUPER_ADMIN, "t-root", Role.SERVICE, "t-svc"));
        assertThat(tokens.requester()).contains("t-req");
        assertThat(tokens.approver()).contains("t-app");
        assertThat(tokens.midtransServerKey()).contains("k");
        assertThat(tokens.role(Role.SUPPORT)).isEmpty();
    }

    @Test
    void fromFile_withAnUnknownRoleOrABlankToken_isRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"roles\":{\"admin\":\"t\"}}");
        Path blank = dir.resolve("blank.json");
        Files.writeString(blank, "{\"roles\":{\"ops\":\" \"}}");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[]");

        assertThatThrownBy(() -> SmokeTokens.fromFile(unknown)).isInstanceOf(IOException.class).hasMessageContaining("roles.admin");
        assertThatThrownBy(() -> SmokeTokens.fromFile(blank)).isInstanceOf(IOException.class).hasMessageContaining("roles.ops");
        assertThatThrownBy(() -> SmokeTokens.fromFile(array)).isInstanceOf(IOException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void fromEnvironment_readsTheSmokeVariables() {
        SmokeTokens tokens = SmokeTokens.fromEnvironment(Map.of("WARROOM_SMOKE_TOKEN_SUPER_ADMIN", "t-root",
                "WARROOM_SMOKE_TOKEN_FINANCE", "", "WARROOM_SMOKE_REQUESTER_TOKEN", "t-req", "WARROOM_SMOKE_APPROVER_TOKEN", "t-app"));

        assertThat(tokens.roles()).isEqualTo(Map.of(Role.SUPER_ADMIN, "t-root"));
        assertThat(tokens.requester()).contains("t-req");
        assertThat(tokens.approver()).contains("t-app");
        assertThat(tokens.midtransServerKey()).isEmpty();
    }
}
