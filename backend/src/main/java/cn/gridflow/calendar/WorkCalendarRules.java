package cn.gridflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The working-day arithmetic, without a database: a time zone, the working periods of a day and the
 * holiday table's overrides. Immutable and thread-safe; {@link WorkCalendar} builds one per table version.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Working day</b>: a day with a {@link DayKind#WORKDAY} row (调休上班) works; a day with a
 *       {@link DayKind#HOLIDAY} row does not; any other day works Monday to Friday.</li>
 *   <li><b>Workdays</b> ({@code PnD}): counting starts on the day after {@code from}; the day of {@code from}
 *       never counts, whatever the hour (民法典 art. 201: 开始的当日不计入). The deadline is the end of the
 *       last working period (17:30) of the n-th working day after it. So 1 workday from Friday 16:00, from
 *       Friday 20:00 or from Saturday is Monday 17:30. 0 workdays is the end of the day of {@code from} if that
 *       is a working day not yet over, else the end of the next working day.</li>
 *   <li><b>Work time</b> ({@code PTnH}, {@code PTnM}): only time inside working periods on working days counts.
 *       Counting starts at {@code from} if that is working time, else at the next start of a working period.
 *       A deadline that uses up a period exactly falls at its end (4 work-hours from 13:30 is 17:30 the same
 *       day, not 08:30 the next one).</li>
 *   <li><b>Natural</b> time is plain clock time in the calendar's zone, 24×7, ignoring the table.</li>
 * </ul>
 */
public final class WorkCalendarRules {

    /** No working day for this many days in a row means the table is broken; better to fail than loop. */
    static final int MAX_DAYS_WITHOUT_WORK = 366;

    /** One working period of a day, e.g. 08:30–12:00; {@code start} before {@code end}. */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        public WorkingPeriod {
            if (start == null || end == null || !start.isBefore(end)) {
                throw new IllegalArgumentException("a working period must start before it ends: " + start + "-" + end);
            }
        }

        /** Reads {@code HH:mm-HH:mm}. */
        public static WorkingPeriod parse(String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a working period reads HH:mm-HH:mm, not '" + text + "'");
            }
            try {
                return new WorkingPeriod(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a working period reads HH:mm-HH:mm, not '" + text + "'", e);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final Map<LocalDate, DayKind> days;

    /**
     * @param periods the working periods of every working day, in any order, not overlapping
     * @param days    the holiday table: HOLIDAY and WORKDAY overrides by date
     */
    public WorkCalendarRules(ZoneId zone, List<WorkingPeriod> periods, Map<LocalDate, DayKind> days) {
        if (zone == null) {
            throw new IllegalArgumentException("a calendar needs a time zone");
        }
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working period");
        }
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        this.zone = zone;
        this.periods = List.copyOf(sorted);
        this.days = Map.copyOf(days);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    /** The table's overrides (HOLIDAY / WORKDAY by date). */
    public Map<LocalDate, DayKind> days() {
        return days;
    }

    /** A WORKDAY row works, a HOLIDAY row does not, otherwise Monday to Friday work. */
    public boolean isWorkday(LocalDate day) {
        DayKind kind = days.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** Whether {@code at} falls inside a working period of a working day (start inclusive, end exclusive). */
    public boolean isWorkingTime(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!isWorkday(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkday(LocalDate day) {
        LocalDate next = day;
        for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++) {
            next = next.plusDays(1);
            if (isWorkday(next)) {
                return next;
            }
        }
        throw noWorkAfter(day);
    }

    /** The end of the last working period of {@code day} (17:30 by default), as an instant. */
    public Instant endOfWork(LocalDate day) {
        return at(day, periods.get(periods.size() - 1).end()).toInstant();
    }

    /** The end of working hours on the {@code workdays}-th working day after the day of {@code from}. */
    public Instant addWorkdays(Instant from, int workdays) {
        if (workdays < 0) {
            throw new IllegalArgumentException("workdays must not be negative: " + workdays);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        if (workdays == 0) {
            return isWorkday(day) && from.isBefore(endOfWork(day)) ? endOfWork(day) : endOfWork(nextWorkday(day));
        }
        for (int i = 0; i < workdays; i++) {
            day = nextWorkday(day);
        }
        return endOfWork(day);
    }

    /** {@code from} plus {@code workTime} of working time (working periods of working days only). */
    public Instant addWorkTime(Instant from, Duration workTime) {
        if (workTime.isNegative()) {
            throw new IllegalArgumentException("work time must not be negative: " + workTime);
        }
        ZonedDateTime now = from.atZone(zone);
        Duration remaining = workTime;
        LocalDate day = now.toLocalDate();
        int daysWithoutWork = 0;
        while (true) {
            if (isWorkday(day)) {
                daysWithoutWork = 0;
                for (WorkingPeriod period : periods) {
                    ZonedDateTime start = at(day, period.start());
                    ZonedDateTime end = at(day, period.end());
                    if (!end.isAfter(now)) {
                        continue;
                    }
                    ZonedDateTime countFrom = start.isAfter(now) ? start : now;
                    Duration available = Duration.between(countFrom, end);
                    if (remaining.compareTo(available) <= 0) {
                        return countFrom.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            } else if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkAfter(from.atZone(zone).toLocalDate());
            }
            day = day.plusDays(1);
        }
    }

    /** The working time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration workTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                ZonedDateTime start = latest(at(day, period.start()), a);
                ZonedDateTime end = earliest(at(day, period.end()), b);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The due date of an SLA written as an ISO-8601 duration. {@link CalendarType#WORKDAY}: {@code PnD} is n
     * workdays ({@link #addWorkdays}), {@code PTnH}/{@code PTnM}/{@code PTnHnM} is work time ({@link #addWorkTime});
     * other forms (weeks, months, years, days and hours mixed) are refused as ambiguous.
     * {@link CalendarType#NATURAL}: any ISO period and/or duration, added as clock time.
     */
    public Instant due(Instant from, String isoDuration, CalendarType calendar) {
        Sla sla = Sla.parse(isoDuration);
        if (calendar == CalendarType.NATURAL) {
            return from.atZone(zone).plus(sla.period()).plus(sla.time()).toInstant();
        }
        if (sla.hasDate() && sla.hasTime()) {
            throw new IllegalArgumentException("a WORKDAY SLA is either whole workdays (PnD) or work time (PTnH), not both: "
                    + isoDuration);
        }
        if (sla.hasDate()) {
            Period period = sla.period();
            if (period.getYears() != 0 || period.getMonths() != 0 || sla.text().contains("W")) {
                throw new IllegalArgumentException("a WORKDAY SLA counts days (PnD), not weeks, months or years: "
                        + isoDuration);
            }
            return addWorkdays(from, period.getDays());
        }
        return addWorkTime(from, sla.time());
    }

    /**
     * The instant {@code fraction} of the way from {@code start} to {@code due} (e.g. 0.8 for the yellow light):
     * measured in working time for {@link CalendarType#WORKDAY} (natural time if there is no working time between
     * them), in clock time for {@link CalendarType#NATURAL}. Never after {@code due}.
     */
    public Instant fractionOfWay(Instant start, Instant due, double fraction, CalendarType calendar) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction must be between 0 and 1: " + fraction);
        }
        if (!due.isAfter(start)) {
            return due;
        }
        if (calendar == CalendarType.WORKDAY) {
            Duration working = workTimeBetween(start, due);
            if (!working.isZero()) {
                Instant point = addWorkTime(start, Duration.ofMillis(Math.round(working.toMillis() * fraction)));
                return point.isAfter(due) ? due : point;
            }
        }
        return start.plusMillis(Math.round(Duration.between(start, due).toMillis() * fraction));
    }

    private ZonedDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone);
    }

    private static ZonedDateTime latest(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime earliest(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException noWorkAfter(LocalDate day) {
        return new IllegalStateException("the work calendar has no working day within " + MAX_DAYS_WITHOUT_WORK
                + " days after " + day + ": check the holiday table");
    }

    /** An ISO-8601 SLA split into its date part (P…) and its time part (T…). */
    record Sla(String text, Period period, Duration time, boolean hasDate, boolean hasTime) {

        static Sla parse(String iso) {
            if (iso == null || iso.isBlank()) {
                throw new IllegalArgumentException("no SLA duration given");
            }
            String text = iso.strip().toUpperCase(Locale.ROOT);
            int t = text.indexOf('T');
            String datePart = t < 0 ? text : text.substring(0, t);
            String timePart = t < 0 ? "" : text.substring(t + 1);
            if (!datePart.startsWith("P") || (t >= 0 && timePart.isEmpty()) || text.equals("P")) {
                throw invalid(iso, null);
            }
            try {
                boolean hasDate = datePart.length() > 1;
                Period period = hasDate ? Period.parse(datePart) : Period.ZERO;
                Duration time = timePart.isEmpty() ? Duration.ZERO : Duration.parse("PT" + timePart);
                if (period.isNegative() || time.isNegative()) {
                    throw new IllegalArgumentException("an SLA must not be negative: " + iso);
                }
                return new Sla(text, period, time, hasDate, !timePart.isEmpty());
            } catch (DateTimeParseException e) {
                throw invalid(iso, e);
            }
        }

        private static IllegalArgumentException invalid(String iso, Exception cause) {
            return new IllegalArgumentException("not an ISO-8601 duration such as P3D or PT4H: '" + iso + "'", cause);
        }
    }
}
