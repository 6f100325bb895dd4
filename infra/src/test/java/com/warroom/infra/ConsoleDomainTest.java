package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.constructs.Node;

class ConsoleDomainTest {

    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    @Test
    void fromContext_whenNeitherIsGiven_isEmpty() {
        assertThat(ConsoleDomain.fromContext(node(Map.of()))).isEmpty();
    }

    @Test
    void fromContext_whenBothAreGiven_isThatNameAndCertificate() {
        assertThat(ConsoleDomain.fromContext(node(Map.of(ConsoleDomain.NAME_CONTEXT_KEY, "console.example.com",
                ConsoleDomain.CERTIFICATE_CONTEXT_KEY, CERTIFICATE))))
                .contains(new ConsoleDomain("console.example.com", CERTIFICATE));
    }

    @Test
    void fromContext_whenOnlyOneIsGiven_asksForBoth() {
        assertThatThrownBy(() -> ConsoleDomain.fromContext(node(Map.of(ConsoleDomain.NAME_CONTEXT_KEY, "console.example.com"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give both");
        assertThatThrownBy(() -> ConsoleDomain.fromContext(node(Map.of(ConsoleDomain.CERTIFICATE_CONTEXT_KEY, CERTIFICATE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give both");
    }

    @Test
    void new_whenTheCertificateIsOutsideUsEast1_isRefusedBecauseCloudFrontCannotUseIt() {
        assertThatThrownBy(() -> new ConsoleDomain("console.example.com", CERTIFICATE.replace("us-east-1", "eu-west-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-east-1");
    }

    @Test
    void new_whenTheNameIsNotAHostName_isRefused() {
        for (String name : new String[] {"https://console.example.com", "Console.Example.com", "console", "console.example.com/"}) {
            assertThatThrownBy(() -> new ConsoleDomain(name, CERTIFICATE)).as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(ConsoleDomain.NAME_CONTEXT_KEY);
        }
    }

    private static Node node(Map<String, Object> context) {
        return App.Builder.create().context(context).build().getNode();
    }
}
