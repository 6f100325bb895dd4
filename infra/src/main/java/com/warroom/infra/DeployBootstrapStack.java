package com.warroom.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IOidcProvider;
import software.amazon.awscdk.services.iam.OidcProviderNative;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.WebIdentityPrincipal;
import software.constructs.Construct;

/**
 * What GitHub Actions needs to deploy Warroom into an account without long-lived keys: GitHub's OIDC provider, a deploy
 * role that only jobs of this repository's GitHub environments can assume, and that may only assume the CDK bootstrap
 * roles and move the Warroom functions' {@code live} aliases back; optionally a diff role for pull requests that may
 * only assume the CDK lookup role (read-only). Deployed once per account with {@link DeployBootstrapApp}.
 */
public final class DeployBootstrapStack extends Stack {

    public static final String STACK_NAME = "WarroomDeployBootstrap";
    public static final String ISSUER = "token.actions.githubusercontent.com";
    public static final String AUDIENCE = "sts.amazonaws.com";
    public static final String DEPLOY_ROLE_NAME = "warroom-github-deploy";
    public static final String DIFF_ROLE_NAME = "warroom-github-diff";
    // a deploy of the whole app takes minutes; an hour is the least IAM allows and all that role chaining gives anyway
    static final Duration MAX_SESSION = Duration.hours(1);

    static final String ROLLBACK_WILDCARDS = "The deploy role may move the live alias of the Warroom functions back to an"
            + " earlier version after a failed smoke test (infra/scripts/rollback-live-aliases.sh): their names are made"
            + " from the topology at deploy time, so the statement names the stack's function prefix (<prefix>-*, which"
            + " also covers their alias ARNs), and the stacks by their name prefix for ListStackResources. Only"
            + " lambda:GetAlias, lambda:UpdateAlias and lambda:ListVersionsByFunction are granted on them: no code,"
            + " configuration or invoke rights.";

    private final Role deployRole;
    private final Role diffRole;

    public DeployBootstrapStack(Construct scope, String id, DeploySettings settings, StackProps props) {
        super(scope, id, props);
        IOidcProvider github = settings.existingProviderArn()
                .map(arn -> OidcProviderNative.fromOidcProviderArn(this, "GithubOidc", arn))
                .orElseGet(() -> OidcProviderNative.Builder.create(this, "GithubOidc")
                        .url("https://" + ISSUER)
                        .clientIds(List.of(AUDIENCE))
                        .build());

        deployRole = Role.Builder.create(this, "DeployRole")
                .roleName(DEPLOY_ROLE_NAME)
                .description("GitHub Actions deploys Warroom from " + settings.repository() + " (environments "
                        + String.join(", ", settings.environments()) + ")")
                .assumedBy(githubJobs(github, settings.environmentSubjects()))
                .maxSessionDuration(MAX_SESSION)
                .inlinePolicies(Map.of(
                        "AssumeCdkBootstrapRoles", PolicyDocument.Builder.create().statements(List.of(
                                assumeRoles(settings, "deploy-role", "file-publishing-role", "image-publishing-role",
                                        "lookup-role"))).build(),
                        "RollbackLiveAliases", PolicyDocument.Builder.create().statements(rollback(settings)).build()))
                .build();
        NagSuppressions.addResourceSuppressions(deployRole, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(ROLLBACK_WILDCARDS)
                .appliesTo(List.of(
                        "Resource::arn:<AWS::Partition>:lambda:<AWS::Region>:<AWS::AccountId>:function:" + settings.stackPrefix() + "-*",
                        "Resource::arn:<AWS::Partition>:cloudformation:<AWS::Region>:<AWS::AccountId>:stack/" + settings.stackPrefix() + "*/*"))
                .build()), true);
        CfnOutput.Builder.create(this, "DeployRoleArn").value(deployRole.getRoleArn())
                .description("vars.AWS_DEPLOY_ROLE_ARN of the GitHub environments " + String.join(", ", settings.environments()))
                .build();

        if (settings.pullRequestDiff()) {
            diffRole = Role.Builder.create(this, "DiffRole")
                    .roleName(DIFF_ROLE_NAME)
                    .description("GitHub Actions runs cdk diff for pull requests of " + settings.repository() + " (read-only)")
                    .assumedBy(githubJobs(github, List.of(settings.pullRequestSubject())))
                    .maxSessionDuration(MAX_SESSION)
                    .inlinePolicies(Map.of("AssumeCdkLookupRole", PolicyDocument.Builder.create()
                            .statements(List.of(assumeRoles(settings, "lookup-role"))).build()))
                    .build();
            CfnOutput.Builder.create(this, "DiffRoleArn").value(diffRole.getRoleArn())
                    .description("vars.AWS_DIFF_ROLE_ARN of the repository: cdk diff on pull requests")
                    .build();
        } else {
            diffRole = null;
        }
        CfnOutput.Builder.create(this, "GithubOidcProviderArn").value(github.getOidcProviderArn())
                .description("the account's " + ISSUER + " provider (one per account: pass it as -c "
                        + DeploySettings.PROVIDER_ARN_KEY + " to another bootstrap stack in this account)")
                .build();
    }

    public Role deployRole() {
        return deployRole;
    }

    /** Jobs with one of these OIDC subjects, and a token meant for STS: a token for another audience is refused. */
    private static WebIdentityPrincipal githubJobs(IOidcProvider github, List<String> subjects) {
        return new WebIdentityPrincipal(github.getOidcProviderArn(), Map.of("StringEquals", Map.of(
                ISSUER + ":aud", AUDIENCE,
                ISSUER + ":sub", subjects.size() == 1 ? subjects.getFirst() : subjects)));
    }

    /** sts:AssumeRole on the named CDK bootstrap roles of this account and region, and no other role. */
    private PolicyStatement assumeRoles(DeploySettings settings, String... roles) {
        List<String> arns = Arrays.stream(roles)
                .map(role -> "arn:" + getPartition() + ":iam::" + getAccount() + ":role/cdk-" + settings.qualifier() + "-"
                        + role + "-" + getAccount() + "-" + getRegion())
                .toList();
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("sts:AssumeRole")).resources(arns).build();
    }

    private List<PolicyStatement> rollback(DeploySettings settings) {
        String prefix = settings.stackPrefix();
        return List.of(
                PolicyStatement.Builder.create().effect(Effect.ALLOW)
                        .actions(List.of("cloudformation:ListStackResources"))
                        .resources(List.of("arn:" + getPartition() + ":cloudformation:" + getRegion() + ":" + getAccount()
                                + ":stack/" + prefix + "*/*"))
                        .build(),
                PolicyStatement.Builder.create().effect(Effect.ALLOW)
                        .actions(List.of("lambda:GetAlias", "lambda:UpdateAlias", "lambda:ListVersionsByFunction"))
                        .resources(List.of("arn:" + getPartition() + ":lambda:" + getRegion() + ":" + getAccount()
                                + ":function:" + prefix + "-*"))
                        .build());
    }

    /** The pull-request role, when {@code githubPullRequests} is true. */
    public Optional<Role> diffRole() {
        return Optional.ofNullable(diffRole);
    }
}
