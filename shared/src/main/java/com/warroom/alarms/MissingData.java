package com.warroom.alarms;

/** What a period without a datapoint counts as; CloudWatch's TreatMissingData. */
public enum MissingData {
    /** Nothing reported is something wrong: a run that should have reported did not happen. */
    BREACHING,
    /** Nothing reported is nothing wrong: a count exists only once something was counted. */
    NOT_BREACHING,
    /** Nothing reported is not knowing: INSUFFICIENT_DATA when no period has data. */
    MISSING,
    /**
     * A period without data changes nothing: the alarm follows the latest values reported, for gauges measured on a
     * schedule (whose absence another alarm watches).
     */
    IGNORE
}
