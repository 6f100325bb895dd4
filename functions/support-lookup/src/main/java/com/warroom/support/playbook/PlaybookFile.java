package com.warroom.support.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Reads the playbook file ({@code config/support-playbook.json}) against the rules in code: every case and situation
 * the rules know has its template and nothing else is there, every text is written, and each uses only the
 * placeholders its situation fills, the internal ones only in the title and the next step. A file that breaks any of
 * this is refused whole, with every problem named by its path in the file.
 */
final class PlaybookFile {

    static final int VERSION = 1;
    private static final Set<String> TEMPLATE_FIELDS = Set.of("title", "answer", "nextStep");
    private static final Set<String> LANGUAGES = Set.of("id", "en");

    private final List<String> problems = new ArrayList<>();

    private PlaybookFile() {
    }

    /** The templates by case id and situation name; throws {@link PlaybookFileException} naming every problem. */
    static Map<String, Map<String, Template>> read(String json, String source, List<CaseRule> rules, Set<String> internalOnly) {
        PlaybookFile file = new PlaybookFile();
        Map<String, Map<String, Template>> templates = file.parse(json, rules, internalOnly);
        if (!file.problems.isEmpty()) {
            throw new PlaybookFileException(source, file.problems);
        }
        return templates;
    }

    private Map<String, Map<String, Template>> parse(String json, List<CaseRule> rules, Set<String> internalOnly) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
            return Map.of();
        }
        if (root == null || !root.isObject()) {
            problems.add("(top): must be an object {\"version\": " + VERSION + ", \"cases\": {...}}");
            return Map.of();
        }
        unknownFields(root, Set.of("version", "cases"), "");
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            problems.add("version: must be " + VERSION);
        }
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isObject()) {
            problems.add("cases: must be an object of case id → situations");
            return Map.of();
        }
        Map<String, CaseRule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.caseId(), r));
        for (Iterator<String> it = cases.fieldNames(); it.hasNext(); ) {
            String caseId = it.next();
            if (!byId.containsKey(caseId)) {
                problems.add("cases." + caseId + ": unknown case (the playbook's cases are " + String.join(", ", byId.keySet()) + ")");
            }
        }
        Map<String, Map<String, Template>> templates = new LinkedHashMap<>();
        for (CaseRule rule : rules) {
            String path = "cases." + rule.caseId();
            JsonNode node = cases.get(rule.caseId());
            if (node == null) {
                problems.add(path + ": missing (every case needs its templates)");
                continue;
            }
            if (!node.isObject()) {
                problems.add(path + ": must be an object of situation → template");
                continue;
            }
            templates.put(rule.caseId(), situations(node, path, rule, internalOnly));
        }
        return templates;
    }

    private Map<String, Template> situations(JsonNode node, String path, CaseRule rule, Set<String> internalOnly) {
        List<String> known = rule.situations().stream().map(Situation::name).toList();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(path + "." + name + ": unknown situation (" + rule.caseId() + " has " + String.join(", ", known) + ")");
            }
        }
        Map<String, Template> templates = new LinkedHashMap<>();
        for (Situation situation : rule.situations()) {
            String at = path + "." + situation.name();
            JsonNode template = node.get(situation.name());
            if (template == null) {
                problems.add(at + ": missing (every situation needs its template)");
                continue;
            }
            if (!template.isObject()) {
                problems.add(at + ": must be an object {\"title\", \"answer\": {\"id\", \"en\"}, \"nextStep\"}");
                continue;
            }
            unknownFields(template, TEMPLATE_FIELDS, at + ".");
            Set<String> userFacing = new TreeSet<>(situation.placeholders());
            userFacing.removeAll(internalOnly);
            String title = text(template.get("title"), at + ".title", situation.placeholders(), Set.of());
            String nextStep = text(template.get("nextStep"), at + ".nextStep", situation.placeholders(), Set.of());
            JsonNode answer = template.get("answer");
            String indonesian = null;
            String english = null;
            if (answer == null || !answer.isObject()) {
                problems.add(at + ".answer: missing (an object with the Indonesian \"id\" and the English \"en\" answer)");
            } else {
                unknownFields(answer, LANGUAGES, at + ".answer.");
                indonesian = text(answer.get("id"), at + ".answer.id", userFacing, internalOnly);
                english = text(answer.get("en"), at + ".answer.en", userFacing, internalOnly);
            }
            if (title != null && nextStep != null && indonesian != null && english != null) {
                templates.put(situation.name(), new Template(title, indonesian, english, nextStep));
            }
        }
        return templates;
    }

    /** The text if it is written and uses only {@code allowed} placeholders; else null, with the problems noted. */
    private String text(JsonNode node, String at, Set<String> allowed, Set<String> internalOnly) {
        if (node == null) {
            problems.add(at + ": missing");
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            problems.add(at + ": must be a non-blank string");
            return null;
        }
        String text = node.textValue();
        int before = problems.size();
        Matcher m = Template.PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (internalOnly.contains(name)) {
                problems.add(at + ": placeholder {" + name + "} is internal: use it in the title or the next step, never in an answer to the user");
            } else if (!allowed.contains(name)) {
                problems.add(at + ": unknown placeholder {" + name + "} (" + (internalOnly.isEmpty() ? "this situation fills " : "an answer here may use ")
                        + String.join(", ", new TreeSet<>(allowed).stream().map(p -> "{" + p + "}").toList()) + ")");
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            problems.add(at + ": a '{' or '}' that is not part of a {placeholder}");
        }
        return problems.size() == before ? text : null;
    }

    private void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown field (expected " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }
}
