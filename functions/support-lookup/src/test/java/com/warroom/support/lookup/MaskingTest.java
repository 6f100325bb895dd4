package com.warroom.support.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void forCaller_supportAlone_isMasked() {
        assertThat(Masking.forCaller(new Caller("s", "", Set.of(Role.SUPPORT)))).isEqualTo(Masking.MASKED);
    }

    @Test
    void forCaller_anyRoleThatOperatesTheFlows_seesAll() {
        for (Role role : List.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN)) {
            assertThat(Masking.forCaller(new Caller("s", "", Set.of(role)))).as(role.name()).isEqualTo(Masking.CLEAR);
            assertThat(Masking.forCaller(new Caller("s", "", Set.of(role, Role.SUPPORT)))).as(role.name()).isEqualTo(Masking.CLEAR);
        }
    }

    @Test
    void address_keepsTheFirst2AndLast4() {
        assertThat(Masking.MASKED.address("0x8617E340B3D01FA5F11F306F4090FD50E238a738")).isEqualTo("0x…a738");
        assertThat(Masking.MASKED.address("7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV")).isEqualTo("7E…FLtV");
        assertThat(Masking.CLEAR.address("0x8617E340B3D01FA5F11F306F4090FD50E238a738")).isEqualTo("0x8617E340B3D01FA5F11F306F4090FD50E238a738");
    }

    @Test
    void email_keepsTheDomainAndTheLocalPartsLast2() {
        assertThat(Masking.MASKED.email("sara@example.com")).isEqualTo("…ra@example.com");
        assertThat(Masking.MASKED.email("ab@example.com")).isEqualTo("…@example.com");
        assertThat(Masking.CLEAR.email("sara@example.com")).isEqualTo("sara@example.com");
    }

    @Test
    void query_isMaskedByItsShape_idsAreNot() {
        assertThat(Masking.MASKED.query("sara@example.com", Identifiers.kindsOf("sara@example.com"))).isEqualTo("…ra@example.com");
        String address = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
        assertThat(Masking.MASKED.query(address, Identifiers.kindsOf(address))).isEqualTo("0x…070D");
        assertThat(Masking.MASKED.query("ord-1", Identifiers.kindsOf("ord-1"))).isEqualTo("ord-1");
        assertThat(Masking.CLEAR.query(address, Identifiers.kindsOf(address))).isEqualTo(address);
    }
}
