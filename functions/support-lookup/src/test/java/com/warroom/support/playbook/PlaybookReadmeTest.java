package com.warroom.support.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Support playbook" table names every case and situation the rules know, and no other. */
class PlaybookReadmeTest {

    // a row's first cell: | `case` · `situation`, `situation` |
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_]+)` · ([^|]+)\\|");
    private static final Pattern NAME = Pattern.compile("`([a-z_]+)`");

    @Test
    void readme_whenSupportPlaybookSection_tablesEverySituationOfEveryCase() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        int start = readme.indexOf("\n## Support playbook\n");
        assertThat(start).as("README section 'Support playbook'").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);

        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) {
                documented.add(row.group(1) + "." + name.group(1));
            }
        }
        Set<String> declared = new TreeSet<>();
        for (CaseRule rule : Playbook.rules()) {
            List<Situation> situations = rule.situations();
            situations.forEach(s -> declared.add(rule.caseId() + "." + s.name()));
        }

        assertThat(documented).isEqualTo(declared);
    }
}
