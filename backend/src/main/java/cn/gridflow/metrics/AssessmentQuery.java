package cn.gridflow.metrics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The art. 19 two-way assessment (社区、部门双向考核): per department (the events it led) and per community (the
 * events reported in it), the closure, timeliness and satisfaction figures, from the same counts as the overview.
 */
@Component
public class AssessmentQuery {

    private static final Map<String, String[]> GROUPS = Map.of(
            "department", new String[] {"e.lead_dept", "gf_department"},
            "community", new String[] {"e.community_id", "gf_community"});

    private final NamedParameterJdbcTemplate jdbc;

    public AssessmentQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String name, long total, long closed, OverviewQuery.Rate closureRate,
                      OverviewQuery.Rate responseRate, OverviewQuery.Rate onTimeRate,
                      OverviewQuery.Rate satisfactionRate, OverviewQuery.Rate reopenRate, long overdue) {
    }

    public List<Row> rows(MetricsScope scope, MetricsFilter filter, String by, Date now) {
        String[] group = GROUPS.get(by);
        if (group == null) {
            throw ApiException.badRequest("METRICS_GROUP_INVALID", by);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
        String where = filter.where(scope, params) + " and " + group[0] + " is not null";
        List<Row> rows = new ArrayList<>();
        jdbc.query("select " + group[0] + " unit_id, max(o.name) unit_name, max(o.sort_order) unit_order, "
                + OverviewQuery.COUNT_COLUMNS + " from gf_metric_event e left join " + group[1] + " o on o.id = "
                + group[0] + " where " + where + " group by " + group[0]
                + " order by max(o.sort_order), " + group[0], params, rs -> {
                    OverviewQuery.Counts c = new OverviewQuery.Counts();
                    c.add(rs);
                    String id = rs.getString("unit_id");
                    String name = rs.getString("unit_name");
                    rows.add(new Row(id, name == null ? id : name, c.total, c.closed,
                            OverviewQuery.Rate.of(c.closed, c.total, "closed", "total"),
                            OverviewQuery.Rate.of(c.signedInTime, c.signDue, "signedInTime", "signDue"),
                            OverviewQuery.Rate.of(c.closedInTime, c.closedWithSla, "closedInTime", "closedWithSla"),
                            OverviewQuery.Rate.of(c.satisfied, c.rated, "satisfied", "rated"),
                            OverviewQuery.Rate.of(c.reopened, c.closed, "reopened", "closed"), c.overdue));
                });
        return rows;
    }
}
