package com.warroom.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The deploy bootstrap's own CDK app (stack {@value DeployBootstrapStack#STACK_NAME}), deployed once per account by a
 * person: {@code cdk deploy -a "./cdk-app.sh com.warroom.infra.DeployBootstrapApp" -c githubRepository=owner/name}.
 */
public final class DeployBootstrapApp {

    private DeployBootstrapApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds the bootstrap stack, checked by cdk-nag's AwsSolutions pack, to the app; tests use the same path. */
    public static DeployBootstrapStack build(App app) {
        DeployBootstrapStack stack = new DeployBootstrapStack(app, DeployBootstrapStack.STACK_NAME,
                DeploySettings.fromContext(app.getNode()),
                StackProps.builder().description("Warroom: GitHub Actions OIDC deploy roles (no long-lived keys)").build());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
