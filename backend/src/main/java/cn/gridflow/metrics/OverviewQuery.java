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

    /** The counters one aggregate row carries; the overview, the trend buckets and the assessment add them up. */
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
        final long[] histogram = new long[DailyCell.BUCKETS];

        /** A row of {@link #DAILY_SUMS}. */
        void add(ResultSet rs) throws SQLException {
            total += rs.getLong("total");
            open += rs.getLong("open_count");
            closed += rs.getLong("closed_count");
            signDue += rs.getLong("sign_settled");
            signedInTime += rs.getLong("signed_in_time");
            closedWithSla += rs.getLong("closed_with_sla");
            closedInTime += rs.getLong("closed_in_time");
            rated += rs.getLong("rated");
            satisfied += rs.getLong("satisfied");
            reopened += rs.getLong("reopened");
            handlingMsSum += rs.getLong("handling_ms_sum");
            for (int i = 0; i < DailyCell.BUCKETS; i++) {
                histogram[i] += rs.getLong(DailyCell.histogram(i));
            }
        }
    }

    /** Sums of gf_metric_daily {@code d}; "due for a response" still lacks the windows running out now. */
    static final String DAILY_SUMS = DailyCell.COLUMNS.stream().map(c -> "sum(d." + c + ") " + c)
            .collect(java.util.stream.Collectors.joining(", "));

    /** The pre-aggregated counts in the filter, grouped by {@code groupColumn} of {@code d} (null: one group). */
    private Map<String, Counts> dailyCounts(MetricsScope scope, MetricsFilter filter, DailyCell.Grain grain,
                                            String groupColumn, MapSqlParameterSource params) {
        String where = filter.dailyWhere(scope, grain, params);
        String index = filter.dailyIndex(scope, grain);
        Map<String, Counts> groups = new TreeMap<>();
        String group = groupColumn == null ? "'all'" : "d." + groupColumn;
        jdbc.query("select " + group + " grp, " + DAILY_SUMS + " from gf_metric_daily d"
                + (index == null ? "" : " use index (" + index + ")") + " where " + where
                + (groupColumn == null ? "" : groupColumn.equals("stat_day") ? " group by d.stat_day"
                        : " and d." + groupColumn + " <> '' group by d." + groupColumn), params,
                rs -> {
                    if (rs.getObject("total") != null) {
                        groups.computeIfAbsent(key(rs), k -> new Counts()).add(rs);
                    }
                });
        return groups;
    }

    /**
     * The figures that depend on "now", live from gf_metric_event's rows still waiting (index ranges over few
     * rows): signing windows run out while unsigned (added to "due for a response") and events overdue now.
     */
    private void liveCounts(MetricsScope scope, MetricsFilter filter, String groupColumn, Map<String, Counts> groups,
                            MapSqlParameterSource params) {
        String where = filter.where(scope, params);
        String group = groupColumn == null ? "'all'" : "e." + groupColumn;
        String groupBy = groupColumn == null ? "" : " and e." + groupColumn + " is not null group by e." + groupColumn;
        jdbc.query("select " + group + " grp, count(*) n from gf_metric_event e where " + where
                + " and e.sign_pending_due < :now" + groupBy, params, rs -> {
                    if (rs.getLong("n") > 0) {
                        groups.computeIfAbsent(key(rs), k -> new Counts()).signDue += rs.getLong("n");
                    }
                });
        jdbc.query("select " + group + " grp, count(*) n from gf_metric_event e where " + where + " and "
                + FIGURES.get("overdue") + groupBy, params, rs -> {
                    if (rs.getLong("n") > 0) {
                        groups.computeIfAbsent(key(rs), k -> new Counts()).overdue += rs.getLong("n");
                    }
                });
    }

    private static String key(ResultSet rs) throws SQLException {
        Object key = rs.getObject("grp");
        return key == null ? "all" : key.toString();
    }

    /** Counts per unit ("community" or "department") or, with {@code groupBy} null, one group "all". */
    Map<String, Counts> counts(MetricsScope scope, MetricsFilter filter, String groupBy, Date now) {
        return counts(scope, filter, groupBy, filter.grain(scope, groupBy), now);
    }

    /** The same from a given grain, which must keep the filter's dimensions (the benchmark compares grains). */
    Map<String, Counts> counts(MetricsScope scope, MetricsFilter filter, String groupBy, DailyCell.Grain grain,
                               Date now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String column = groupBy == null ? null : "community".equals(groupBy) ? "community_id" : "lead_dept";
        Map<String, Counts> groups = dailyCounts(scope, filter, grain, column, params);
        liveCounts(scope, filter, column, groups, params);
        return groups;
    }

    public Overview overview(MetricsScope scope, MetricsFilter filter, Date now) {
        return overview(scope, filter, filter.grain(scope, null), now);
    }

    /** The overview from a given grain, which must keep the filter's dimensions (the benchmark compares grains). */
    Overview overview(MetricsScope scope, MetricsFilter filter, DailyCell.Grain grain, Date now) {
        Counts counts = counts(scope, filter, null, grain, now).getOrDefault("all", new Counts());
        return new Overview(filter.from(), filter.to(), counts.total, counts.open, counts.closed,
                Rate.of(counts.signedInTime, counts.signDue, "signedInTime", "signDue"),
                Rate.of(counts.closedInTime, counts.closedWithSla, "closedInTime", "closedWithSla"),
                Rate.of(counts.satisfied, counts.rated, "satisfied", "rated"),
                Rate.of(counts.reopened, counts.closed, "reopened", "closed"),
                counts.closed == 0 ? null : counts.handlingMsSum / (double) counts.closed / 60_000.0,
                p90Minutes(scope, filter, counts), counts.overdue);
    }

    /**
     * The p90 of handling minutes, exact: the histogram finds the bucket holding the rank, then that bucket's
     * minutes are counted in gf_metric_event (a range of ix_metric_event_duration, a small part of the events).
     */
    Long p90Minutes(MetricsScope scope, MetricsFilter filter, Counts counts) {
        if (counts.closed == 0) {
            return null;
        }
        long rank = (long) Math.ceil(0.9 * counts.closed);
        long below = 0;
        int bucket = 0;
        while (bucket < DailyCell.BUCKETS - 1 && below + counts.histogram[bucket] < rank) {
            below += counts.histogram[bucket];
            bucket++;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        TreeMap<Long, Long> byMinutes = new TreeMap<>();
        // the covering index, even when a community or department index matches fewer rows: those rows would each
        // be fetched from the table (a one-community year took 8.8 s on MariaDB that way, not 0.3 s)
        jdbc.query("select e.handling_min, count(*) n from gf_metric_event e use index (ix_metric_event_duration)"
                + " where " + filter.where(scope, params)
                + " and " + DailyCell.range("e.handling_min", bucket) + " group by e.handling_min", params,
                rs -> { byMinutes.put(rs.getLong("handling_min"), rs.getLong("n")); });
        long seen = below;
        for (Map.Entry<Long, Long> entry : byMinutes.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return byMinutes.isEmpty() ? null : byMinutes.lastKey();
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
        Map<String, Counts> days = dailyCounts(scope, filter, filter.grain(scope, null), "stat_day", params);
        MapSqlParameterSource live = new MapSqlParameterSource("now", params.getValue("now"));
        jdbc.query("select e.reported_day, count(*) n from gf_metric_event e where " + filter.where(scope, live)
                + " and e.sign_pending_due < :now group by e.reported_day", live,
                rs -> { days.computeIfAbsent(rs.getDate("reported_day").toLocalDate().toString(), k -> new Counts())
                        .signDue += rs.getLong("n"); });
        TreeMap<String, Counts> buckets = new TreeMap<>();
        days.forEach((day, c) -> {
            Counts bucket = buckets.computeIfAbsent(bucket(LocalDate.parse(day), period), k -> new Counts());
            bucket.total += c.total;
            bucket.closed += c.closed;
            bucket.signDue += c.signDue;
            bucket.signedInTime += c.signedInTime;
            bucket.closedInTime += c.closedInTime;
            bucket.closedWithSla += c.closedWithSla;
            bucket.satisfied += c.satisfied;
            bucket.rated += c.rated;
            bucket.handlingMsSum += c.handlingMsSum;
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
