package com.warroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.Topology;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlatformEventTypeTest {

    @Test
    void types_areTheDetailTypesTheBusRuleDelivers_inItsOrder() {
        assertThat(Arrays.stream(PlatformEventType.values()).map(PlatformEventType::detailType))
                .containsExactlyElementsOf(Topology.PLATFORM_BUS.detailTypes());
        assertThat(EventBridgeMessage.SOURCE).isEqualTo(Topology.PLATFORM_BUS.source());
    }
}
