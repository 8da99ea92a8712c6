package cn.gridflow.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The State Council's holiday schedules for 2025 and 2026, written out independently of V3__work_calendar.sql
 * so that the tests check the seed as well as the arithmetic.
 */
final class OfficialSchedule {

    private OfficialSchedule() {
    }

    static Map<LocalDate, DayKind> year2025() {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        holidays(days, "2025-01-01", "2025-01-01");                       // 元旦
        holidays(days, "2025-01-28", "2025-02-04");                       // 春节
        workdays(days, "2025-01-26", "2025-02-08");
        holidays(days, "2025-04-04", "2025-04-06");                       // 清明节
        holidays(days, "2025-05-01", "2025-05-05");                       // 劳动节
        workdays(days, "2025-04-27");
        holidays(days, "2025-05-31", "2025-06-02");                       // 端午节
        holidays(days, "2025-10-01", "2025-10-08");                       // 国庆节、中秋节
        workdays(days, "2025-09-28", "2025-10-11");
        return days;
    }

    static Map<LocalDate, DayKind> year2026() {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        holidays(days, "2026-01-01", "2026-01-03");                       // 元旦
        workdays(days, "2026-01-04");
        holidays(days, "2026-02-15", "2026-02-23");                       // 春节
        workdays(days, "2026-02-14", "2026-02-28");
        holidays(days, "2026-04-04", "2026-04-06");                       // 清明节
        holidays(days, "2026-05-01", "2026-05-05");                       // 劳动节
        workdays(days, "2026-05-09");
        holidays(days, "2026-06-19", "2026-06-21");                       // 端午节
        holidays(days, "2026-09-25", "2026-09-27");                       // 中秋节
        holidays(days, "2026-10-01", "2026-10-07");                       // 国庆节
        workdays(days, "2026-09-20", "2026-10-10");
        return days;
    }

    static Map<LocalDate, DayKind> both() {
        Map<LocalDate, DayKind> days = new TreeMap<>(year2025());
        days.putAll(year2026());
        return days;
    }

    private static void holidays(Map<LocalDate, DayKind> days, String first, String last) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
    }

    private static void workdays(Map<LocalDate, DayKind> days, String... dates) {
        for (String date : dates) {
            days.put(LocalDate.parse(date), DayKind.WORKDAY);
        }
    }
}
