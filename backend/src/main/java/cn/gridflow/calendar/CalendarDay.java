package cn.gridflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the holiday table, as the admin API shows it. */
public record CalendarDay(LocalDate date, DayKind kind, String name, String updatedBy, Instant updatedAt) {
}
