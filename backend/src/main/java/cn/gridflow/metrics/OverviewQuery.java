package cn.gridflow.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's figures over the read model {@code gf_metric_event}, one scan per request: counts by whole
 * minutes of handling time, so the p90 is exact to the minute and the average exact to the millisecond.
 * Every figure names the list of events it counts ({@link #FIGURES}), which {@link #events} pages through.
 */
@Component
public class OverviewQuery {

    public static final int MAX_PAGE_SIZE = 200;

    /** Each figure's events, as a condition on gf_metric_event {@code e}; {@code :now} is the engine clock. */
    static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("total", "1 = 1");
        FIGURES.put("open", "e.closed_at is null");
        FIGURES.put("closed", "e.closed_at is not null");
        // due for a response: signed, or a signing window has run out (timer fired, or due and not yet signed)
        FIGURES.put("signDue", "e.sign_required = true and (e.signed_at is not null or e.sign_overdue = true"
                + " or e.sign_due_at < :now)");
        FIGURES.put("signedInTime", "e.sign_required = true and e.signed_in_time = true");
        FIGURES.put("signLate", "e.sign_required = true and (e.signed_in_time = false"
                + " or (e.signed_at is null and (e.sign_overdue = true or e.sign_due_at < :now)))");
        FIGURES.put("closedWithSla", "e.closed_in_time is not null");
        FIGURES.put("closedInTime", "e.closed_in_time = true");
        FIGURES.put("closedLate", "e.closed_in_time = false");
        FIGURES.put("rated", "e.satisfaction in ('SATISFIED', 'BASIC', 'DISSATISFIED')");
        FIGURES.put("satisfied", "e.satisfaction in ('SATISFIED', 'BASIC')");
        FIGURES.put("dissatisfied", "e.satisfaction = 'DISSATISFIED'");
        FIGURES.put("reopened", "e.closed_at is not null and e.reopen_count > 0");
        FIGURES.put("overdue", "e.closed_at is null and e.handling_active > 0 and e.sla_due_at < :now");
    }

    private final NamedParameterJdbcTemplate jdbc;

    public OverviewQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A share: {@code numerator} of {@code denominator} events, each a figure whose events can be listed. */
    public record Rate(long numerator, long denominator, Double rate, String numeratorFigure,
                       String denominatorFigure) {
        static Rate of(long numerator, long denominator, String numeratorFigure, String denominatorFigure) {
            return new Rate(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator,
                    numeratorFigure, denominatorFigure);
        }
    }

    public record Overview(LocalDate from, LocalDate to, long total, long open, long closed, Rate responseRate,
                           Rate onTimeRate, Rate satisfactionRate, Rate reopenRate, Double avgHandlingMinutes,
                           Long p90HandlingMinutes, long overdue) {
    }

    /** The counters one aggregate row carries; the overview and the trend buckets add them up. */
    static final class Counts {
        long total;
        long open;
        long closed;
        long signDue;
        long signedInTime;
        long closedWithSla;
        long closedInTime;
        long rated;
        long satisfied;
        long reopened;
        long overdue;
        long handlingMsSum;

        void add(ResultSet rs) throws SQLException {
            total += rs.getLong("total");
            open += rs.getLong("open_count");
            closed += rs.getLong("closed_count");
            signDue += rs.getLong("sign_due");
            signedInTime += rs.getLong("signed_in_time");
            closedWithSla += rs.getLong("closed_with_sla");
            closedInTime += rs.getLong("closed_in_time");
            rated += rs.getLong("rated");
            satisfied += rs.getLong("satisfied");
            reopened += rs.getLong("reopened");
            overdue += rs.getLong("overdue");
            handlingMsSum += rs.getLong("handling_ms_sum");
        }
    }

    static final String COUNT_COLUMNS = """
            count(*) total,
            sum(case when e.closed_at is null then 1 else 0 end) open_count,
            sum(case when e.closed_at is not null then 1 else 0 end) closed_count,
            sum(case when %s then 1 else 0 end) sign_due,
            sum(case when %s then 1 else 0 end) signed_in_time,
            sum(case when %s then 1 else 0 end) closed_with_sla,
            sum(case when %s then 1 else 0 end) closed_in_time,
            sum(case when %s then 1 else 0 end) rated,
            sum(case when %s then 1 else 0 end) satisfied,
            sum(case when %s then 1 else 0 end) reopened,
            sum(case when %s then 1 else 0 end) overdue,
            sum(coalesce(e.handling_ms, 0)) handling_ms_sum""".formatted(FIGURES.get("signDue"),
            FIGURES.get("signedInTime"), FIGURES.get("closedWithSla"), FIGURES.get("closedInTime"),
            FIGURES.get("rated"), FIGURES.get("satisfied"), FIGURES.get("reopened"), FIGURES.get("overdue"));

    public Overview overview(MetricsScope scope, MetricsFilter filter, Date now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String where = filter.where(scope, params);
        Counts counts = new Counts();
        TreeMap<Long, Long> closedByMinutes = new TreeMap<>();
        jdbc.query("select e.handling_min, " + COUNT_COLUMNS + " from gf_metric_event e where " + where
                + " group by e.handling_min", params, rs -> {
                    counts.add(rs);
                    long minutes = rs.getLong("handling_min");
                    if (!rs.wasNull()) {
                        closedByMinutes.merge(minutes, rs.getLong("closed_count"), Long::sum);
                    }
                });
        return new Overview(filter.from(), filter.to(), counts.total, counts.open, counts.closed,
                Rate.of(counts.signedInTime, counts.signDue, "signedInTime", "signDue"),
                Rate.of(counts.closedInTime, counts.closedWithSla, "closedInTime", "closedWithSla"),
                Rate.of(counts.satisfied, counts.rated, "satisfied", "rated"),
                Rate.of(counts.reopened, counts.closed, "reopened", "closed"),
                counts.closed == 0 ? null : counts.handlingMsSum / (double) counts.closed / 60_000.0,
                nearestRank(closedByMinutes, counts.closed, 0.9), counts.overdue);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of all values at or below it. */
    static Long nearestRank(TreeMap<Long, Long> countsByValue, long n, double p) {
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (Map.Entry<Long, Long> entry : countsByValue.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return countsByValue.lastKey();
    }

    public record TrendPoint(String period, long reported, long closed, Rate responseRate, Rate onTimeRate,
                             Rate satisfactionRate, Double avgHandlingMinutes) {
    }

    public List<TrendPoint> trend(MetricsScope scope, MetricsFilter filter, String period, Date now) {
        if (!List.of("day", "week", "month").contains(period)) {
            throw ApiException.badRequest("METRICS_PERIOD_INVALID", period);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String where = filter.where(scope, params);
        TreeMap<String, Counts> buckets = new TreeMap<>();
        jdbc.query("select e.reported_day, " + COUNT_COLUMNS + " from gf_metric_event e where " + where
                + " group by e.reported_day", params, rs -> {
                    LocalDate day = rs.getDate("reported_day").toLocalDate();
                    buckets.computeIfAbsent(bucket(day, period), k -> new Counts()).add(rs);
                });
        List<TrendPoint> points = new ArrayList<>();
        buckets.forEach((key, c) -> points.add(new TrendPoint(key, c.total, c.closed,
                Rate.of(c.signedInTime, c.signDue, "signedInTime", "signDue"),
                Rate.of(c.closedInTime, c.closedWithSla, "closedInTime", "closedWithSla"),
                Rate.of(c.satisfied, c.rated, "satisfied", "rated"),
                c.closed == 0 ? null : c.handlingMsSum / (double) c.closed / 60_000.0)));
        return points;
    }

    /** Weeks start on Monday and are named by that day; months by yyyy-MM. */
    static String bucket(LocalDate day, String period) {
        return switch (period) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case "month" -> day.toString().substring(0, 7);
            default -> day.toString();
        };
    }

    public record EventRow(String processInstanceId, String businessKey, String communityId, String gridId,
                           String leadDept, String category, String source, String cityMode, Date reportedAt,
                           Date signDueAt, Date signedAt, Boolean signedInTime, Date slaDueAt, Date resolvedAt,
                           Date closedAt, Boolean closedInTime, String closeType, String satisfaction,
                           int reopenCount, int escalationLevel) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** The events a figure counts, newest report first. */
    public Page<EventRow> events(MetricsScope scope, MetricsFilter filter, String figure, Date now, int page,
                                 int size) {
        String condition = FIGURES.get(figure == null ? "total" : figure);
        if (condition == null) {
            throw ApiException.badRequest("METRICS_FIGURE_INVALID", figure);
        }
        if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String where = filter.where(scope, params) + " and " + condition;
        Long total = jdbc.queryForObject("select count(*) from gf_metric_event e where " + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<EventRow> rows = jdbc.query("""
                select e.proc_inst_id, e.business_key, e.community_id, e.grid_id, e.lead_dept, e.category, e.source,
                       e.city_mode, e.reported_at, e.sign_due_at, e.signed_at, e.signed_in_time, e.sla_due_at,
                       e.resolved_at, e.closed_at, e.closed_in_time, e.close_type, e.satisfaction, e.reopen_count,
                       e.escalation_level
                from gf_metric_event e where """ + " " + where
                + " order by e.reported_at desc, e.proc_inst_id limit :limit offset :offset", params,
                (rs, n) -> new EventRow(rs.getString("proc_inst_id"), rs.getString("business_key"),
                        rs.getString("community_id"), rs.getString("grid_id"), rs.getString("lead_dept"),
                        rs.getString("category"), rs.getString("source"), rs.getString("city_mode"),
                        rs.getTimestamp("reported_at"), rs.getTimestamp("sign_due_at"), rs.getTimestamp("signed_at"),
                        bool(rs, "signed_in_time"), rs.getTimestamp("sla_due_at"), rs.getTimestamp("resolved_at"),
                        rs.getTimestamp("closed_at"), bool(rs, "closed_in_time"), rs.getString("close_type"),
                        rs.getString("satisfaction"), rs.getInt("reopen_count"), rs.getInt("escalation_level")));
        return new Page<>(rows, total == null ? 0 : total, page, size);
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
