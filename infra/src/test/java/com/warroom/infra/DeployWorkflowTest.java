package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows, which cannot run here, read as data: what runs when, in which order, with which
 * rights; that they agree with the bootstrap stack's trust (environment names, roles) and with the pinned CDK CLI.
 * The lint in .ci/run checks their schema and expressions; this checks what they mean.
 */
class DeployWorkflowTest {

    private static final Path REPO = RepoRoot.ofInfraModule().path();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode deploy;
    private static JsonNode release;
    private static JsonNode rollback;

    @BeforeAll
    static void read() throws IOException {
        deploy = workflow("deploy.yml");
        release = workflow("release-environment.yml");
        rollback = workflow("rollback.yml");
    }

    @Test
    void deploy_runsOnPullRequestsAndPushesToMain_only() {
        assertThat(names(deploy.get("on"))).containsExactlyInAnyOrder("pull_request", "push");
        assertThat(texts(deploy.at("/on/pull_request/branches"))).containsExactly("main");
        assertThat(texts(deploy.at("/on/push/branches"))).containsExactly("main");
    }

    @Test
    void everyWorkflow_readsContentsOnly_andAsksForAnOidcTokenOnlyWhereItAssumesARole() {
        for (JsonNode workflow : List.of(deploy, release, rollback)) {
            assertThat(workflow.get("permissions")).isEqualTo(YAML.valueToTree(Map.of("contents", "read")));
            workflow.get("jobs").properties().forEach(job -> {
                boolean assumesRole = steps(job.getValue()).stream().anyMatch(DeployWorkflowTest::configuresAws)
                        || job.getValue().path("uses").asText().endsWith("release-environment.yml");
                String idToken = job.getValue().at("/permissions/id-token").asText("none");
                assertThat(idToken).as(job.getKey()).isEqualTo(assumesRole ? "write" : "none");
            });
        }
    }

    @Test
    void noWorkflow_usesLongLivedKeys() throws IOException {
        for (String file : workflowFiles()) {
            assertThat(Files.readString(REPO.resolve(".github/workflows").resolve(file))).as(file)
                    .doesNotContain("aws-access-key-id", "aws-secret-access-key", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        }
        for (JsonNode workflow : List.of(deploy, release, rollback)) {
            workflow.get("jobs").forEach(job -> steps(job).stream().filter(DeployWorkflowTest::configuresAws)
                    .forEach(step -> assertThat(step.at("/with/role-to-assume").asText()).matches("\\$\\{\\{ vars\\.AWS_[A-Z_]+_ROLE_ARN }}")));
        }
    }

    @Test
    void releases_goToStagingThenProduction_theEnvironmentsTheBootstrapTrusts() {
        JsonNode jobs = deploy.get("jobs");

        assertThat(jobs.at("/staging/needs").asText()).isEqualTo("build");
        assertThat(jobs.at("/staging/if").asText()).contains("github.event_name == 'push'", "github.ref == 'refs/heads/main'");
        assertThat(jobs.at("/production/needs").asText()).isEqualTo("staging");
        List<String> environments = Stream.of("staging", "production")
                .map(job -> jobs.get(job))
                .peek(job -> assertThat(job.get("uses").asText()).isEqualTo("./.github/workflows/release-environment.yml"))
                .map(job -> job.at("/with/environment").asText())
                .toList();
        assertThat(environments).isEqualTo(DeploySettings.DEFAULT_ENVIRONMENTS);
        // the release job runs in the environment it is given, so that environment's reviewers and branch rule apply
        assertThat(release.at("/jobs/release/environment/name").asText()).isEqualTo("${{ inputs.environment }}");
        assertThat(texts(rollback.at("/on/workflow_dispatch/inputs/environment/options"))).isEqualTo(DeploySettings.DEFAULT_ENVIRONMENTS);
        assertThat(rollback.at("/jobs/rollback/environment").asText()).isEqualTo("${{ inputs.environment }}");
    }

    @Test
    void release_checksSettings_synthesizesWithoutCredentials_notesAliases_deploys_thenSmokeTests() {
        List<String> order = steps(release.at("/jobs/release")).stream()
                .map(step -> configuresAws(step) ? "credentials" : step.path("name").asText(step.path("uses").asText()))
                .toList();

        assertThat(order).containsSubsequence("Check the environment's settings", "Synthesize", "credentials",
                "Note the live aliases before the deploy", "cdk deploy", "API URL", "Smoke test",
                "Roll back the live aliases (smoke test FAILED)");
        assertThat(run(release, "Note the live aliases before the deploy")).contains("rollback-live-aliases.sh snapshot");
        assertThat(run(release, "Check the environment's settings")).contains("check-smoke-tokens.sh");
        assertThat(run(release, "Smoke test")).contains("./warroom smoke --target \"$API_URL\"", "--tokens ", "--report ");
    }

    @Test
    void release_rollsBack_onlyWhenTheDeployWentThroughAndTheSmokeTestFailed_andThenFails() {
        JsonNode step = step(release, "Roll back the live aliases (smoke test FAILED)");

        assertThat(step.get("if").asText()).isEqualTo("always() && steps.deploy.outcome == 'success' && steps.smoke.outcome == 'failure'");
        assertThat(step.get("run").asText()).contains("rollback-live-aliases.sh restore \"$RELEASE_DIR/live-before.tsv\"")
                .endsWith("exit 1\n");
        assertThat(step(release, "cdk deploy").get("id").asText()).isEqualTo("deploy");
        assertThat(step(release, "Smoke test").get("id").asText()).isEqualTo("smoke");
    }

    @Test
    void diff_runsForThisRepositorysPullRequests_synthesizingBeforeAnyCredential_withTheReadOnlyRole() {
        JsonNode diff = deploy.at("/jobs/diff");
        List<JsonNode> steps = steps(diff);
        int synth = indexOf(steps, "Synthesize");
        int credentials = steps.indexOf(steps.stream().filter(DeployWorkflowTest::configuresAws).findFirst().orElseThrow());

        assertThat(diff.get("if").asText()).contains("github.event_name == 'pull_request'",
                "github.event.pull_request.head.repo.full_name == github.repository");
        assertThat(synth).isLessThan(credentials);
        assertThat(steps.get(credentials).at("/with/role-to-assume").asText()).isEqualTo("${{ vars.AWS_DIFF_ROLE_ARN }}");
        assertThat(step(deploy, "cdk diff").get("run").asText()).contains("diff --app cdk.out --all --method template");
    }

    @Test
    void cdkCli_isTheVersionTheInfraReadmePins() throws IOException {
        Matcher pinned = Pattern.compile("readonly CDK_CLI=(aws-cdk@[0-9.]+)").matcher(Files.readString(REPO.resolve("infra/scripts/cdk.sh")));
        assertThat(pinned.find()).isTrue();

        assertThat(Files.readString(REPO.resolve("infra/README.md"))).contains("pinned to `" + pinned.group(1) + "`");
    }

    @Test
    void readme_namesEveryVariableAndSecretTheWorkflowsRead_andEveryBootstrapContextKey() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int start = readme.indexOf("\n## Deploys from CI\n");
        assertThat(start).as("README section Deploys from CI").isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> read = new ArrayList<>();
        for (String file : workflowFiles()) {
            Matcher reference = Pattern.compile("\\b(?:vars|secrets)\\.([A-Z][A-Z0-9_]*)")
                    .matcher(Files.readString(REPO.resolve(".github/workflows").resolve(file)));
            while (reference.find()) {
                read.add(reference.group(1));
            }
        }

        assertThat(read).isNotEmpty().allSatisfy(name -> assertThat(section).contains("`" + name + "`"));
        assertThat(Stream.of(DeploySettings.REPOSITORY_KEY, DeploySettings.ENVIRONMENTS_KEY, DeploySettings.PULL_REQUESTS_KEY,
                DeploySettings.QUALIFIER_KEY, DeploySettings.STACK_PREFIX_KEY, DeploySettings.PROVIDER_ARN_KEY))
                .allSatisfy(key -> assertThat(section).contains("| `" + key + "` |"));
        assertThat(section).contains("`" + DeployBootstrapStack.DEPLOY_ROLE_NAME + "`", "`" + DeployBootstrapStack.DIFF_ROLE_NAME + "`");
    }

    private static JsonNode workflow(String file) throws IOException {
        return YAML.readTree(REPO.resolve(".github/workflows").resolve(file).toFile());
    }

    private static List<String> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve(".github/workflows"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean configuresAws(JsonNode step) {
        return step.path("uses").asText().startsWith("aws-actions/configure-aws-credentials@");
    }

    private static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        return steps;
    }

    private static JsonNode step(JsonNode workflow, String name) {
        List<JsonNode> matching = new ArrayList<>();
        workflow.get("jobs").forEach(job -> steps(job).stream().filter(step -> name.equals(step.path("name").asText())).forEach(matching::add));
        assertThat(matching).as("steps named " + name).hasSize(1);
        return matching.getFirst();
    }

    private static String run(JsonNode workflow, String name) {
        return step(workflow, name).get("run").asText();
    }

    private static int indexOf(List<JsonNode> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (name.equals(steps.get(i).path("name").asText())) {
                return i;
            }
        }
        throw new AssertionError("no step " + name);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
