package cn.gridflow.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final Map<String, String> UNIT_TABLES = Map.of("department", "gf_department",
            "community", "gf_community");

    private final NamedParameterJdbcTemplate jdbc;
    private final OverviewQuery overview;

    public AssessmentQuery(NamedParameterJdbcTemplate jdbc, OverviewQuery overview) {
        this.jdbc = jdbc;
        this.overview = overview;
    }

    public record Row(String id, String name, long total, long closed, OverviewQuery.Rate closureRate,
                      OverviewQuery.Rate responseRate, OverviewQuery.Rate onTimeRate,
                      OverviewQuery.Rate satisfactionRate, OverviewQuery.Rate reopenRate, long overdue) {
    }

    public List<Row> rows(MetricsScope scope, MetricsFilter filter, String by, Date now) {
        String table = UNIT_TABLES.get(by);
        if (table == null) {
            throw ApiException.badRequest("METRICS_GROUP_INVALID", by);
        }
        Map<String, OverviewQuery.Counts> units = overview.counts(scope, filter, by, now);
        if (units.isEmpty()) {
            return List.of();
        }
        // names and the org's order; a unit unknown to the org keeps its id and comes first, as before
        Map<String, Object[]> names = new HashMap<>();
        jdbc.query("select id, name, sort_order from " + table + " where id in (:ids)",
                new MapSqlParameterSource("ids", units.keySet()),
                rs -> { names.put(rs.getString("id"), new Object[] {rs.getString("name"), rs.getInt("sort_order")}); });
        List<Row> rows = new ArrayList<>();
        units.forEach((id, c) -> {
            Object[] name = names.get(id);
            rows.add(new Row(id, name == null || name[0] == null ? id : (String) name[0], c.total, c.closed,
                    OverviewQuery.Rate.of(c.closed, c.total, "closed", "total"),
                    OverviewQuery.Rate.of(c.signedInTime, c.signDue, "signedInTime", "signDue"),
                    OverviewQuery.Rate.of(c.closedInTime, c.closedWithSla, "closedInTime", "closedWithSla"),
                    OverviewQuery.Rate.of(c.satisfied, c.rated, "satisfied", "rated"),
                    OverviewQuery.Rate.of(c.reopened, c.closed, "reopened", "closed"), c.overdue));
        });
        rows.sort(Comparator.comparing((Row r) -> names.containsKey(r.id())
                        ? (Integer) names.get(r.id())[1] : Integer.MIN_VALUE).thenComparing(Row::id));
        return rows;
    }
}
