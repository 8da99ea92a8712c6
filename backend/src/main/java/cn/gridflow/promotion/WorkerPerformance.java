package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.gridflow.process.promotion.RoundSetup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A grid worker's performance score for one assessment year (domain-spec §1.2 step 12 → §4.2 {@code performanceScore}),
 * counted from the grid-incident archive ({@code gf_event_archive}) where the worker handled events that year, and
 * taken from the HR record otherwise.
 * <p>
 * The worker's events: archived events closed in that calendar year (Asia/Shanghai) in whose timeline the worker is
 * the assignee of one of the grid worker's own steps (受理核实, 网格内处置, 现场核查). Over those N events:
 * closure = events resolved (closed self-resolved, resolved or by emergency command; not 解释办结) / N,
 * timeliness = events closed within their SLA / N, satisfaction = (满意 + 基本满意) / rated events (same rule as the
 * metrics dashboard; 未评价 and patrol-found events are not rated).
 * Score = 100 × (0.4 closure + 0.3 timeliness + 0.3 satisfaction), two decimals half up; when none of the events
 * was rated, satisfaction drops out and the score is 100 × (0.4 closure + 0.3 timeliness) / 0.7.
 */
@Component
public class WorkerPerformance {

    public static final String ARCHIVE = "ARCHIVE";
    public static final String HR = "HR";

    static final Set<String> WORKER_STEPS = Set.of("verifyAndTriage", "resolveInGrid", "verifyOnSite");
    static final Set<String> RESOLVED = Set.of("CLOSED_SELF_RESOLVED", "CLOSED_RESOLVED", "CLOSED_EMERGENCY");
    static final Set<String> RATED = Set.of("SATISFIED", "BASIC", "DISSATISFIED");
    static final Set<String> SATISFIED = Set.of("SATISFIED", "BASIC");

    /** The figure and where it came from; the rates are null when it came from the HR record. */
    public record Performance(int year, String source, double score, int events, Double closureRate,
                              Double timelinessRate, Double satisfactionRate) {
    }

    private record Row(String closeType, boolean inTime, String satisfaction, String timeline) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public WorkerPerformance(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The performance used by a round of {@code roundYear}: that of the year before, the last complete one. */
    public static int assessmentYearOf(int roundYear) {
        return roundYear - 1;
    }

    public Performance of(String userId, int year, BigDecimal hrScore) {
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(RoundSetup.ZONE).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(RoundSetup.ZONE).toInstant());
        // the LIKE only narrows the rows; whether the worker did one of their own steps is decided on the parsed timeline
        List<Row> rows = jdbc.query("select close_type, closed_in_time, satisfaction, timeline from gf_event_archive"
                        + " where closed_at >= ? and closed_at < ? and timeline like ?",
                (rs, i) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)),
                from, to, "%\"assignee\":\"" + userId + "\"%");
        List<Row> mine = rows.stream().filter(r -> handledBy(r.timeline(), userId)).toList();
        if (mine.isEmpty()) {
            return new Performance(year, HR, hrScore == null ? 0 : hrScore.doubleValue(), 0, null, null, null);
        }
        int n = mine.size();
        double closure = (double) mine.stream().filter(r -> RESOLVED.contains(r.closeType())).count() / n;
        double timeliness = (double) mine.stream().filter(Row::inTime).count() / n;
        long rated = mine.stream().filter(r -> RATED.contains(r.satisfaction())).count();
        Double satisfaction = rated == 0 ? null
                : (double) mine.stream().filter(r -> SATISFIED.contains(r.satisfaction())).count() / rated;
        double raw = satisfaction == null ? 100 * (0.4 * closure + 0.3 * timeliness) / 0.7
                : 100 * (0.4 * closure + 0.3 * timeliness + 0.3 * satisfaction);
        return new Performance(year, ARCHIVE, round(raw), n, round(closure), round(timeliness),
                satisfaction == null ? null : round(satisfaction));
    }

    private boolean handledBy(String timeline, String userId) {
        try {
            for (JsonNode step : json.readTree(timeline)) {
                if (WORKER_STEPS.contains(step.path("activityId").asText())
                        && userId.equals(step.path("assignee").asText(null))) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
