package com.warroom.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * The Warroom app, built as {@link WarroomApp#build} builds it (real function jars, cdk-nag checks) and
 * synthesized once per test JVM: the first synthesis costs seconds, so every test class shares this one.
 */
final class SynthesizedWarroom {

    private static SynthesizedWarroom instance;

    final WarroomStack stack;
    final Template template;
    final List<SynthesisMessage> messages;
    final Path outdir;

    private SynthesizedWarroom() {
        outdir = Path.of("target", "test-cdk.out").toAbsolutePath();
        App app = App.Builder.create().outdir(outdir.toString()).build();
        stack = WarroomApp.build(app);
        CloudAssembly assembly = app.synth();
        CloudFormationStackArtifact artifact = assembly.getStackByName(stack.getStackName());
        template = Template.fromJSON(TemplateJson.map(artifact.getTemplate()));
        messages = artifact.getMessages();
    }

    static synchronized SynthesizedWarroom get() {
        if (instance == null) {
            instance = new SynthesizedWarroom();
        }
        return instance;
    }

    String logicalId(IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
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

    Map<String, Object> resources() {
        return TemplateJson.map(template.toJSON().get("Resources"));
    }

    /** Logical id to resource, for every resource of the type. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        return template.findResources(type);
    }
}
