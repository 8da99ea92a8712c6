package cn.gridflow.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * The working-day calendar for SLAs (domain-spec §0.3), as the bean {@code workCalendar} for BPMN expressions
 * and Java, e.g. {@code camunda:dueDate="${workCalendar.due(now(), resolveWithin, calendar)}"}.
 * The rules are those of {@link WorkCalendarRules}; the holiday table ({@link CalendarDays}) is kept in memory.
 *
 * <p>Several nodes: each node asks the database at most every {@code gridflow.calendar.refresh-interval}
 * whether the table changed (row count and latest {@code updated_at}, one cheap query) and reloads it only
 * then. Changes made through this node's API reload it at once ({@link #reload()}). If that check fails
 * (database briefly unreachable), the node keeps the table it has and tries again at the next interval.
 *
 * <p>Method names are distinct per argument count on purpose: the expression language picks a method by name
 * and number of arguments.
 */
@ProcessBean
@Component("workCalendar")
public class WorkCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

    private final CalendarDays days;
    private final CalendarProperties properties;
    private final long refreshNanos;
    private final Object loading = new Object();

    private volatile Loaded loaded;

    private record Loaded(WorkCalendarRules rules, CalendarDays.Version version, long checkedAt) {
    }

    public WorkCalendar(CalendarDays days, CalendarProperties properties) {
        this.days = days;
        this.properties = properties;
        this.refreshNanos = properties.refreshInterval().toNanos();
    }

    /** Whether the day is a working day: a WORKDAY row works, a HOLIDAY row does not, else Monday to Friday. */
    public boolean isWorkday(LocalDate day) {
        return rules().isWorkday(day);
    }

    /** Whether the instant is inside working hours of a working day. */
    public boolean isWorkingTime(Date at) {
        return rules().isWorkingTime(required(at, "at").toInstant());
    }

    /**
     * The end of working hours (17:30) on the {@code days}-th working day after the day of {@code from}; the day
     * of {@code from} itself never counts. 1 workday from Friday 16:00 or from Saturday is Monday 17:30.
     * 0 workdays: the end of today if today is a working day not yet over, else of the next working day.
     */
    public Date addWorkdays(Date from, int days) {
        return Date.from(rules().addWorkdays(required(from, "from").toInstant(), days));
    }

    /** {@code from} plus this much working time: only working hours on working days count. */
    public Date addWorkHours(Date from, Duration workTime) {
        return Date.from(rules().addWorkTime(required(from, "from").toInstant(), required(workTime, "workTime")));
    }

    /** {@code from} plus this many minutes of working time; the expression-friendly form of {@link #addWorkHours}. */
    public Date addWorkMinutes(Date from, long minutes) {
        return addWorkHours(from, Duration.ofMinutes(minutes));
    }

    /**
     * The due date of an SLA: {@code calendar} WORKDAY (or null): {@code PnD} = n workdays, {@code PTnH}/{@code PTnM}
     * = work time; NATURAL: plain clock time 24×7 (war mode), any ISO-8601 duration.
     */
    public Date due(Date from, String isoDuration, String calendar) {
        return Date.from(rules().due(required(from, "from").toInstant(), isoDuration, CalendarType.of(calendar)));
    }

    /**
     * The instant {@code fraction} of the way from {@code start} to {@code due}, e.g. 0.8 for the yellow light:
     * in working time for calendar WORKDAY (or null), in clock time for NATURAL. Never after {@code due}.
     */
    public Date fractionOfWay(Date start, Date due, double fraction, String calendar) {
        return Date.from(rules().fractionOfWay(required(start, "start").toInstant(), required(due, "due").toInstant(),
                fraction, CalendarType.of(calendar)));
    }

    /** Minutes of working time between two instants (0 if {@code to} is not after {@code from}); for KPIs. */
    public long workMinutesBetween(Date from, Date to) {
        return rules().workTimeBetween(required(from, "from").toInstant(), required(to, "to").toInstant()).toMinutes();
    }

    /** The rules as of the holiday table now, checking the table at most every refresh interval. */
    public WorkCalendarRules rules() {
        Loaded current = loaded;
        if (current != null && System.nanoTime() - current.checkedAt() < refreshNanos) {
            return current.rules();
        }
        synchronized (loading) {
            current = loaded;
            long now = System.nanoTime();
            if (current != null && now - current.checkedAt() < refreshNanos) {
                return current.rules();
            }
            if (current == null) {
                return load().rules();
            }
            try {
                CalendarDays.Version version = days.version();
                if (version.equals(current.version())) {
                    loaded = new Loaded(current.rules(), version, now);
                    return current.rules();
                }
                return load().rules();
            } catch (DataAccessException e) {
                log.warn("cannot check the holiday table, keeping the one loaded: {}", e.getMessage());
                loaded = new Loaded(current.rules(), current.version(), now);
                return current.rules();
            }
        }
    }

    /** Reads the holiday table again now; called after every change made through the API. */
    public void reload() {
        synchronized (loading) {
            load();
        }
    }

    private Loaded load() {
        long now = System.nanoTime();
        CalendarDays.Version version = days.version();
        WorkCalendarRules rules = new WorkCalendarRules(properties.zone(), properties.periods(), days.all());
        Loaded fresh = new Loaded(rules, version, now);
        loaded = fresh;
        log.debug("holiday table loaded: {} days, latest change {}", version.rows(), version.latest());
        return fresh;
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("workCalendar: " + name + " is null");
        }
        return value;
    }
}
