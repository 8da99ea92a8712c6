package cn.gridflow.calendar;

/** What a row of the holiday table says about its day; days without a row follow the week (Mon–Fri work). */
public enum DayKind {
    /** An official public holiday (法定节假日及调休放假): no work, even on a weekday. */
    HOLIDAY,
    /** A make-up working day (调休上班) on a Saturday or Sunday. */
    WORKDAY
}
