package com.warroom.support.playbook;

import java.util.List;

/** A case of the playbook: the situations it knows, in precedence order, and which of them the facts show. */
interface CaseRule {

    String caseId();

    /** Every situation this case can report, in the order that breaks ties of urgency. */
    List<Situation> situations();

    /** The situations the facts show, each with its placeholder values; empty when the case does not apply. */
    List<Match> matches(Facts facts);

    /** A situation seen in the facts with the values that fill its template. */
    record Match(Situation situation, Values values) {
    }
}
