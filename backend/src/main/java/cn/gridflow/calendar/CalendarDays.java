package cn.gridflow.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The holiday table {@code gf_calendar_day}: official holidays and make-up working days, kept by administrators. */
@Repository
public class CalendarDays {

    static final int NAME_LENGTH = 100;

    private static final String COLUMNS = "cal_day, kind, name, updated_by, updated_at";

    private final JdbcTemplate jdbc;

    public CalendarDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What changes whenever the table changes: the row count (deletes) and the latest {@code updated_at}
     * (inserts and updates; {@link #put} keeps it strictly increasing, even across nodes whose clocks differ).
     */
    public record Version(long rows, Instant latest) {
    }

    public Version version() {
        return jdbc.queryForObject("select count(*), max(updated_at) from gf_calendar_day",
                (rs, i) -> new Version(rs.getLong(1), instant(rs.getTimestamp(2))));
    }

    public Map<LocalDate, DayKind> all() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        jdbc.query("select cal_day, kind from gf_calendar_day",
                rs -> {
                    days.put(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)));
                });
        return days;
    }

    /** The rows of one calendar year, in date order. */
    public List<CalendarDay> year(int year) {
        return jdbc.query("select " + COLUMNS + " from gf_calendar_day where cal_day >= ? and cal_day < ? order by cal_day",
                CalendarDays::row, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** Adds or replaces the row of {@code day}. */
    @Transactional
    public CalendarDay put(LocalDate day, DayKind kind, String name, String user) {
        Instant stamp = nextStamp();
        Timestamp at = Timestamp.from(stamp);
        String sql = "update gf_calendar_day set kind = ?, name = ?, updated_by = ?, updated_at = ? where cal_day = ?";
        if (jdbc.update(sql, kind.name(), name, user, at, day) == 0) {
            try {
                jdbc.update("insert into gf_calendar_day (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
                        day, kind.name(), name, user, at);
            } catch (DuplicateKeyException raced) {
                jdbc.update(sql, kind.name(), name, user, at, day);
            }
        }
        return new CalendarDay(day, kind, name, user, stamp);
    }

    /** Removes the row of {@code day}; false if there was none. */
    public boolean delete(LocalDate day) {
        return jdbc.update("delete from gf_calendar_day where cal_day = ?", day) > 0;
    }

    /**
     * Now, or 1 s after the latest stamp if that is not earlier (a second edit within the same second, or this
     * node's clock behind another's), so that {@link #version} always moves. Whole seconds, because the MySQL
     * connection sends no fractional seconds ({@code sendFractionalSeconds=false}, which Camunda requires).
     */
    private Instant nextStamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant latest = version().latest();
        return latest != null && !now.isAfter(latest) ? latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1) : now;
    }

    private static CalendarDay row(ResultSet rs, int i) throws SQLException {
        return new CalendarDay(rs.getObject("cal_day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
