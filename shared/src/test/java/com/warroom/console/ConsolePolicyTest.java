package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePolicyTest {

    @Test
    void onItsOwnOrigin_thePageReachesNothingElse() {
        assertThat(ConsolePolicy.contentSecurityPolicy(null, null)).isEqualTo("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'");
    }

    @Test
    void inAws_thePageAlsoReachesTheApiAndTheSignIn_andPostsFormsOnlyToTheSignIn() {
        String csp = ConsolePolicy.contentSecurityPolicy("https://api.example", "https://auth.example");

        assertThat(csp).contains("connect-src 'self' https://api.example https://auth.example;")
                .contains("form-action 'self' https://auth.example;").doesNotContain("unsafe-inline");
    }
}
