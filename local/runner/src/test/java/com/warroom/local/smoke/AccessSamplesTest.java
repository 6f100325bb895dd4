package com.warroom.local.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.HttpRoute;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessSamplesTest {

    private final List<AccessSamples.Sample> samples = AccessSamples.of(Topology.warroom());

    @Test
    void of_givesEveryRoleARouteItReaches_andOneItIsRefused_asTheTopologySays() {
        assertThat(samples).extracting(AccessSamples.Sample::role).containsExactly(Role.values());
        for (AccessSamples.Sample sample : samples) {
            HttpRoute reaches = sample.reaches().orElseThrow();
            HttpRoute refused = sample.refused().orElseThrow();
            assertThat(reaches.roles()).as(reaches.path()).contains(sample.role());
            assertThat(reaches.method()).isEqualTo("GET");
            assertThat(refused.roles()).as(refused.path()).isNotEmpty().doesNotContain(sample.role());
            assertThat(reaches.path() + refused.path()).doesNotContain("{");
        }
    }

    @Test
    void of_picksTheReadReservedToTheFewestRoles() {
        AccessSamples.Sample support = samples.stream().filter(s -> s.role() == Role.SUPPORT).findFirst().orElseThrow();
        int fewest = Topology.warroom().functions().stream().flatMap(f -> f.routes().stream())
                .filter(r -> r.method().equals("GET") && !r.path().contains("{") && r.roles().contains(Role.SUPPORT))
                .mapToInt(r -> r.roles().size()).min().orElseThrow();

        assertThat(support.reaches().orElseThrow().roles()).hasSize(fewest);
    }
}
