package cn.gridflow.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridflow.calendar.*}: the zone and working hours of the work calendar, and how often a node checks
 * the holiday table for changes made on another node.
 *
 * @param zone            the zone every day and working hour is read in (Asia/Shanghai)
 * @param workingHours    the working periods of a working day, {@code HH:mm-HH:mm} each (08:30–12:00, 13:30–17:30)
 * @param refreshInterval at most this often a node asks the database whether the holiday table changed;
 *                        changes made through this node's API take effect at once
 */
@ConfigurationProperties("gridflow.calendar")
public record CalendarProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"08:30-12:00", "13:30-17:30"}) List<String> workingHours,
        @DefaultValue("30s") Duration refreshInterval) {

    public CalendarProperties {
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("gridflow.calendar.refresh-interval must not be negative");
        }
        workingHours = List.copyOf(workingHours);
        new WorkCalendarRules(zone, periods(workingHours), Map.of()); // fail at start-up, not at first use
    }

    public List<WorkCalendarRules.WorkingPeriod> periods() {
        return periods(workingHours);
    }

    private static List<WorkCalendarRules.WorkingPeriod> periods(List<String> workingHours) {
        return workingHours.stream().map(WorkCalendarRules.WorkingPeriod::parse).toList();
    }
}
