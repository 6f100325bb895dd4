package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The deploy bootstrap's template: GitHub's OIDC provider, a deploy role that only this repository's GitHub
 * environments can assume with an STS-audience token, for an hour at most, allowed to assume the CDK bootstrap roles
 * and move live aliases back and nothing else; the pull-request diff role only when asked for; cdk-nag clean.
 */
class DeployBootstrapStackTest {

    private static final String REPOSITORY = "warroom-ops/warroom";
    private static final String AUD = "token.actions.githubusercontent.com:aud";
    private static final String SUB = "token.actions.githubusercontent.com:sub";

    private static Synthesized plain;
    private static Synthesized withPullRequests;

    @BeforeAll
    static void synthesize() {
        plain = Synthesized.of("plain", Map.of("githubRepository", REPOSITORY));
        withPullRequests = Synthesized.of("pull-requests", Map.of("githubRepository", REPOSITORY,
                "githubEnvironments", "staging", "githubPullRequests", "true"));
    }

    @Test
    void oidcProvider_whenNoneGiven_isGithubsWithTheStsAudienceOnly() {
        List<Map<String, Object>> providers = plain.resourcesOfType("AWS::IAM::OIDCProvider");

        assertThat(providers).hasSize(1);
        Map<String, Object> provider = properties(providers.getFirst());
        assertThat(provider.get("Url")).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(list(provider.get("ClientIdList"))).containsExactly("sts.amazonaws.com");
    }

    @Test
    void oidcProvider_whenTheAccountHasOne_isReferencedNotCreated() {
        String arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        Synthesized imported = Synthesized.of("imported", Map.of("githubRepository", REPOSITORY, "githubOidcProviderArn", arn));

        assertThat(imported.resourcesOfType("AWS::IAM::OIDCProvider")).isEmpty();
        assertThat(map(trust(imported.role(DeployBootstrapStack.DEPLOY_ROLE_NAME)).get("Principal")))
                .isEqualTo(Map.of("Federated", arn));
    }

    @Test
    void deployRole_trust_isTheRepositorysEnvironmentsWithAnStsToken_exactlyMatched() {
        Map<String, Object> statement = trust(plain.role(DeployBootstrapStack.DEPLOY_ROLE_NAME));

        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(map(statement.get("Principal"))).containsOnlyKeys("Federated");
        Map<String, Object> condition = map(statement.get("Condition"));
        // StringEquals only: a StringLike would let a pattern (and so a branch or fork of someone's choosing) through
        assertThat(condition).containsOnlyKeys("StringEquals");
        Map<String, Object> equals = map(condition.get("StringEquals"));
        assertThat(equals).containsOnlyKeys(AUD, SUB);
        assertThat(equals.get(AUD)).isEqualTo("sts.amazonaws.com");
        assertThat(list(equals.get(SUB))).containsExactly(
                "repo:warroom-ops/warroom:environment:staging", "repo:warroom-ops/warroom:environment:production");
    }

    @Test
    void deployRole_whenOneEnvironmentIsGiven_trustsThatOneAndNoPullRequest() {
        Map<String, Object> equals = map(map(trust(withPullRequests.role(DeployBootstrapStack.DEPLOY_ROLE_NAME))
                .get("Condition")).get("StringEquals"));

        assertThat(list(equals.get(SUB))).containsExactly("repo:warroom-ops/warroom:environment:staging");
    }

    @Test
    void roles_maxSessionDuration_isOneHour() {
        Stream.of(plain.role(DeployBootstrapStack.DEPLOY_ROLE_NAME), withPullRequests.role(DeployBootstrapStack.DEPLOY_ROLE_NAME),
                withPullRequests.role(DeployBootstrapStack.DIFF_ROLE_NAME))
                .forEach(role -> assertThat(properties(role).get("MaxSessionDuration")).isEqualTo(3600));
    }

    @Test
    void template_hasNoWildcardPrincipalAnywhere() {
        for (Synthesized synthesized : List.of(plain, withPullRequests)) {
            List<Object> principals = synthesized.statements().stream()
                    .filter(statement -> statement.containsKey("Principal") || statement.containsKey("NotPrincipal"))
                    .map(statement -> statement.containsKey("Principal") ? statement.get("Principal") : "NotPrincipal")
                    .toList();

            assertThat(principals).isNotEmpty().allSatisfy(principal -> {
                assertThat(principal).isInstanceOf(Map.class);
                assertThat(map(principal)).containsOnlyKeys("Federated");
                assertThat(json(principal)).doesNotContain("\"*\"");
            });
            assertThat(synthesized.statements()).noneMatch(statement -> statement.containsKey("NotAction")
                    || statement.containsKey("NotResource"));
        }
    }

    @Test
    void deployRole_mayAssumeTheFourCdkBootstrapRolesOfItsAccountAndRegion_andNoOtherRole() {
        Map<String, Object> statement = policyStatement(plain.role(DeployBootstrapStack.DEPLOY_ROLE_NAME), "AssumeCdkBootstrapRoles");

        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRole");
        assertThat(list(statement.get("Resource")).stream().map(DeployBootstrapStackTest::joined).toList()).containsExactlyInAnyOrder(
                "arn:{AWS::Partition}:iam::{AWS::AccountId}:role/cdk-hnb659fds-deploy-role-{AWS::AccountId}-{AWS::Region}",
                "arn:{AWS::Partition}:iam::{AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-{AWS::AccountId}-{AWS::Region}",
                "arn:{AWS::Partition}:iam::{AWS::AccountId}:role/cdk-hnb659fds-image-publishing-role-{AWS::AccountId}-{AWS::Region}",
                "arn:{AWS::Partition}:iam::{AWS::AccountId}:role/cdk-hnb659fds-lookup-role-{AWS::AccountId}-{AWS::Region}");
    }

    @Test
    void deployRole_whenAnotherQualifierIsGiven_assumesThatQualifiersRoles() {
        Synthesized qualified = Synthesized.of("qualified", Map.of("githubRepository", REPOSITORY, "cdkQualifier", "warroom1"));

        Map<String, Object> statement = policyStatement(qualified.role(DeployBootstrapStack.DEPLOY_ROLE_NAME), "AssumeCdkBootstrapRoles");

        assertThat(list(statement.get("Resource"))).map(DeployBootstrapStackTest::joined)
                .allSatisfy(arn -> assertThat(arn).contains(":role/cdk-warroom1-").doesNotContain("hnb659fds"));
    }

    @Test
    void deployRole_rollbackPolicy_isAliasActionsOnTheWarroomFunctionsOnly() {
        List<Object> rollback = list(map(policy(plain.role(DeployBootstrapStack.DEPLOY_ROLE_NAME), "RollbackLiveAliases")
                .get("PolicyDocument")).get("Statement"));

        assertThat(rollback).map(TemplateJson::map).map(statement -> list(statement.get("Action")) + " on "
                + list(statement.get("Resource")).stream().map(DeployBootstrapStackTest::joined).toList())
                .containsExactlyInAnyOrder(
                        "[cloudformation:ListStackResources] on [arn:{AWS::Partition}:cloudformation:{AWS::Region}:{AWS::AccountId}:stack/Warroom*/*]",
                        "[lambda:GetAlias, lambda:UpdateAlias, lambda:ListVersionsByFunction] on [arn:{AWS::Partition}:lambda:{AWS::Region}:{AWS::AccountId}:function:Warroom-*]");
    }

    @Test
    void diffRole_byDefault_isNotThere() {
        assertThat(plain.roles()).hasSize(1);
        assertThat(plain.outputs()).containsKeys("DeployRoleArn", "GithubOidcProviderArn").doesNotContainKey("DiffRoleArn");
    }

    @Test
    void diffRole_whenPullRequestsAreOn_trustsTheRepositorysPullRequests_andMayAssumeOnlyTheLookupRole() {
        Map<String, Object> role = withPullRequests.role(DeployBootstrapStack.DIFF_ROLE_NAME);
        Map<String, Object> equals = map(map(trust(role).get("Condition")).get("StringEquals"));

        assertThat(equals).isEqualTo(Map.of(AUD, "sts.amazonaws.com", SUB, "repo:warroom-ops/warroom:pull_request"));
        List<Map<String, Object>> policies = list(properties(role).get("Policies")).stream().map(TemplateJson::map).toList();
        assertThat(policies).hasSize(1);
        List<Object> statements = list(map(policies.getFirst().get("PolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = map(statements.getFirst());
        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRole");
        assertThat(list(statement.get("Resource"))).map(DeployBootstrapStackTest::joined).containsExactly(
                "arn:{AWS::Partition}:iam::{AWS::AccountId}:role/cdk-hnb659fds-lookup-role-{AWS::AccountId}-{AWS::Region}");
        assertThat(withPullRequests.outputs()).containsKey("DiffRoleArn");
    }

    @Test
    void template_hasNoManagedPolicyAndNoUserOrAccessKey() {
        for (Synthesized synthesized : List.of(plain, withPullRequests)) {
            assertThat(synthesized.roles()).allSatisfy(role -> assertThat(properties(role)).doesNotContainKey("ManagedPolicyArns"));
            assertThat(synthesized.resourcesOfType("AWS::IAM::User")).isEmpty();
            assertThat(synthesized.resourcesOfType("AWS::IAM::AccessKey")).isEmpty();
        }
    }

    @Test
    void awsSolutionsChecks_leaveNoErrorOrWarning_andEverySuppressionHasAReason() {
        for (Synthesized synthesized : List.of(plain, withPullRequests)) {
            assertThat(synthesized.findings()).isEmpty();
            List<Map<String, Object>> suppressions = synthesized.resources().stream()
                    .map(resource -> map(resource.get("Metadata")))
                    .filter(metadata -> metadata != null && metadata.containsKey("cdk_nag"))
                    .flatMap(metadata -> list(map(metadata.get("cdk_nag")).get("rules_to_suppress")).stream())
                    .map(TemplateJson::map)
                    .toList();
            assertThat(suppressions).extracting(rule -> rule.get("id")).containsOnly("AwsSolutions-IAM5");
            assertThat(suppressions).allSatisfy(rule -> assertThat(String.valueOf(rule.get("reason"))).hasSizeGreaterThan(80));
        }
    }

    @Test
    void build_whenTheRepositoryIsMissing_failsNamingTheContextKey() {
        assertThatThrownBy(() -> Synthesized.of("missing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("githubRepository");
    }

    @ParameterizedTest
    @ValueSource(strings = {"warroom", "warroom-ops/*", "*/warroom", "warroom-ops/warroom:ref:refs/heads/x", "a/b/c",
            "-ops/warroom", "warroom-ops/..", "warroom ops/warroom"})
    void build_whenTheRepositoryIsNotOwnerSlashName_fails(String repository) {
        assertThatThrownBy(() -> Synthesized.of("bad-repository", Map.of("githubRepository", repository)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("githubRepository");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "prod*", "staging:ref", " , ", "prod uction"})
    void build_whenAnEnvironmentCouldWidenTheSubject_fails(String environments) {
        assertThatThrownBy(() -> Synthesized.of("bad-environment", Map.of("githubRepository", REPOSITORY,
                "githubEnvironments", environments)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("githubEnvironments");
    }

    @Test
    void build_whenPullRequestsIsNotABoolean_fails() {
        assertThatThrownBy(() -> Synthesized.of("bad-flag", Map.of("githubRepository", REPOSITORY, "githubPullRequests", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("githubPullRequests");
    }

    private static Map<String, Object> trust(Map<String, Object> role) {
        List<Object> statements = list(map(properties(role).get("AssumeRolePolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(1);
        return map(statements.getFirst());
    }

    private static Map<String, Object> policy(Map<String, Object> role, String name) {
        return list(properties(role).get("Policies")).stream().map(TemplateJson::map)
                .filter(policy -> name.equals(policy.get("PolicyName")))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> policyStatement(Map<String, Object> role, String name) {
        List<Object> statements = list(map(policy(role, name).get("PolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(1);
        return map(statements.getFirst());
    }

    /** An Fn::Join of strings and pseudo-parameter Refs as one string, the Refs written {AWS::AccountId}. */
    private static String joined(Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.containsKey("Ref")) {
            return "{" + intrinsic.get("Ref") + "}";
        }
        List<Object> join = list(intrinsic.get("Fn::Join"));
        return list(join.get(1)).stream().map(DeployBootstrapStackTest::joined).reduce("", String::concat);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One synthesized bootstrap app and its cdk-nag messages. */
    private record Synthesized(Map<String, Object> template, List<String> findings) {

        static Synthesized of(String name, Map<String, Object> context) {
            Path outdir = Path.of("target", "test-cdk.out", "deploy-bootstrap-" + name).toAbsolutePath();
            App app = App.Builder.create().outdir(outdir.toString()).context(context).build();
            DeployBootstrapStack stack = DeployBootstrapApp.build(app);
            CloudFormationStackArtifact artifact = app.synth().getStackByName(stack.getStackName());
            List<String> findings = artifact.getMessages().stream()
                    .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR || m.getLevel() == SynthesisMessageLevel.WARNING)
                    .map(m -> m.getLevel() + " " + m.getId() + ": " + m.getEntry().getData())
                    .toList();
            return new Synthesized(map(artifact.getTemplate()), findings);
        }

        List<Map<String, Object>> resources() {
            return map(template.get("Resources")).values().stream().map(TemplateJson::map).toList();
        }

        List<Map<String, Object>> resourcesOfType(String type) {
            return resources().stream().filter(resource -> type.equals(resource.get("Type"))).toList();
        }

        List<Map<String, Object>> roles() {
            return resourcesOfType("AWS::IAM::Role");
        }

        Map<String, Object> role(String roleName) {
            return roles().stream().filter(role -> roleName.equals(properties(role).get("RoleName"))).findFirst().orElseThrow();
        }

        Map<String, Object> outputs() {
            return map(template.getOrDefault("Outputs", Map.of()));
        }

        /** Every statement of every policy document in the template: trust policies and inline policies. */
        List<Map<String, Object>> statements() {
            return resources().stream().map(TemplateJson::properties).filter(p -> p != null)
                    .flatMap(p -> Stream.concat(Stream.of(p.get("AssumeRolePolicyDocument"), p.get("PolicyDocument")),
                            list(p.get("Policies")).stream().map(policy -> map(policy).get("PolicyDocument"))))
                    .filter(document -> document != null)
                    .flatMap(document -> list(map(document).get("Statement")).stream())
                    .map(TemplateJson::map)
                    .toList();
        }
    }
}
