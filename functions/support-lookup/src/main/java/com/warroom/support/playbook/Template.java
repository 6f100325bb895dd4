package com.warroom.support.playbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The texts of one situation as ops wrote them in the playbook file, with {@code {placeholder}}s. */
record Template(String title, String answerIndonesian, String answerEnglish, String nextStep) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    Suggestion render(String caseId, Values values) {
        return new Suggestion(caseId,
                fill(title, values, Language.ENGLISH),
                fill(answerIndonesian, values, Language.INDONESIAN),
                fill(answerEnglish, values, Language.ENGLISH),
                fill(nextStep, values, Language.ENGLISH));
    }

    private static String fill(String text, Values values, Language language) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1), language)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
