package cn.gridflow.metrics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Figures that work for any process key, from {@code gf_metric_instance} and {@code gf_metric_activity}: the heat
 * map (per activity: instances, average and p90 duration, waiting now), the instances waiting at one activity, and
 * the per-process summary (open/completed, open by current activity, ended by end event).
 */
@Component
public class ProcessQuery {

    /** Scopes that only open and close (a subprocess, a multi-instance body) are not where anyone waits. */
    private static final String WAITING_TYPES = "a.act_type not in ('subProcess', 'multiInstanceBody')";

    private final NamedParameterJdbcTemplate jdbc;

    public ProcessQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ActivityStats(String activityId, String name, String type, long count, long completed,
                                long waiting, Long avgMs, Long p90Ms) {
    }

    /** Per activity over all versions of the process (activity ids are stable across versions). */
    public List<ActivityStats> heatmap(MetricsScope scope, String processKey, Date since) {
        MapSqlParameterSource params = new MapSqlParameterSource("key", processKey);
        StringBuilder where = new StringBuilder("a.proc_def_key = :key");
        if (since != null) {
            where.append(" and a.started >= :since");
            params.addValue("since", new Timestamp(since.getTime()));
        }
        scopeCondition(scope, where, params);
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Long>> bySeconds = new HashMap<>();
        Map<String, String[]> names = new HashMap<>();
        jdbc.query("""
                select a.act_id, max(a.act_name) act_name, max(a.act_type) act_type, floor(a.duration_ms / 1000) secs,
                       count(*) n, sum(case when a.ended is null then 1 else 0 end) waiting,
                       sum(coalesce(a.duration_ms, 0)) duration_sum
                from gf_metric_activity a where """ + " " + where
                + " group by a.act_id, floor(a.duration_ms / 1000)", params, rs -> {
                    String id = rs.getString("act_id");
                    names.putIfAbsent(id, new String[] {rs.getString("act_name"), rs.getString("act_type")});
                    long n = rs.getLong("n");
                    long waiting = rs.getLong("waiting");
                    long[] t = totals.computeIfAbsent(id, k -> new long[3]);
                    t[0] += n;
                    t[1] += waiting;
                    t[2] += rs.getLong("duration_sum");
                    long secs = rs.getLong("secs");
                    if (!rs.wasNull()) {
                        bySeconds.computeIfAbsent(id, k -> new TreeMap<>()).merge(secs, n - waiting, Long::sum);
                    }
                });
        List<ActivityStats> stats = new ArrayList<>();
        totals.forEach((id, t) -> {
            long completed = t[0] - t[1];
            Long p90 = OverviewQuery.nearestRank(bySeconds.getOrDefault(id, new TreeMap<>()), completed, 0.9);
            stats.add(new ActivityStats(id, names.get(id)[0], names.get(id)[1], t[0], completed, t[1],
                    completed == 0 ? null : t[2] / completed, p90 == null ? null : p90 * 1000));
        });
        stats.sort(java.util.Comparator.comparing(ActivityStats::activityId));
        return stats;
    }

    public record WaitingInstance(String processInstanceId, String businessKey, String communityId,
                                  String activityId, String activityName, Date since) {
    }

    public OverviewQuery.Page<WaitingInstance> waiting(MetricsScope scope, String processKey, String activityId,
                                                       int page, int size) {
        if (size < 1 || size > OverviewQuery.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("key", processKey).addValue("act", activityId);
        StringBuilder where = new StringBuilder("a.proc_def_key = :key and a.act_id = :act and a.ended is null and "
                + WAITING_TYPES);
        scopeCondition(scope, where, params);
        Long total = jdbc.queryForObject("select count(*) from gf_metric_activity a where " + where, params,
                Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<WaitingInstance> items = jdbc.query("""
                select a.proc_inst_id, i.business_key, i.community_id, a.act_id, a.act_name, a.started
                from gf_metric_activity a left join gf_metric_instance i on i.proc_inst_id = a.proc_inst_id
                where """ + " " + where + " order by a.started, a.act_inst_id limit :limit offset :offset", params,
                (rs, n) -> new WaitingInstance(rs.getString("proc_inst_id"), rs.getString("business_key"),
                        rs.getString("community_id"), rs.getString("act_id"), rs.getString("act_name"),
                        rs.getTimestamp("started")));
        return new OverviewQuery.Page<>(items, total == null ? 0 : total, page, size);
    }

    public record ProcessSummary(String processKey, long started, long open, long completed, long terminated) {
    }

    public List<ProcessSummary> processes(MetricsScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder("1 = 1");
        instanceScope(scope, where, params, "i");
        return jdbc.query("""
                select i.proc_def_key, count(*) n, sum(case when i.ended is null then 1 else 0 end) open_count,
                       sum(case when i.ended is not null and i.state = 'COMPLETED' then 1 else 0 end) completed,
                       sum(case when i.ended is not null and i.state <> 'COMPLETED' then 1 else 0 end) terminated
                from gf_metric_instance i where """ + " " + where + " group by i.proc_def_key order by i.proc_def_key",
                params, (rs, n) -> new ProcessSummary(rs.getString("proc_def_key"), rs.getLong("n"),
                        rs.getLong("open_count"), rs.getLong("completed"), rs.getLong("terminated")));
    }

    public record Stage(String activityId, String name, long count) {
    }

    public record ProcessStages(String processKey, List<Stage> openByActivity, List<Stage> endedByEndEvent) {
    }

    public ProcessStages stages(MetricsScope scope, String processKey) {
        MapSqlParameterSource params = new MapSqlParameterSource("key", processKey);
        StringBuilder activityWhere = new StringBuilder("a.proc_def_key = :key and a.ended is null and "
                + WAITING_TYPES);
        scopeCondition(scope, activityWhere, params);
        List<Stage> open = jdbc.query("select a.act_id, max(a.act_name) act_name, count(distinct a.proc_inst_id) n"
                        + " from gf_metric_activity a where " + activityWhere + " group by a.act_id order by n desc, a.act_id",
                params, (rs, n) -> new Stage(rs.getString("act_id"), rs.getString("act_name"), rs.getLong("n")));
        StringBuilder instanceWhere = new StringBuilder("i.proc_def_key = :key and i.ended is not null");
        instanceScope(scope, instanceWhere, params, "i");
        Map<String, String> names = new HashMap<>();
        jdbc.query("select act_id, max(act_name) act_name from gf_metric_activity where proc_def_key = :key"
                + " and act_type like '%EndEvent' group by act_id", params,
                rs -> { names.put(rs.getString("act_id"), rs.getString("act_name")); });
        List<Stage> ended = jdbc.query("select i.end_act_id, count(*) n from gf_metric_instance i where "
                        + instanceWhere + " group by i.end_act_id order by n desc, i.end_act_id", params,
                (rs, n) -> new Stage(rs.getString("end_act_id"), names.get(rs.getString("end_act_id")),
                        rs.getLong("n")));
        return new ProcessStages(processKey, open, ended);
    }

    /** Activities of instances in the caller's communities, or of grid events their departments lead. */
    private static void scopeCondition(MetricsScope scope, StringBuilder where, MapSqlParameterSource params) {
        if (scope.city()) {
            return;
        }
        where.append(" and a.proc_inst_id in (select i.proc_inst_id from gf_metric_instance i where ");
        StringBuilder inner = new StringBuilder("1 = 0");
        if (!scope.communities().isEmpty()) {
            inner.append(" or i.community_id in (:scopeCommunities)");
            params.addValue("scopeCommunities", scope.communities());
        }
        if (!scope.departments().isEmpty()) {
            inner.append(" or i.proc_inst_id in (select e.proc_inst_id from gf_metric_event e"
                    + " where e.lead_dept in (:scopeDepartments))");
            params.addValue("scopeDepartments", scope.departments());
        }
        where.append(inner).append(")");
    }

    private static void instanceScope(MetricsScope scope, StringBuilder where, MapSqlParameterSource params,
                                      String alias) {
        if (scope.city()) {
            return;
        }
        StringBuilder inner = new StringBuilder("1 = 0");
        if (!scope.communities().isEmpty()) {
            inner.append(" or ").append(alias).append(".community_id in (:scopeCommunities)");
            params.addValue("scopeCommunities", scope.communities());
        }
        if (!scope.departments().isEmpty()) {
            inner.append(" or ").append(alias).append(".proc_inst_id in (select e.proc_inst_id from gf_metric_event e"
                    + " where e.lead_dept in (:scopeDepartments))");
            params.addValue("scopeDepartments", scope.departments());
        }
        where.append(" and (").append(inner).append(")");
    }
}
