package cn.gridflow.process;

import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;

/** End dates of temporary admission items, as the request form sends them. */
public final class AdmissionListDates {

    private AdmissionListDates() {
    }

    /** A day (yyyy-MM-dd, as the form sends it) counts in full: the item expires when the next day begins there. */
    public static Date endOf(Object validTo) {
        if (validTo == null || validTo.toString().isBlank()) {
            throw new BadUserRequestException("临时事项须填写截止日期 / a temporary item needs its end date (validTo)");
        }
        if (validTo instanceof String day && day.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Date.from(java.time.LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(CityCommand.CITY_ZONE)
                    .toInstant());
        }
        return CityCommand.toDate(validTo);
    }
}
