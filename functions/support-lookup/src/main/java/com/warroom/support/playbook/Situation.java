package com.warroom.support.playbook;

import com.warroom.support.TicketPriority;
import java.util.Set;

/**
 * One situation a case rule recognises, with its own template in the playbook file: how urgent it is and the
 * placeholders its template may use (the rule fills every one of them).
 */
record Situation(String name, TicketPriority urgency, Set<String> placeholders) {

    Situation {
        placeholders = Set.copyOf(placeholders);
    }
}
