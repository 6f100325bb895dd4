package com.warroom.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * What the deploy bootstrap stack trusts, read from the CDK context: the GitHub repository, the GitHub environments
 * whose jobs may deploy into this account, whether pull requests of the repository may run {@code cdk diff} here, the
 * CDK bootstrap qualifier and the Warroom stacks' name prefix.
 */
record DeploySettings(String repository, List<String> environments, boolean pullRequestDiff, String qualifier,
        String stackPrefix, Optional<String> existingProviderArn) {

    static final String REPOSITORY_KEY = "githubRepository";
    static final String ENVIRONMENTS_KEY = "githubEnvironments";
    static final String PULL_REQUESTS_KEY = "githubPullRequests";
    static final String QUALIFIER_KEY = "cdkQualifier";
    static final String STACK_PREFIX_KEY = "warroomStackPrefix";
    static final String PROVIDER_ARN_KEY = "githubOidcProviderArn";

    static final List<String> DEFAULT_ENVIRONMENTS = List.of("staging", "production");
    /** The qualifier of {@code cdk bootstrap} unless it was given another: the roles are cdk-hnb659fds-*. */
    static final String DEFAULT_QUALIFIER = "hnb659fds";

    // GitHub's own rules: an owner is letters, digits and single hyphens; a repository name letters, digits, '.', '-', '_'
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9._-]{1,100}");
    // no wildcard or separator can reach the sub claim the role trusts
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern QUALIFIER = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern STACK_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    private static final Pattern PROVIDER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com");

    DeploySettings {
        require(REPOSITORY, repository, REPOSITORY_KEY, "owner/name, e.g. warroom-ops/warroom");
        if (repository.equals(".") || repository.endsWith("/.") || repository.endsWith("/..")) {
            throw new IllegalArgumentException("context " + REPOSITORY_KEY + ": '" + repository + "' is not a repository name");
        }
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("context " + ENVIRONMENTS_KEY + ": name at least one GitHub environment");
        }
        environments.forEach(environment -> require(ENVIRONMENT, environment, ENVIRONMENTS_KEY,
                "GitHub environment names, comma-separated (letters, digits, '.', '-', '_')"));
        environments = List.copyOf(environments);
        require(QUALIFIER, qualifier, QUALIFIER_KEY, "the qualifier given to cdk bootstrap (default hnb659fds)");
        require(STACK_PREFIX, stackPrefix, STACK_PREFIX_KEY, "a CloudFormation stack name prefix");
        existingProviderArn.ifPresent(arn -> require(PROVIDER_ARN, arn, PROVIDER_ARN_KEY,
                "the ARN of this account's existing token.actions.githubusercontent.com provider"));
    }

    /** The settings from the app's context; {@code githubRepository} has no default: a role must name whom it trusts. */
    static DeploySettings fromContext(Node node) {
        String repository = context(node, REPOSITORY_KEY).orElseThrow(() -> new IllegalArgumentException(
                "context " + REPOSITORY_KEY + " is required: the GitHub repository (owner/name) whose workflow may deploy,"
                        + " e.g. -c " + REPOSITORY_KEY + "=warroom-ops/warroom"));
        List<String> environments = context(node, ENVIRONMENTS_KEY)
                .map(DeploySettings::commaSeparated)
                .orElse(DEFAULT_ENVIRONMENTS);
        boolean pullRequests = context(node, PULL_REQUESTS_KEY).map(DeploySettings::flag).orElse(false);
        return new DeploySettings(repository, environments, pullRequests,
                context(node, QUALIFIER_KEY).orElse(DEFAULT_QUALIFIER),
                context(node, STACK_PREFIX_KEY).orElse(WarroomApp.STACK_NAME),
                context(node, PROVIDER_ARN_KEY));
    }

    /** The OIDC subject of a job that runs in one of these GitHub environments. */
    List<String> environmentSubjects() {
        return environments.stream().map(environment -> "repo:" + repository + ":environment:" + environment).toList();
    }

    /** The OIDC subject of a job started by a pull request of this repository (never a fork's: forks get no token). */
    String pullRequestSubject() {
        return "repo:" + repository + ":pull_request";
    }

    private static Optional<String> context(Node node, String key) {
        return Optional.ofNullable(node.tryGetContext(key)).map(Object::toString).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static List<String> commaSeparated(String value) {
        List<String> items = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(value.split(","))
                .map(String::trim).filter(item -> !item.isEmpty()).toList()));
        return List.copyOf(items);
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context " + PULL_REQUESTS_KEY + ": true or false, not '" + value + "'");
        };
    }

    private static void require(Pattern pattern, String value, String key, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("context " + key + ": '" + value + "' is not " + expected);
        }
    }
}
