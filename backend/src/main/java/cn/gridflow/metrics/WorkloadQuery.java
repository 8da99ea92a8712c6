package cn.gridflow.metrics;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Workload from the inbox's read model (gf_task, cn.gridflow.tasklist): open tasks per candidate group and per
 * assignee, the oldest waiting since, and how many are past their due date.
 */
@Component
public class WorkloadQuery {

    private final NamedParameterJdbcTemplate jdbc;

    public WorkloadQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Load(String id, long open, long unassigned, long overdue, Date oldestSince) {
    }

    public record Workload(List<Load> groups, List<Load> assignees) {
    }

    public Workload workload(MetricsScope scope, Date now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String where = scopeCondition(scope, params);
        List<Load> groups = jdbc.query("""
                select c.party_id, count(*) n, sum(case when t.assignee is null then 1 else 0 end) unassigned,
                       sum(case when t.due < :now then 1 else 0 end) overdue, min(t.created) oldest
                from gf_task t join gf_task_candidate c on c.task_id = t.id and c.kind = 'G'
                where """ + " " + where + " group by c.party_id order by n desc, c.party_id", params,
                (rs, n) -> new Load(rs.getString("party_id"), rs.getLong("n"), rs.getLong("unassigned"),
                        rs.getLong("overdue"), rs.getTimestamp("oldest")));
        List<Load> assignees = jdbc.query("""
                select t.assignee, count(*) n, 0 unassigned, sum(case when t.due < :now then 1 else 0 end) overdue,
                       min(t.created) oldest
                from gf_task t where t.assignee is not null and """ + " " + where
                + " group by t.assignee order by overdue desc, n desc, t.assignee", params,
                (rs, n) -> new Load(rs.getString("assignee"), rs.getLong("n"), 0, rs.getLong("overdue"),
                        rs.getTimestamp("oldest")));
        return new Workload(groups, assignees);
    }

    /** A community head sees the tasks of their communities; a department leader those of their departments' groups. */
    private static String scopeCondition(MetricsScope scope, MapSqlParameterSource params) {
        if (scope.city()) {
            return "1 = 1";
        }
        StringBuilder where = new StringBuilder("(1 = 0");
        if (!scope.communities().isEmpty()) {
            where.append(" or t.community_id in (:scopeCommunities)");
            params.addValue("scopeCommunities", scope.communities());
        }
        if (!scope.departments().isEmpty()) {
            where.append(" or t.id in (select g.task_id from gf_task_candidate g where g.kind = 'G'"
                    + " and g.party_id in (:scopeGroups))");
            params.addValue("scopeGroups", scope.departments().stream()
                    .flatMap(d -> java.util.stream.Stream.of("dept-handler:" + d, "dept-leader:" + d)).toList());
        }
        return where.append(")").toString();
    }
}
