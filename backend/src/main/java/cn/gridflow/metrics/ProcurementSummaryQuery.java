package cn.gridflow.metrics;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Government service contracts (政府购买服务) by their latest performance grade (优/良/中/差, or not yet evaluated)
 * and the withdrawals (合同终止并收回管理权限), from the procurement tables as they stand now. Every count names
 * the list of contracts it counts ({@link #contracts}).
 */
@Component
public class ProcurementSummaryQuery {

    static final List<String> GRADES = List.of("优", "良", "中", "差");
    /** Statuses of a contract being or having been taken back (ESC_TERMINATE → approval → take-back). */
    static final String WITHDRAWN = "x.status in ('TERMINATING', 'TERMINATED_TAKEN_BACK')";

    /** One row per contract with the grade of its latest evaluation (null: none yet). */
    private static final String CONTRACTS = """
            select c.contract_id, c.item_code, i.item_name, c.dept_id, c.provider_id, c.status, c.created_at,
                   (select e.grade from gf_procurement_evaluation e where e.contract_id = c.contract_id
                     order by e.created_at desc, e.id desc limit 1) grade,
                   (select count(*) from gf_procurement_evaluation e where e.contract_id = c.contract_id) evaluations
            from gf_procurement_contract c left join gf_procurement_item i on i.item_code = c.item_code
            where %s""";

    private final NamedParameterJdbcTemplate jdbc;

    public ProcurementSummaryQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Count(String key, long count) {
    }

    public record Summary(long total, long withdrawn, List<Count> byGrade, List<Count> byStatus) {
    }

    public Summary summary(MetricsScope scope, String departmentId) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<String, Long> grades = new LinkedHashMap<>();
        GRADES.forEach(g -> grades.put(g, 0L));
        grades.put("NONE", 0L);
        Map<String, Long> statuses = new LinkedHashMap<>();
        long[] totals = new long[2];
        jdbc.query("select x.grade, x.status, count(*) n, sum(case when " + WITHDRAWN + " then 1 else 0 end) withdrawn"
                + " from (" + CONTRACTS.formatted(where(scope, departmentId, params)) + ") x group by x.grade, x.status",
                params, rs -> {
                    long n = rs.getLong("n");
                    String grade = rs.getString("grade");
                    grades.merge(grade == null ? "NONE" : grade, n, Long::sum);
                    statuses.merge(rs.getString("status"), n, Long::sum);
                    totals[0] += n;
                    totals[1] += rs.getLong("withdrawn");
                });
        List<Count> byGrade = new ArrayList<>();
        grades.forEach((g, n) -> byGrade.add(new Count(g, n)));
        List<Count> byStatus = new ArrayList<>();
        statuses.forEach((s, n) -> byStatus.add(new Count(s, n)));
        byStatus.sort((a, b) -> a.key().compareTo(b.key()));
        return new Summary(totals[0], totals[1], byGrade, byStatus);
    }

    public record ContractRow(String contractId, String itemCode, String itemName, String deptId, String providerId,
                              String status, String grade, long evaluations, Date createdAt) {
    }

    /** The contracts one count counts: "total", "withdrawn", "grade:优" … "grade:NONE", or "status:IN_FORCE" …. */
    public OverviewQuery.Page<ContractRow> contracts(MetricsScope scope, String departmentId, String figure, int page,
                                                     int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String f = figure == null ? "total" : figure;
        String condition;
        if (f.equals("total")) {
            condition = "1 = 1";
        } else if (f.equals("withdrawn")) {
            condition = WITHDRAWN;
        } else if (f.equals("grade:NONE")) {
            condition = "x.grade is null";
        } else if (f.startsWith("grade:") && GRADES.contains(f.substring(6))) {
            condition = "x.grade = :grade";
            params.addValue("grade", f.substring(6));
        } else if (f.startsWith("status:") && f.length() > 7) {
            condition = "x.status = :status";
            params.addValue("status", f.substring(7));
        } else {
            throw ApiException.badRequest("METRICS_FIGURE_INVALID", figure);
        }
        if (size < 1 || size > OverviewQuery.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        String from = " from (" + CONTRACTS.formatted(where(scope, departmentId, params)) + ") x where " + condition;
        Long total = jdbc.queryForObject("select count(*)" + from, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<ContractRow> items = jdbc.query("select x.*" + from
                + " order by x.created_at desc, x.contract_id limit :limit offset :offset", params,
                (rs, n) -> new ContractRow(rs.getString("contract_id"), rs.getString("item_code"),
                        rs.getString("item_name"), rs.getString("dept_id"), rs.getString("provider_id"),
                        rs.getString("status"), rs.getString("grade"), rs.getLong("evaluations"),
                        rs.getTimestamp("created_at")));
        return new OverviewQuery.Page<>(items, total == null ? 0 : total, page, size);
    }

    /** Contracts of the caller's departments (a community head has none), narrowed to one department. */
    private static String where(MetricsScope scope, String departmentId, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (!scope.city()) {
            if (scope.departments().isEmpty()) {
                return "1 = 0";
            }
            sql.append(" and c.dept_id in (:scopeDepartments)");
            params.addValue("scopeDepartments", scope.departments());
        }
        if (departmentId != null) {
            sql.append(" and c.dept_id = :departmentId");
            params.addValue("departmentId", departmentId);
        }
        return sql.toString();
    }
}
