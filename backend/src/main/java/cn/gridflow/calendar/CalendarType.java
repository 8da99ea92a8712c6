package cn.gridflow.calendar;

import java.util.Locale;

/** How an SLA's time runs (the {@code calendar} output of the SLA decision tables, domain-spec §1.5). */
public enum CalendarType {
    /** Only working time counts: working hours on working days (peace time). */
    WORKDAY,
    /** Plain clock time, 24×7, holidays included (war mode, 战时). */
    NATURAL;

    /** {@code null} or blank means {@link #WORKDAY}; anything else must name a type (case-insensitive). */
    public static CalendarType of(String name) {
        if (name == null || name.isBlank()) {
            return WORKDAY;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown SLA calendar '" + name + "': use WORKDAY or NATURAL");
        }
    }
}
