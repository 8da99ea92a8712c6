package cn.gridflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.calendar.WorkCalendarRules.WorkingPeriod;
import org.junit.jupiter.api.Test;

/**
 * The working-day arithmetic on the official 2025/2026 schedules, without a database. Every expected value is
 * worked out by hand in the comment next to it (weekdays from the State Council notices: 2025-10-01 was a
 * Wednesday, 2026-01-01 a Thursday).
 */
class WorkCalendarRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<WorkingPeriod> BK_HOURS =
            List.of(WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("13:30-17:30"));

    private final WorkCalendarRules rules = new WorkCalendarRules(SHANGHAI, BK_HOURS, OfficialSchedule.both());

    /** A wall-clock time in Longgang. */
    private static Instant at(String text) {
        return LocalDateTime.parse(text, MINUTES).atZone(SHANGHAI).toInstant();
    }

    private static String show(Instant instant) {
        return MINUTES.format(instant.atZone(SHANGHAI));
    }

    private String plusWorkdays(String from, int days) {
        return show(rules.addWorkdays(at(from), days));
    }

    private String plusWorkTime(String from, String isoDuration) {
        return show(rules.addWorkTime(at(from), Duration.parse(isoDuration)));
    }

    @Test
    void weekendsAndHolidayRowsAreOffAndMakeUpWeekendsWork() {
        assertThat(rules.isWorkday(LocalDate.parse("2025-11-18"))).as("an ordinary Tuesday").isTrue();
        assertThat(rules.isWorkday(LocalDate.parse("2025-11-15"))).as("an ordinary Saturday").isFalse();
        assertThat(rules.isWorkday(LocalDate.parse("2025-11-16"))).as("an ordinary Sunday").isFalse();
        assertThat(rules.isWorkday(LocalDate.parse("2025-10-01"))).as("National Day, a Wednesday").isFalse();
        assertThat(rules.isWorkday(LocalDate.parse("2025-09-28"))).as("make-up Sunday before National Day").isTrue();
        assertThat(rules.isWorkday(LocalDate.parse("2025-10-11"))).as("make-up Saturday after National Day").isTrue();
        assertThat(rules.isWorkday(LocalDate.parse("2026-01-04"))).as("make-up Sunday after New Year 2026").isTrue();
        assertThat(rules.isWorkday(LocalDate.parse("2026-02-23"))).as("last day of Spring Festival 2026, a Monday")
                .isFalse();
    }

    @Test
    void oneWorkdayFromFridayAfternoonOrFromTheWeekendIsMondayEndOfWork() {
        // Fri 2025-11-14: the day of the report never counts; Sat/Sun are off; Monday is the 1st working day.
        assertThat(plusWorkdays("2025-11-14 16:00", 1)).isEqualTo("2025-11-17 17:30");
        assertThat(plusWorkdays("2025-11-14 20:00", 1)).isEqualTo("2025-11-17 17:30");
        assertThat(plusWorkdays("2025-11-15 10:00", 1)).isEqualTo("2025-11-17 17:30");
        // Mon 07:00, before work: Monday still does not count (开始的当日不计入), so Tuesday.
        assertThat(plusWorkdays("2025-11-17 07:00", 1)).isEqualTo("2025-11-18 17:30");
        // 3 workdays from Thu 11-13: Fri 14, Mon 17, Tue 18.
        assertThat(plusWorkdays("2025-11-13 09:00", 3)).isEqualTo("2025-11-18 17:30");
    }

    @Test
    void fiveWorkdaysFromTheEveOfNationalDay2025SkipTheEightDayHolidayAndCountMakeUpSaturdayOctober11() {
        // Tue 09-30 (does not count); 10-01..10-08 off; Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3),
        // Sun 10-12 off, Mon 10-13 (4), Tue 10-14 (5). Without the make-up Saturday it would be Wed 10-15.
        assertThat(plusWorkdays("2025-09-30 10:00", 5)).isEqualTo("2025-10-14 17:30");
        // The 3rd workday after 09-30 is the make-up Saturday itself.
        assertThat(plusWorkdays("2025-09-30 10:00", 3)).isEqualTo("2025-10-11 17:30");
    }

    @Test
    void makeUpSunday2025September28CountsAsAWorkday() {
        // Fri 09-26 (does not count); Sat 09-27 off; Sun 09-28 make-up (1); Mon 09-29 (2); Tue 09-30 (3).
        assertThat(plusWorkdays("2025-09-26 15:00", 1)).isEqualTo("2025-09-28 17:30");
        assertThat(plusWorkdays("2025-09-26 15:00", 3)).isEqualTo("2025-09-30 17:30");
        // Work hours run on that Sunday too: Fri 17:00 + 1 h = 30 min on Friday, 30 min from Sun 08:30.
        assertThat(plusWorkTime("2025-09-26 17:00", "PT1H")).isEqualTo("2025-09-28 09:00");
    }

    @Test
    void acrossTheYearBoundaryNewYear2026IsOffAndSundayJanuary4Works() {
        // Wed 2025-12-31 (does not count); Thu 01-01, Fri 01-02, Sat 01-03 off (元旦); Sun 01-04 make-up (1);
        // Mon 01-05 (2).
        assertThat(plusWorkdays("2025-12-31 10:00", 1)).isEqualTo("2026-01-04 17:30");
        assertThat(plusWorkdays("2025-12-31 10:00", 2)).isEqualTo("2026-01-05 17:30");
    }

    @Test
    void zeroWorkdaysIsTheEndOfTodayOrOfTheNextWorkingDay() {
        assertThat(plusWorkdays("2025-11-18 10:00", 0)).isEqualTo("2025-11-18 17:30");
        assertThat(plusWorkdays("2025-11-18 18:00", 0)).as("after work: tomorrow").isEqualTo("2025-11-19 17:30");
        assertThat(plusWorkdays("2025-11-15 10:00", 0)).as("Saturday: Monday").isEqualTo("2025-11-17 17:30");
        assertThatThrownBy(() -> rules.addWorkdays(at("2025-11-18 10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workHoursSkipLunchNightsWeekendsAndHolidays() {
        // Tue 11:00 + 2 h: 11:00-12:00 (1 h), lunch, 13:30-14:30 (1 h).
        assertThat(plusWorkTime("2025-11-18 11:00", "PT2H")).isEqualTo("2025-11-18 14:30");
        // Tue 16:30 + 4 h: 16:30-17:30 (1 h), Wed 08:30-11:30 (3 h).
        assertThat(plusWorkTime("2025-11-18 16:30", "PT4H")).isEqualTo("2025-11-19 11:30");
        // Reported during lunch: counting starts at 13:30.
        assertThat(plusWorkTime("2025-11-18 12:30", "PT30M")).isEqualTo("2025-11-18 14:00");
        // Before work: counting starts at 08:30.
        assertThat(plusWorkTime("2025-11-18 07:00", "PT1H")).isEqualTo("2025-11-18 09:30");
        // Using up the afternoon exactly ends at 17:30 the same day, not at 08:30 the next one.
        assertThat(plusWorkTime("2025-11-18 13:30", "PT4H")).isEqualTo("2025-11-18 17:30");
        // Fri 17:00 + 1 h: 30 min on Friday, the weekend is off, 30 min on Monday.
        assertThat(plusWorkTime("2025-11-14 17:00", "PT1H")).isEqualTo("2025-11-17 09:00");
        // Tue 09-30 16:00 + 4 h: 1.5 h on 09-30, 10-01..10-08 off, 2.5 h from Thu 10-09 08:30.
        assertThat(plusWorkTime("2025-09-30 16:00", "PT4H")).isEqualTo("2025-10-09 11:00");
        // A full working day is 7.5 h (3.5 + 4): from Tue 08:30, 7.5 h ends Tue 17:30.
        assertThat(plusWorkTime("2025-11-18 08:30", "PT7H30M")).isEqualTo("2025-11-18 17:30");
    }

    @Test
    void workTimeBetweenCountsOnlyWorkingHours() {
        // Fri 16:00 -> Mon 17:30: 1.5 h + 7.5 h.
        assertThat(rules.workTimeBetween(at("2025-11-14 16:00"), at("2025-11-17 17:30")))
                .isEqualTo(Duration.ofHours(9));
        // Across National Day: Tue 09-30 (7.5 h) and 10-09, 10-10, 10-11 (make-up), 10-13, 10-14 (5 x 7.5 h).
        assertThat(rules.workTimeBetween(at("2025-09-30 08:30"), at("2025-10-14 17:30")))
                .isEqualTo(Duration.ofHours(45));
        assertThat(rules.workTimeBetween(at("2025-11-18 10:00"), at("2025-11-18 09:00"))).isZero();
    }

    @Test
    void dueReadsIsoDurationsPerCalendar() {
        Instant friday = at("2025-11-14 16:00");
        assertThat(show(rules.due(friday, "P1D", CalendarType.WORKDAY))).isEqualTo("2025-11-17 17:30");
        assertThat(show(rules.due(at("2025-09-30 10:00"), "P5D", CalendarType.WORKDAY))).isEqualTo("2025-10-14 17:30");
        // 4 work-hours (community sign-off): 1.5 h Friday, 2.5 h Monday from 08:30.
        assertThat(show(rules.due(friday, "PT4H", CalendarType.WORKDAY))).isEqualTo("2025-11-17 11:00");
        assertThat(show(rules.due(friday, "PT15M", CalendarType.WORKDAY))).isEqualTo("2025-11-14 16:15");
        assertThat(show(rules.due(friday, "pt1h30m", CalendarType.WORKDAY))).isEqualTo("2025-11-14 17:30");

        for (String ambiguous : List.of("P1DT2H", "P1W", "P1M", "P1Y", "PT", "P", "3D", "", "P-1D", "PT-1H")) {
            assertThatThrownBy(() -> rules.due(friday, ambiguous, CalendarType.WORKDAY)).as(ambiguous)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CalendarType.of("LUNAR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CalendarType.of(null)).isEqualTo(CalendarType.WORKDAY);
        assertThat(CalendarType.of("natural")).isEqualTo(CalendarType.NATURAL);
    }

    @Test
    void naturalTimeRunsAroundTheClockThroughHolidays() {
        // War mode: 23:30 on the eve of National Day + 1 h is 00:30 on the holiday itself.
        assertThat(show(rules.due(at("2025-09-30 23:30"), "PT1H", CalendarType.NATURAL))).isEqualTo("2025-10-01 00:30");
        assertThat(show(rules.due(at("2025-09-30 10:00"), "P1D", CalendarType.NATURAL))).isEqualTo("2025-10-01 10:00");
        assertThat(show(rules.due(at("2025-11-14 16:00"), "PT12H", CalendarType.NATURAL)))
                .isEqualTo("2025-11-15 04:00");
        assertThat(show(rules.due(at("2025-11-14 16:00"), "P1DT2H", CalendarType.NATURAL)))
                .isEqualTo("2025-11-15 18:00");
    }

    @Test
    void theYellowLightIsEightyPercentOfTheWorkingTimeNotOfTheClockTime() {
        // Fri 16:00 -> Mon 17:30 holds 9 h of work; 80% = 7.2 h = 432 min: 90 min Friday, 210 min Monday
        // morning, then 132 min from 13:30 = 15:42. (80% of the clock time would be Sunday 02:48.)
        assertThat(show(rules.fractionOfWay(at("2025-11-14 16:00"), at("2025-11-17 17:30"), 0.8, CalendarType.WORKDAY)))
                .isEqualTo("2025-11-17 15:42");
        // 5 workdays over National Day hold 45 h; 80% = 36 h: 7.5 on 09-30, 10-09, 10-10, 10-11 (= 30 h),
        // then 6 h on Mon 10-13: 3.5 h to 12:00, 2.5 h from 13:30 = 16:00.
        assertThat(show(rules.fractionOfWay(at("2025-09-30 08:30"), at("2025-10-14 17:30"), 0.8, CalendarType.WORKDAY)))
                .isEqualTo("2025-10-13 16:00");
        // War mode: 80% of 60 min is 48 min.
        assertThat(show(rules.fractionOfWay(at("2025-09-30 23:30"), at("2025-10-01 00:30"), 0.8, CalendarType.NATURAL)))
                .isEqualTo("2025-10-01 00:18");
        // The whole way is the due date itself; past due stays due.
        assertThat(show(rules.fractionOfWay(at("2025-11-14 16:00"), at("2025-11-17 17:30"), 1.0, CalendarType.WORKDAY)))
                .isEqualTo("2025-11-17 17:30");
        // No working time in between (Saturday to Sunday): falls back to clock time, 80% of 10 h = 8 h.
        assertThat(show(rules.fractionOfWay(at("2025-11-15 10:00"), at("2025-11-15 20:00"), 0.8, CalendarType.WORKDAY)))
                .isEqualTo("2025-11-15 18:00");
        assertThatThrownBy(() -> rules.fractionOfWay(at("2025-11-14 16:00"), at("2025-11-17 17:30"), 1.5,
                CalendarType.WORKDAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingHoursAreConfigurable() {
        WorkCalendarRules nineToFive = new WorkCalendarRules(SHANGHAI, List.of(WorkingPeriod.parse("09:00-17:00")),
                OfficialSchedule.both());
        assertThat(show(nineToFive.addWorkdays(at("2025-11-14 16:00"), 1))).isEqualTo("2025-11-17 17:00");
        // no lunch break: Tue 11:00 + 2 h = 13:00
        assertThat(show(nineToFive.addWorkTime(at("2025-11-18 11:00"), Duration.ofHours(2)))).isEqualTo("2025-11-18 13:00");

        assertThatThrownBy(() -> WorkingPeriod.parse("12:00-08:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingPeriod.parse("8.30-12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkCalendarRules(SHANGHAI,
                List.of(WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("11:00-17:30")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableWithoutAnyWorkingDayFailsInsteadOfLooping() {
        Map<LocalDate, DayKind> allOff = new HashMap<>();
        for (LocalDate d = LocalDate.parse("2030-01-01"); d.isBefore(LocalDate.parse("2031-06-01")); d = d.plusDays(1)) {
            allOff.put(d, DayKind.HOLIDAY);
        }
        WorkCalendarRules broken = new WorkCalendarRules(SHANGHAI, BK_HOURS, allOff);
        assertThatThrownBy(() -> broken.addWorkdays(at("2030-01-01 10:00"), 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> broken.addWorkTime(at("2030-01-01 10:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
