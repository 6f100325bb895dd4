package com.warroom.infra;

import com.warroom.topology.Topology;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} and {@code cdk deploy} run this (see infra/cdk.json). */
public final class WarroomApp {

    public static final String STACK_NAME = "Warroom";
    /** Context key for the staff sign-in callback URLs, comma-separated. */
    public static final String CALLBACK_URLS_CONTEXT_KEY = "staffCallbackUrls";
    // Cognito allows plain http only for localhost: a safe default until the staff console has a URL
    static final String DEFAULT_CALLBACK_URL = "http://localhost:8080/callback";

    private WarroomApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds the Warroom stack, checked by cdk-nag's AwsSolutions pack, to the app; tests use the same path. */
    public static WarroomStack build(App app) {
        return build(app, Topology.warroom());
    }

    /** The same stack and checks over another wiring ({@link Topology#of}): for tests of what a topology can hold. */
    public static WarroomStack build(App app, Topology topology) {
        WarroomStack stack = new WarroomStack(app, STACK_NAME, new WarroomStack.Props(
                topology, RepoRoot.locate(app.getNode()), callbackUrls(app),
                StackProps.builder().description("Warroom: post-launch operations backbone").build()));
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    private static List<String> callbackUrls(App app) {
        return Optional.ofNullable(app.getNode().tryGetContext(CALLBACK_URLS_CONTEXT_KEY))
                .map(Object::toString)
                .map(urls -> Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList())
                .filter(urls -> !urls.isEmpty())
                .orElse(List.of(DEFAULT_CALLBACK_URL));
    }
}
