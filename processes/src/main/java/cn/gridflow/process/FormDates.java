package cn.gridflow.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Dates as forms and callers send them, read in the city's zone: one place for every process step that takes a
 * date from a person (a city instruction's {@code reportBy}, a temporary admission item's {@code validTo}).
 */
public final class FormDates {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** A temporary admission item without its end date. */
    public static final String VALID_TO_MISSING = "临时事项须填写截止日期 / a temporary item needs its end date (validTo)";

    private FormDates() {
    }

    /**
     * A point in time: a Date as is, ISO with an offset as written, a local date-time (what a form's datetime field
     * sends) in the city's zone. Missing → {@link BadUserRequestException} with the given message (a person's mistake).
     */
    public static Date instant(Object value, String whenMissing) {
        if (value instanceof Date date) {
            return date;
        }
        if (value == null || value.toString().isBlank()) {
            throw new BadUserRequestException(whenMissing);
        }
        String text = value.toString().strip();
        try {
            return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            return Date.from(LocalDateTime.parse(text).atZone(CITY_ZONE).toInstant());
        }
    }

    /** A day (yyyy-MM-dd, as a date field sends it) counts in full: it ends when the next day begins in the city. */
    public static Date endOfDay(Object value, String whenMissing) {
        if (value instanceof String day && day.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Date.from(LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(CITY_ZONE).toInstant());
        }
        return instant(value, whenMissing);
    }
}
