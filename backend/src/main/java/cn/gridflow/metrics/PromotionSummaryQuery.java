package cn.gridflow.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grid-worker promotion rounds (专职网格员选聘) by stage: where each round's process stands (its open steps in the
 * metrics read model's activity history, or archived/ended) and its applications by status, shortlisted (入围) and
 * waitlisted (候补) among them. Every count names the applications it counts ({@link #applications}).
 */
@Component
public class PromotionSummaryQuery {

    /** The application statuses the summary shows as columns (ApplicationLedger's states). */
    static final List<String> STATUSES = List.of("APPLIED", "INELIGIBLE", "SHORTLISTED", "WAITLISTED", "OFFERED",
            "APPOINTED", "DISQUALIFIED", "FORFEITED", "PROBATION_FAILED", "WAITLIST_EXPIRED");
    static final int MAX_ROUNDS = 50;
    private static final Set<String> NOT_A_STAGE = Set.of("subProcess", "multiInstanceBody");

    private final NamedParameterJdbcTemplate jdbc;

    public PromotionSummaryQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Step(String activityId, String name) {
    }

    /** {@code stage}: OPEN (steps waiting), ARCHIVED, ENDED (process over, not archived) or NOT_STARTED. */
    public record RoundRow(String roundKey, int year, String postPool, String stage, List<Step> steps,
                           long applications, Map<String, Long> byStatus, long shortlisted, long waitlisted) {
    }

    public List<RoundRow> rounds(MetricsScope scope, String communityId) {
        MapSqlParameterSource params = new MapSqlParameterSource("max", MAX_ROUNDS);
        List<Object[]> rounds = jdbc.query("""
                select r.round_key, r.round_year, r.post_pool, r.proc_inst_id, r.archived_at, i.ended
                from gf_promotion_round r left join gf_metric_instance i on i.proc_inst_id = r.proc_inst_id
                order by r.opened_at desc, r.round_key limit :max""", params, (rs, n) -> new Object[] {
                    rs.getString("round_key"), rs.getInt("round_year"), rs.getString("post_pool"),
                    rs.getString("proc_inst_id"), rs.getTimestamp("archived_at"), rs.getTimestamp("ended")});
        if (rounds.isEmpty()) {
            return List.of();
        }
        List<String> keys = rounds.stream().map(r -> (String) r[0]).toList();
        List<String> instances = rounds.stream().map(r -> (String) r[3]).filter(java.util.Objects::nonNull).toList();
        Map<String, List<Step>> steps = new HashMap<>();
        if (!instances.isEmpty()) {
            jdbc.query("""
                    select a.proc_inst_id, a.act_id, max(a.act_name) act_name, max(a.act_type) act_type
                    from gf_metric_activity a where a.proc_inst_id in (:instances) and a.ended is null
                    group by a.proc_inst_id, a.act_id order by a.act_id""",
                    new MapSqlParameterSource("instances", instances), rs -> {
                        if (!NOT_A_STAGE.contains(rs.getString("act_type"))) {
                            steps.computeIfAbsent(rs.getString("proc_inst_id"), k -> new ArrayList<>())
                                    .add(new Step(rs.getString("act_id"), rs.getString("act_name")));
                        }
                    });
        }
        MapSqlParameterSource countParams = new MapSqlParameterSource("keys", keys);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query("select a.round_key, a.status, count(*) n from gf_promotion_application a where a.round_key in"
                + " (:keys) and " + scope.communityCondition("a.community_id", communityId, countParams) + " group by a.round_key, a.status",
                countParams, rs -> {
                    counts.computeIfAbsent(rs.getString("round_key"), k -> new LinkedHashMap<>())
                            .merge(rs.getString("status"), rs.getLong("n"), Long::sum);
                });
        List<RoundRow> rows = new ArrayList<>();
        for (Object[] r : rounds) {
            String key = (String) r[0];
            List<Step> open = steps.getOrDefault((String) r[3], List.of());
            String stage = r[4] != null ? "ARCHIVED" : !open.isEmpty() ? "OPEN" : r[5] != null ? "ENDED"
                    : r[3] == null ? "NOT_STARTED" : "OPEN";
            Map<String, Long> byStatus = new LinkedHashMap<>();
            STATUSES.forEach(s -> byStatus.put(s, 0L));
            counts.getOrDefault(key, Map.of()).forEach((s, n) -> byStatus.merge(s, n, Long::sum));
            long applications = byStatus.values().stream().mapToLong(Long::longValue).sum();
            rows.add(new RoundRow(key, (Integer) r[1], (String) r[2], stage, open, applications, byStatus,
                    byStatus.get("SHORTLISTED"), byStatus.get("WAITLISTED")));
        }
        return rows;
    }

    public record ApplicationRow(String roundKey, String applicantId, String communityId,
                                 String status, Integer rankNo, BigDecimal totalScore, Date appliedAt) {
    }

    /** The applications of one round a count counts: one status, or all. */
    public OverviewQuery.Page<ApplicationRow> applications(MetricsScope scope, String communityId, String roundKey,
                                                           String status, int page, int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("METRICS_FIGURE_INVALID", status);
        }
        if (size < 1 || size > OverviewQuery.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("roundKey", roundKey);
        String where = "a.round_key = :roundKey and " + scope.communityCondition("a.community_id", communityId, params);
        if (status != null) {
            where += " and a.status = :status";
            params.addValue("status", status);
        }
        Long total = jdbc.queryForObject("select count(*) from gf_promotion_application a where " + where, params,
                Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<ApplicationRow> items = jdbc.query("""
                select a.round_key, a.applicant_id, a.community_id, a.status, a.rank_no, a.total_score, a.applied_at
                from gf_promotion_application a where """ + " " + where + " order by case when a.rank_no is null then 1 else 0 end, a.rank_no,"
                + " a.applicant_id limit :limit offset :offset", params,
                (rs, n) -> new ApplicationRow(rs.getString("round_key"), rs.getString("applicant_id"),
                        rs.getString("community_id"), rs.getString("status"),
                        (Integer) rs.getObject("rank_no", Integer.class), rs.getBigDecimal("total_score"),
                        rs.getTimestamp("applied_at")));
        return new OverviewQuery.Page<>(items, total == null ? 0 : total, page, size);
    }
}
