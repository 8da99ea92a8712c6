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
 * Owners'-committee decisions (业委会重大事项) by stage and outcome, from the HOA tables as they stand now: where
 * each matter is (from its vote rounds, filings and close), whether its vote passed, failed, went to a re-vote,
 * and whether the resolution was filed. Every count names the list of matters it counts ({@link #matters}).
 */
@Component
public class HoaSummaryQuery {

    /** Open stages in process order, then CLOSED. */
    static final List<String> STAGES = List.of("DELIBERATION", "VOTING", "REVOTE_DECISION", "FILING",
            "IMPLEMENTATION", "CLOSED");
    /** The outcome columns of the stage table, as conditions on the per-matter row {@code x}. */
    static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("total", "1 = 1");
        // a round reached the threshold
        OUTCOMES.put("passed", "x.passed_rounds > 0");
        // voted and no round passed, none still open: waiting for the re-vote decision or ended without passing
        OUTCOMES.put("failed", "x.rounds > 0 and x.passed_rounds = 0 and x.open_rounds = 0");
        OUTCOMES.put("revote", "x.rounds > 1");
        // the resolution was accepted by the community's filing (一备案)
        OUTCOMES.put("filed", "x.filed > 0");
    }

    /**
     * One row per matter: its stage and outcome facts. Voting while a round is open; after a passed round, filing
     * until the resolution is accepted, then implementing; after rounds that all failed, the re-vote decision.
     */
    private static final String MATTERS = """
            select m.id, m.title, m.community_id, m.estate_id, m.matter_type, m.outcome, m.created_at, m.closed_at,
                   (select count(*) from gf_hoa_vote_round r where r.matter_id = m.id) rounds,
                   (select count(*) from gf_hoa_vote_round r where r.matter_id = m.id and r.passed = true) passed_rounds,
                   (select count(*) from gf_hoa_vote_round r where r.matter_id = m.id and r.status = 'OPEN') open_rounds,
                   (select count(*) from gf_hoa_filing f where f.matter_id = m.id and f.kind = 'RESOLUTION'
                        and f.outcome = 'ACCEPTED') filed
            from gf_hoa_matter m where %s""";
    private static final String STAGE = """
            case when x.closed_at is not null then 'CLOSED'
                 when x.open_rounds > 0 then 'VOTING'
                 when x.filed > 0 then 'IMPLEMENTATION'
                 when x.passed_rounds > 0 then 'FILING'
                 when x.rounds > 0 then 'REVOTE_DECISION'
                 else 'DELIBERATION' end""";

    private final NamedParameterJdbcTemplate jdbc;

    public HoaSummaryQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stage row: how many matters are there, and of them how many passed, failed, re-voted, were filed. */
    public record StageRow(String stage, long total, long passed, long failed, long revote, long filed) {
    }

    public record OutcomeRow(String outcome, long count) {
    }

    public record Summary(long total, List<StageRow> stages, List<OutcomeRow> outcomes) {
    }

    public Summary summary(MetricsScope scope, String communityId) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder columns = new StringBuilder("x.stage, x.outcome, count(*) n");
        OUTCOMES.forEach((name, condition) -> {
            if (!name.equals("total")) {
                columns.append(", sum(case when ").append(condition).append(" then 1 else 0 end) ").append(name);
            }
        });
        Map<String, long[]> stages = new LinkedHashMap<>();
        STAGES.forEach(s -> stages.put(s, new long[5]));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.query("select " + columns + " from (select y.*, " + STAGE.replace("x.", "y.") + " stage from ("
                + MATTERS.formatted(scope.communityCondition("m.community_id", communityId, params)) + ") y) x group by x.stage, x.outcome", params,
                rs -> {
                    long[] row = stages.get(rs.getString("stage"));
                    long n = rs.getLong("n");
                    row[0] += n;
                    row[1] += rs.getLong("passed");
                    row[2] += rs.getLong("failed");
                    row[3] += rs.getLong("revote");
                    row[4] += rs.getLong("filed");
                    total[0] += n;
                    if ("CLOSED".equals(rs.getString("stage"))) {
                        outcomes.merge(String.valueOf(rs.getString("outcome")), n, Long::sum);
                    }
                });
        List<StageRow> rows = new ArrayList<>();
        stages.forEach((s, r) -> rows.add(new StageRow(s, r[0], r[1], r[2], r[3], r[4])));
        List<OutcomeRow> closed = new ArrayList<>();
        outcomes.forEach((o, n) -> closed.add(new OutcomeRow(o, n)));
        closed.sort((a, b) -> Long.compare(b.count(), a.count()) != 0 ? Long.compare(b.count(), a.count())
                : a.outcome().compareTo(b.outcome()));
        return new Summary(total[0], rows, closed);
    }

    public record MatterRow(String id, String title, String communityId, String estateId, String matterType,
                            String stage, String outcome, long rounds, boolean passed, boolean filed,
                            Date createdAt, Date closedAt) {
    }

    /** The matters one count counts: a stage (or any), an outcome column (or total) and a final outcome (or any). */
    public OverviewQuery.Page<MatterRow> matters(MetricsScope scope, String communityId, String stage, String figure,
                                                 String outcome, int page, int size) {
        String condition = OUTCOMES.get(figure == null ? "total" : figure);
        if (condition == null) {
            throw ApiException.badRequest("METRICS_FIGURE_INVALID", figure);
        }
        if (stage != null && !STAGES.contains(stage)) {
            throw ApiException.badRequest("METRICS_FIGURE_INVALID", stage);
        }
        if (size < 1 || size > OverviewQuery.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(condition);
        if (stage != null) {
            where.append(" and x.stage = :stage");
            params.addValue("stage", stage);
        }
        if (outcome != null) {
            where.append(" and x.outcome = :outcome");
            params.addValue("outcome", outcome);
        }
        String from = " from (select y.*, " + STAGE.replace("x.", "y.") + " stage from ("
                + MATTERS.formatted(scope.communityCondition("m.community_id", communityId, params)) + ") y) x where " + where;
        Long total = jdbc.queryForObject("select count(*)" + from, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<MatterRow> items = jdbc.query("select x.*" + from
                + " order by x.created_at desc, x.id limit :limit offset :offset", params,
                (rs, n) -> new MatterRow(rs.getString("id"), rs.getString("title"), rs.getString("community_id"),
                        rs.getString("estate_id"), rs.getString("matter_type"), rs.getString("stage"),
                        rs.getString("outcome"), rs.getLong("rounds"), rs.getLong("passed_rounds") > 0,
                        rs.getLong("filed") > 0, rs.getTimestamp("created_at"), rs.getTimestamp("closed_at")));
        return new OverviewQuery.Page<>(items, total == null ? 0 : total, page, size);
    }
}
