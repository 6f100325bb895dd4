package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.ExternalApiDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;

/**
 * Each external API's base URL reaches exactly the functions that call it: from the context key, else the topology's
 * default, else nowhere (the API is off).
 */
class ExternalApiUrlsTest {

    static Stream<Arguments> functions() {
        return Stream.concat(SynthesizedWarroom.all().stream(), Stream.of(SynthesizedWarroom.withDeployContext()))
                .flatMap(app -> app.topology.functions().stream().map(function -> Arguments.of(app, function)));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_whenAFunctionCallsAnApiWithAUrl_holdsTheUrlAndOtherwiseNoVariableOfIt(SynthesizedWarroom app, FunctionDef definition) {
        Map<String, Object> environment = app.environment(definition);

        for (ExternalApiDef api : app.topology.externalApis()) {
            Optional<String> url = app.stack.externalApis().baseUrl(api);
            if (definition.callsApis().contains(api) && url.isPresent()) {
                assertThat(environment).as(definition.name()).containsEntry(api.baseUrlEnvVar(), url.get());
            } else {
                assertThat(environment).as(definition.name()).doesNotContainKey(api.baseUrlEnvVar());
            }
        }
    }

    @Test
    void processor_whenNoContextIsGiven_callsMidtransSandbox() {
        assertThat(SynthesizedWarroom.get().environment(Topology.PAYMENT_PROCESSOR))
                .containsEntry("WARROOM_MIDTRANS_BASE_URL", "https://api.sandbox.midtrans.com");
    }

    @Test
    void sender_whenNoWhatsappUrlIsGiven_getsNoWhatsappVariableSoTheChannelIsOff() {
        assertThat(SynthesizedWarroom.get().environment(Topology.NOTIFICATION_SENDER)).doesNotContainKey("WARROOM_WHATSAPP_BASE_URL");
    }

    @Test
    void context_whenItGivesProductionUrls_overridesTheDefaultAndTurnsWhatsappOn() {
        SynthesizedWarroom app = SynthesizedWarroom.withDeployContext();

        assertThat(app.environment(Topology.PAYMENT_PROCESSOR)).containsEntry("WARROOM_MIDTRANS_BASE_URL", "https://api.midtrans.com");
        assertThat(app.environment(Topology.NOTIFICATION_SENDER))
                .containsEntry("WARROOM_WHATSAPP_BASE_URL", SynthesizedWarroom.WHATSAPP_URL);
    }

    @Test
    void contextKeys_areTheOnesTheReadmeNames() {
        assertThat(List.of(Topology.MIDTRANS_API.contextKey(), Topology.WHATSAPP_API.contextKey()))
                .containsExactly("midtransBaseUrl", "whatsappBaseUrl");
    }

    @Test
    void baseUrl_whenItEndsInSlashes_dropsThem() {
        assertThat(ExternalApiUrls.baseUrl(Topology.MIDTRANS_API, "https://api.midtrans.com//")).isEqualTo("https://api.midtrans.com");
        assertThat(ExternalApiUrls.baseUrl(Topology.MIDTRANS_API, "https://proxy.example.com:8443/midtrans/"))
                .isEqualTo("https://proxy.example.com:8443/midtrans");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.midtrans.com", "api.midtrans.com", "https://", "https://user:secret@api.midtrans.com",
            "https://api.midtrans.com/?key=1", "https://api.midtrans.com/#top", "ftp://api.midtrans.com", "https://api midtrans.com"})
    void baseUrl_whenNotAPlainHttpsUrl_isRefusedNamingTheContextKey(String value) {
        assertThatThrownBy(() -> ExternalApiUrls.baseUrl(Topology.MIDTRANS_API, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("midtransBaseUrl=" + value);
    }

    @Test
    void fromContext_whenTheValueIsBlank_usesTheDefault() {
        App app = App.Builder.create().context(Map.of("midtransBaseUrl", "  ", "whatsappBaseUrl", "")).build();

        ExternalApiUrls urls = ExternalApiUrls.fromContext(app.getNode(), List.of(Topology.MIDTRANS_API, Topology.WHATSAPP_API));

        assertThat(urls.baseUrl(Topology.MIDTRANS_API)).hasValue("https://api.sandbox.midtrans.com");
        assertThat(urls.baseUrl(Topology.WHATSAPP_API)).isEmpty();
    }

    @Test
    void baseUrl_whenTheApiIsNotInTheTopology_isAWiringError() {
        ExternalApiUrls urls = ExternalApiUrls.fromContext(App.Builder.create().build().getNode(), List.of(Topology.MIDTRANS_API));

        assertThatThrownBy(() -> urls.baseUrl(Topology.WHATSAPP_API)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whatsapp");
    }
}
