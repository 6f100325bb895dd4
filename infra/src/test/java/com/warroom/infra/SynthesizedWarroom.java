package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * A Warroom app, built as {@link WarroomApp#build} builds it (real function jars, cdk-nag checks) and synthesized
 * once per test JVM: the first synthesis costs seconds, so every test class shares these. {@link #get()} is the real
 * topology; {@link #withWorkflow()} is {@link WorkflowTopology} and {@link #withTriggers()} is {@link TriggerTopology}, with
 * what the real one does not hold (yet).
 */
final class SynthesizedWarroom {

    private static SynthesizedWarroom warroom;
    private static SynthesizedWarroom withWorkflow;
    private static SynthesizedWarroom withTriggers;
    private static SynthesizedWarroom withConsoleDomain;
    private static SynthesizedWarroom withDeployContext;

    /** The production Midtrans API, given with a trailing slash (which the stack drops). */
    static final String MIDTRANS_PRODUCTION_URL = "https://api.midtrans.com/";
    static final String WHATSAPP_URL = "https://whatsapp.example.net/v1";
    /** Where the deploy's runbooks are read. */
    static final String README_URL = "https://git.example.org/ops/warroom/-/blob/main/README.md";
    /** The evidence bucket's retention in {@link #withDeployContext()}: seven years, as a regulator may ask. */
    static final int EVIDENCE_RETENTION_DAYS = 2555;
    /** The sender address, with a domain in capitals (which the stack folds) and a local part it keeps. */
    static final String MAIL_FROM = "Payments@Mail.Example.ORG";

    /** The console's own name and certificate in {@link #withConsoleDomain()}. */
    static final ConsoleDomain CONSOLE_DOMAIN = new ConsoleDomain("console.example.com",
            "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    final String name;
    final Topology topology;
    final WarroomStack stack;
    /** The main stack's template. */
    final Template template;
    /** Each nested stack's template, read from the cloud assembly, by the nested stack. */
    final Map<NestedStack, Map<String, Object>> nestedTemplates = new LinkedHashMap<>();
    final List<SynthesisMessage> messages;
    final Path outdir;
    private Set<String> consoleLogicalIds;
    private Map<String, Object> json;
    private Map<String, Object> resources;

    SynthesizedWarroom(String name, Topology topology, Map<String, Object> context) {
        this.name = name;
        this.topology = topology;
        outdir = Path.of("target", "test-cdk.out", name).toAbsolutePath();
        App app = App.Builder.create().outdir(outdir.toString()).context(context).build();
        stack = WarroomApp.build(app, topology);
        CloudAssembly assembly = app.synth();
        CloudFormationStackArtifact artifact = assembly.getStackByName(stack.getStackName());
        template = Template.fromJSON(TemplateJson.map(artifact.getTemplate()));
        messages = artifact.getMessages();
        stack.getNode().findAll().stream().filter(NestedStack.class::isInstance).map(NestedStack.class::cast)
                .forEach(nested -> nestedTemplates.put(nested, readTemplate(outdir.resolve(nested.getTemplateFile()))));
    }

    private static Map<String, Object> readTemplate(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real topology, {@link Topology#warroom()}. */
    static synchronized SynthesizedWarroom get() {
        if (warroom == null) {
            warroom = new SynthesizedWarroom("warroom", Topology.warroom(), Map.of());
        }
        return warroom;
    }

    /** {@link WorkflowTopology}: the approval workflow, its topic, the config table, a starter and a completer. */
    static synchronized SynthesizedWarroom withWorkflow() {
        if (withWorkflow == null) {
            withWorkflow = new SynthesizedWarroom("with-workflow", WorkflowTopology.topology(), Map.of());
        }
        return withWorkflow;
    }

    /** {@link TriggerTopology}: a batching consumer, a cron schedule outside UTC, a secret with one reader. */
    static synchronized SynthesizedWarroom withTriggers() {
        if (withTriggers == null) {
            withTriggers = new SynthesizedWarroom("with-triggers", TriggerTopology.topology(), Map.of());
        }
        return withTriggers;
    }

    /** The real topology with the console on its own domain ({@link #CONSOLE_DOMAIN}), for the checks that depend on it. */
    static synchronized SynthesizedWarroom withConsoleDomain() {
        if (withConsoleDomain == null) {
            withConsoleDomain = new SynthesizedWarroom("with-console-domain", Topology.warroom(), Map.of(
                    ConsoleDomain.NAME_CONTEXT_KEY, CONSOLE_DOMAIN.name(),
                    ConsoleDomain.CERTIFICATE_CONTEXT_KEY, CONSOLE_DOMAIN.certificateArn()));
        }
        return withConsoleDomain;
    }

    /**
     * The real topology deployed with the context of a production stack: Midtrans's production API, a WhatsApp provider,
     * a sender address and the evidence kept seven years ({@link #MIDTRANS_PRODUCTION_URL}, {@link #WHATSAPP_URL},
     * {@link #MAIL_FROM}, {@link #EVIDENCE_RETENTION_DAYS}).
     */
    static synchronized SynthesizedWarroom withDeployContext() {
        if (withDeployContext == null) {
            withDeployContext = new SynthesizedWarroom("with-deploy-context", Topology.warroom(), Map.of(
                    Topology.MIDTRANS_API.contextKey(), MIDTRANS_PRODUCTION_URL,
                    Topology.WHATSAPP_API.contextKey(), WHATSAPP_URL,
                    MailSender.CONTEXT_KEY, MAIL_FROM,
                    WriteOnceBuckets.retentionContextKey(Topology.EVIDENCE), Integer.toString(EVIDENCE_RETENTION_DAYS),
                    com.warroom.alarms.RunbookLink.CONTEXT_KEY, README_URL));
        }
        return withDeployContext;
    }

    /** All three: every check of the stack holds for the real topology and for the test ones. */
    static List<SynthesizedWarroom> all() {
        return List.of(get(), withWorkflow(), withTriggers());
    }

    /** (app, item) for every item of every app's topology, named for the test report: for {@code @MethodSource}. */
    static <T> Stream<Arguments> eachOf(Function<Topology, List<T>> items, Function<T, String> name) {
        return all().stream().flatMap(synthesized -> items.apply(synthesized.topology).stream()
                .map(item -> Arguments.of(synthesized, Named.of(name.apply(item), item))));
    }

    /** The logical id of an L2 construct's resource (or of a CfnElement) in its own stack's template, nested or not. */
    String logicalId(IConstruct construct) {
        CfnElement element = construct instanceof CfnElement cfn ? cfn : (CfnElement) construct.getNode().getDefaultChild();
        Stack owner = Stack.of(element);
        return (String) owner.resolve(owner.getLogicalId(element));
    }

    /** The template's resource of an L2 construct: its Type, Properties, DeletionPolicy, ... */
    Map<String, Object> resource(IConstruct construct) {
        return resource(logicalId(construct));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = TemplateJson.map(resources().get(logicalId));
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId + " in the template");
        }
        return resource;
    }

    /**
     * The resources of every template: the main stack's, and each nested stack's with its parameters replaced by what the
     * main stack passes in (a nested alarm's {@code Ref} to a parameter reads as the main stack's {@code Ref} to the
     * queue), so a check reads the same whichever stack holds a resource.
     */
    synchronized Map<String, Object> resources() {
        if (resources == null) {
            Map<String, Object> all = new LinkedHashMap<>(TemplateJson.map(json().get("Resources")));
            nestedTemplates.forEach((nested, nestedTemplate) -> {
                Map<String, Object> parameters = TemplateJson.map(TemplateJson.properties(
                        TemplateJson.map(all.get(logicalId(nested.getNestedStackResource())))).getOrDefault("Parameters", Map.of()));
                TemplateJson.map(nestedTemplate.get("Resources")).forEach((logicalId, resource) -> {
                    if (all.put(logicalId, substitute(resource, parameters)) != null) {
                        throw new AssertionError("logical id " + logicalId + " is in two templates");
                    }
                });
            });
            resources = Collections.unmodifiableMap(all);
        }
        return resources;
    }

    /** Resource counts: the main stack's template and each nested stack's, by the stack's construct path. */
    Map<String, Integer> resourceCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(stack.getNode().getPath(), TemplateJson.map(json().get("Resources")).size());
        nestedTemplates.forEach((nested, nestedTemplate) ->
                counts.put(nested.getNode().getPath(), TemplateJson.map(nestedTemplate.get("Resources")).size()));
        return counts;
    }

    // a copy of the node with every {"Ref": parameter} replaced by the parameter's value
    private static Object substitute(Object node, Map<String, Object> parameters) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String ref && parameters.containsKey(ref)) {
                return parameters.get(ref);
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, substitute(value, parameters)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> substitute(item, parameters)).toList();
        }
        return node;
    }

    Map<String, Object> outputs() {
        return TemplateJson.map(json().get("Outputs"));
    }

    /**
     * The template as JSON, read once: every read of {@link Template} crosses to the CDK's Node.js process and copies the
     * whole template back, which the thousands of parameterized checks would otherwise pay each time.
     */
    synchronized Map<String, Object> json() {
        if (json == null) {
            json = Collections.unmodifiableMap(template.toJSON());
        }
        return json;
    }

    /** The statements of the role: its inline policies' and those of every IAM policy attached to it. */
    List<Map<String, Object>> statementsOf(IConstruct role) {
        Object roleRef = TemplateJson.ref(logicalId(role));
        return rolePolicies(resources()).stream()
                .filter(policy -> policy.roles().contains(roleRef))
                .flatMap(policy -> policy.statements().stream())
                .toList();
    }

    /** One policy document and the roles ({@code Ref}s) it applies to: an AWS::IAM::Policy or a role's inline policy. */
    record RolePolicy(String logicalId, List<Object> roles, List<Map<String, Object>> statements) {
    }

    /** Every policy of the resources given: each AWS::IAM::Policy, and each inline policy of an AWS::IAM::Role. */
    static List<RolePolicy> rolePolicies(Map<String, Object> resources) {
        List<RolePolicy> policies = new ArrayList<>();
        resources.forEach((logicalId, value) -> {
            Map<String, Object> resource = TemplateJson.map(value);
            Map<String, Object> properties = resource.get("Properties") == null ? Map.of() : TemplateJson.properties(resource);
            if ("AWS::IAM::Policy".equals(resource.get("Type"))) {
                policies.add(new RolePolicy(logicalId, TemplateJson.list(properties.get("Roles")),
                        statements(properties.get("PolicyDocument"))));
            } else if ("AWS::IAM::Role".equals(resource.get("Type"))) {
                TemplateJson.list(properties.get("Policies")).forEach(policy -> policies.add(new RolePolicy(logicalId,
                        List.of(TemplateJson.ref(logicalId)), statements(TemplateJson.map(policy).get("PolicyDocument")))));
            }
        });
        return policies;
    }

    /** Every role policy of the template ({@link #rolePolicies(Map)}). */
    List<RolePolicy> rolePolicies() {
        return rolePolicies(resources());
    }

    /** Every role policy but the console hosting's ({@link #consoleLogicalIds()}). */
    List<RolePolicy> rolePoliciesOutsideConsole() {
        Map<String, Object> outside = new LinkedHashMap<>(resources());
        outside.keySet().removeAll(consoleLogicalIds());
        return rolePolicies(outside);
    }

    private static List<Map<String, Object>> statements(Object document) {
        return TemplateJson.list(TemplateJson.map(document).get("Statement")).stream().map(TemplateJson::map).toList();
    }

    /** The environment variables of a topology function. */
    Map<String, Object> environment(FunctionDef definition) {
        Map<String, Object> function = TemplateJson.properties(resource(stack.functions().get(definition).function()));
        return TemplateJson.map(TemplateJson.map(function.get("Environment")).get("Variables"));
    }

    /** Logical id to resource, for every resource of the type. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> ofType = new LinkedHashMap<>();
        resources().forEach((logicalId, resource) -> {
            if (type.equals(TemplateJson.map(resource).get("Type"))) {
                ofType.put(logicalId, TemplateJson.map(resource));
            }
        });
        return ofType;
    }

    /**
     * Logical id to resource, for every resource of the type but the console's hosting ({@link #consoleLogicalIds()}):
     * what the topology builds, for the checks of the topology's wiring and IAM.
     */
    Map<String, Map<String, Object>> resourcesOfTypeOutsideConsole(String type) {
        Set<String> console = consoleLogicalIds();
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>(resourcesOfType(type));
        resources.keySet().removeAll(console);
        return resources;
    }

    /**
     * The logical ids of the console's hosting ({@link ConsoleHosting}, checked by ConsoleHostingTest): its construct's
     * resources and the deploy-time functions aws-cdk-lib adds for it at the stack's root (the BucketDeployment file
     * copier and the AwsCustomResource that sets the API's CORS), with their roles.
     */
    synchronized Set<String> consoleLogicalIds() {
        if (consoleLogicalIds == null) {
            List<String> roots = new ArrayList<>();
            roots.add(stack.console().getNode().getPath());
            stack.getNode().getChildren().stream().map(IConstruct::getNode)
                    .filter(node -> node.getId().startsWith(WarroomNagSuppressions.BUCKET_DEPLOYMENT_HANDLER)
                            || node.getId().equals(WarroomNagSuppressions.AWS_CUSTOM_RESOURCE_HANDLER))
                    .forEach(node -> roots.add(node.getPath()));
            consoleLogicalIds = stack.getNode().findAll().stream()
                    .filter(CfnElement.class::isInstance)
                    .filter(construct -> roots.stream().anyMatch(root -> construct.getNode().getPath().equals(root)
                            || construct.getNode().getPath().startsWith(root + "/")))
                    .map(construct -> logicalId((CfnElement) construct))
                    .collect(Collectors.toUnmodifiableSet());
        }
        return consoleLogicalIds;
    }

    @Override
    public String toString() {
        return name;
    }
}
