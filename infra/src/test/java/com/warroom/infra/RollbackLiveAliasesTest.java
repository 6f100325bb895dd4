package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/scripts/rollback-live-aliases.sh}, the deploy workflow's rollback, run by bash against a stand-in
 * {@code aws} on the PATH (src/test/resources/fake-aws/aws) that keeps the stacks, aliases and versions in files:
 * snapshot before a deploy, restore after a failed smoke test, previous when there is no snapshot.
 */
class RollbackLiveAliasesTest {

    private static final BashScript SCRIPT = BashScript.of("infra/scripts/rollback-live-aliases.sh");
    private static final Path FAKE_AWS = RepoRoot.ofInfraModule().path().resolve("infra/src/test/resources/fake-aws/aws");
    private static final String NESTED = "arn:aws:cloudformation:ap-southeast-3:123456789012:stack/Warroom-Money-1ABC/guid";

    @TempDir
    Path dir;
    private Path state;
    private Path bin;

    @BeforeEach
    void account() throws IOException {
        state = Files.createDirectories(dir.resolve("state"));
        for (String folder : List.of("stacks", "aliases", "versions", "fail-update", "fail-list")) {
            Files.createDirectories(state.resolve(folder));
        }
        bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(FAKE_AWS, bin.resolve("aws"));
        assertThat(bin.resolve("aws").toFile().setExecutable(true)).isTrue();
        // the Warroom stack: two functions with a live alias, CDK's custom-resource handler without one, a nested stack
        stack("Warroom", "AWS::Lambda::Function\tWarroom-flag-admin", "AWS::Lambda::Function\tWarroom-payout-worker",
                "AWS::Lambda::Function\tWarroom-CustomS3AutoDeleteObjectsCustomResourceProvider-XYZ",
                "AWS::CloudFormation::Stack\t" + NESTED);
        stack(NESTED, "AWS::Lambda::Function\tWarroom-reconcile-segment");
        function("Warroom-flag-admin", "7", "$LATEST\t1\t2\t6\t7");
        function("Warroom-payout-worker", "3", "$LATEST\t1\t2\t3");
        function("Warroom-reconcile-segment", "1", "$LATEST\t1");
    }

    @Test
    void snapshot_printsTheLiveVersionOfEveryFunction_nestedStacksIncluded_skippingFunctionsWithoutTheAlias() throws Exception {
        BashScript.Run run = run("snapshot", "Warroom");

        assertThat(run.status()).isZero();
        assertThat(run.stdout().lines()).containsExactly("Warroom-flag-admin\t7", "Warroom-payout-worker\t3",
                "Warroom-reconcile-segment\t1");
    }

    @Test
    void snapshot_whenTheStackDoesNotExistYet_printsNothingAndSucceeds() throws Exception {
        BashScript.Run run = run("snapshot", "WarroomNotDeployed");

        assertThat(run.status()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("stack WarroomNotDeployed does not exist");
    }

    @Test
    void restore_movesBackOnlyTheAliasesTheReleaseMoved() throws Exception {
        Path before = snapshotTo("before.tsv");
        // the release: flag-admin and reconcile-segment got new versions, payout-worker did not change
        function("Warroom-flag-admin", "8", "$LATEST\t1\t2\t6\t7\t8");
        function("Warroom-reconcile-segment", "2", "$LATEST\t1\t2");
        Files.writeString(state.resolve("calls"), "");

        BashScript.Run run = run("restore", before.toString());

        assertThat(run.status()).isZero();
        assertThat(aliases()).isEqualTo(Map.of("Warroom-flag-admin", "7", "Warroom-payout-worker", "3",
                "Warroom-reconcile-segment", "1"));
        assertThat(updates()).containsExactlyInAnyOrder(
                "lambda update-alias --function-name Warroom-flag-admin --name live --function-version 7 --query FunctionVersion --output text",
                "lambda update-alias --function-name Warroom-reconcile-segment --name live --function-version 1 --query FunctionVersion --output text");
        assertThat(run.stderr()).contains("moved Warroom-flag-admin live 8 -> 7", "unchanged Warroom-payout-worker live 3");
    }

    @Test
    void restore_whenDryRun_movesNothing_andSaysWhatItWould() throws Exception {
        Path before = snapshotTo("before.tsv");
        function("Warroom-flag-admin", "8", "$LATEST\t1\t2\t6\t7\t8");

        BashScript.Run run = run("--dry-run", "restore", before.toString());

        assertThat(run.status()).isZero();
        assertThat(aliases().get("Warroom-flag-admin")).isEqualTo("8");
        assertThat(updates()).isEmpty();
        assertThat(run.stderr()).contains("would move Warroom-flag-admin live 8 -> 7");
    }

    @Test
    void restore_whenOneMoveIsRefused_stillMovesTheOthers_andFails() throws Exception {
        Path before = snapshotTo("before.tsv");
        function("Warroom-flag-admin", "8", "$LATEST\t1\t2\t6\t7\t8");
        function("Warroom-payout-worker", "4", "$LATEST\t1\t2\t3\t4");
        Files.writeString(state.resolve("fail-update/Warroom-flag-admin"), "");

        BashScript.Run run = run("restore", before.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(aliases()).containsEntry("Warroom-flag-admin", "8").containsEntry("Warroom-payout-worker", "3");
        assertThat(run.stderr()).contains("FAILED to move Warroom-flag-admin live 8 -> 7");
    }

    @Test
    void restore_whenALineIsNotAVersion_skipsIt_andFails() throws Exception {
        Path before = dir.resolve("before.tsv");
        Files.writeString(before, "Warroom-flag-admin\t$LATEST\nWarroom-payout-worker\t2\n");

        BashScript.Run run = run("restore", before.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(aliases()).containsEntry("Warroom-flag-admin", "7").containsEntry("Warroom-payout-worker", "2");
    }

    @Test
    void restore_whenAFunctionLostItsAlias_skipsIt() throws Exception {
        Path before = snapshotTo("before.tsv");
        Files.delete(state.resolve("aliases/Warroom-payout-worker"));

        BashScript.Run run = run("restore", before.toString());

        assertThat(run.status()).isZero();
        assertThat(updates()).isEmpty();
        assertThat(run.stderr()).contains("skipping Warroom-payout-worker: it has no live alias now");
    }

    @Test
    void previous_movesEachAliasToTheNewestVersionBelowItsCurrentOne_andKeepsOneWithNoEarlierVersion() throws Exception {
        BashScript.Run run = run("previous", "Warroom");

        assertThat(run.status()).isZero();
        // 7 -> 6 (not 2: the newest below), 3 -> 2, and the segment's 1 has nothing earlier
        assertThat(aliases()).isEqualTo(Map.of("Warroom-flag-admin", "6", "Warroom-payout-worker", "2",
                "Warroom-reconcile-segment", "1"));
        assertThat(run.stderr()).contains("kept Warroom-reconcile-segment live 1: no earlier version");
    }

    @Test
    void previous_whenAVersionBelowIsNumericallyLargerAsText_comparesAsNumbers() throws Exception {
        function("Warroom-flag-admin", "10", "$LATEST\t9\t10");

        run("previous", "Warroom");

        assertThat(aliases().get("Warroom-flag-admin")).isEqualTo("9");
    }

    @Test
    void snapshot_whenANestedStackCannotBeListed_printsTheRest_andFails() throws Exception {
        // an error other than "does not exist": the listing is not to be trusted
        Files.writeString(state.resolve("fail-list").resolve(NESTED.replace('/', '_').replace(':', '_')), "");

        BashScript.Run run = run("snapshot", "Warroom");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot list the resources of stack " + NESTED);
        assertThat(run.stdout().lines()).containsExactly("Warroom-flag-admin\t7", "Warroom-payout-worker\t3");
    }

    @Test
    void usage_whenTheCommandOrItsArgumentsAreWrong_exitsTwo_andCallsNothing() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("rollback"), List.of("restore"),
                List.of("restore", "a", "b"), List.of("snapshot"), List.of("--alias"), List.of("restore", "/no/such/file"))) {
            BashScript.Run run = run(args.toArray(String[]::new));

            assertThat(run.status()).as(args.toString()).isEqualTo(2);
        }
        assertThat(state.resolve("calls")).doesNotExist();
    }

    private void stack(String name, String... lines) throws IOException {
        Files.writeString(state.resolve("stacks").resolve(name.replace('/', '_').replace(':', '_')),
                String.join("\n", lines) + "\n");
    }

    private void function(String name, String live, String versions) throws IOException {
        Files.writeString(state.resolve("aliases").resolve(name), live + "\n");
        Files.writeString(state.resolve("versions").resolve(name), versions + "\n");
    }

    private Path snapshotTo(String file) throws Exception {
        BashScript.Run run = run("snapshot", "Warroom");
        assertThat(run.status()).isZero();
        Path path = dir.resolve(file);
        Files.writeString(path, run.stdout());
        return path;
    }

    private Map<String, String> aliases() throws IOException {
        try (var files = Files.list(state.resolve("aliases"))) {
            return files.collect(java.util.stream.Collectors.toMap(f -> f.getFileName().toString(), f -> read(f).strip()));
        }
    }

    private List<String> updates() throws IOException {
        Path calls = state.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls).stream().filter(c -> c.startsWith("lambda update-alias")).toList()
                : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BashScript.Run run(String... args) throws Exception {
        return SCRIPT.run(dir, Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_AWS_STATE", state.toString()), args);
    }
}
