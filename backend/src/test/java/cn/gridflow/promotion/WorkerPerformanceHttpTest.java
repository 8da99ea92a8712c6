package cn.gridflow.promotion;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grid worker's performance score comes from the grid-incident archive (§1.2 step 12) where the worker handled
 * events in the assessment year, from the HR record otherwise; HR sees which, and a round scores with it.
 */
@GridFlowTest
class WorkerPerformanceHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    /**
     * An archived event closed at {@code closedAt} whose 受理核实 and 现场核查 were done by {@code worker}; the timeline
     * is written by the app's ObjectMapper with the entries {@code EventArchive} writes.
     */
    private void archived(String worker, String closedAt, String closeType, boolean inTime, String satisfaction)
            throws JsonProcessingException {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (String[] step : new String[][] {{"verifyAndTriage", "受理核实", worker}, {"dispatch", "受理分拨", "dispatch01"},
                {"verifyOnSite", "现场核查", worker}}) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("activityId", step[0]);
            entry.put("name", step[1]);
            entry.put("type", "userTask");
            entry.put("assignee", step[2]);
            entry.put("start", Date.from(Instant.parse(closedAt)));
            entry.put("end", Date.from(Instant.parse(closedAt)));
            steps.add(entry);
        }
        String timeline = json.writeValueAsString(steps);
        String id = "perf-" + UUID.randomUUID();
        jdbc.update("""
                insert into gf_event_archive (proc_inst_id, event_id, category, source, community_id, grid_id, lead_dept,
                    handling_level, city_mode, reported_at, closed_at, close_type, sla_due_at, closed_in_time,
                    sla_breached, escalation_level, satisfaction, reopen_count, return_count, verify_round,
                    extension_used, timeline)
                values (?, ?, 'ENV_SANITATION', 'APP', 'C02', 'G0202', null, 'GRID', 'PEACE', ?, ?, ?, null, ?, ?, 0, ?,
                    0, 0, 1, false, ?)""",
                id, id, Timestamp.from(Instant.parse(closedAt)), Timestamp.from(Instant.parse(closedAt)), closeType,
                inTime, !inTime, satisfaction, timeline);
    }

    private static JsonNode hrRecord(AppClient hr, String userId, int assessmentYear) {
        for (JsonNode r : hr.get("/api/promotion/hr-records?size=200&assessmentYear=" + assessmentYear).json()
                .path("items")) {
            if (r.path("userId").asText().equals(userId)) {
                return r;
            }
        }
        throw new AssertionError("no HR record " + userId);
    }

    @Test
    void theArchiveOfTheWorkersEventsInTheAssessmentYearGivesTheScoreOtherwiseTheHrRecord() throws Exception {
        // grid0202's events closed in 2040 (Asia/Shanghai):
        archived("grid0202", "2040-03-01T02:00:00Z", "CLOSED_SELF_RESOLVED", true, "SATISFIED");
        archived("grid0202", "2040-05-10T02:00:00Z", "CLOSED_RESOLVED", true, "BASIC");
        archived("grid0202", "2040-07-20T02:00:00Z", "CLOSED_RESOLVED", false, "DISSATISFIED");
        archived("grid0202", "2040-09-30T02:00:00Z", "CLOSED_EXPLAINED", false, "DISSATISFIED");
        archived("grid0202", "2040-12-31T15:00:00Z", "CLOSED_SELF_RESOLVED", true, "NO_RESPONSE"); // 23:00 on 31 Dec
        // not counted: closed on 1 Jan 2041 in Shanghai, and another worker's event
        archived("grid0202", "2040-12-31T16:30:00Z", "CLOSED_EXPLAINED", false, "DISSATISFIED");
        archived("grid0201", "2040-06-01T02:00:00Z", "CLOSED_EXPLAINED", false, "DISSATISFIED");

        AppClient hr = AppClient.login(port, "hr01", "demo");
        JsonNode perf = hrRecord(hr, "grid0202", 2040).path("performance");
        assertThat(perf.path("source").asText()).isEqualTo("ARCHIVE");
        assertThat(perf.path("events").asInt()).isEqualTo(5);
        // closure 4/5 (解释办结 is not resolved), in time 3/5, satisfied (满意 + 基本满意) 2 of 4 rated (未评价 is not rated)
        assertThat(perf.path("closureRate").asDouble()).isEqualTo(0.8);
        assertThat(perf.path("timelinessRate").asDouble()).isEqualTo(0.6);
        assertThat(perf.path("satisfactionRate").asDouble()).isEqualTo(0.5);
        // 100 × (0.4·0.8 + 0.3·0.6 + 0.3·0.5)
        assertThat(perf.path("score").asDouble()).isEqualTo(65.0);

        JsonNode other = hrRecord(hr, "grid0201", 2040).path("performance");
        assertThat(other.path("source").asText()).as("grid0201's own event only")
                .isEqualTo("ARCHIVE");
        assertThat(other.path("score").asDouble()).as("1 event: not resolved, late, dissatisfied").isEqualTo(0.0);
        JsonNode none = hrRecord(hr, "grid0101", 2040).path("performance");
        assertThat(none.path("source").asText()).isEqualTo("HR");
        assertThat(none.path("score").asDouble()).isEqualTo(hrRecord(hr, "grid0101", 2040).path("performanceScore")
                .asDouble());
        assertThat(hrRecord(hr, "grid0202", 2039).path("performance").path("source").asText())
                .as("no events of grid0202 in 2039").isEqualTo("HR");
        assertThat(hr.get("/api/promotion/hr-records?assessmentYear=99").status()).isEqualTo(400);
    }

    @Test
    void aRoundScoresTheApplicantWithTheArchivePerformanceOfTheYearBefore() throws Exception {
        archived("grid0202", "2042-04-01T02:00:00Z", "CLOSED_SELF_RESOLVED", true, "NO_RESPONSE");
        archived("grid0202", "2042-04-02T02:00:00Z", "CLOSED_RESOLVED", false, "NO_RESPONSE");
        archived("grid0202", "2042-04-03T02:00:00Z", "CLOSED_RESOLVED", true, "NO_RESPONSE");
        AppClient hr = AppClient.login(port, "hr01", "demo");
        String roundKey = hr.post("/api/promotion/rounds", Map.of("year", 2043, "postPool", "CSW_FROM_GRID",
                "cswVacancies", 3)).text("roundKey");
        complete(hr, task(hr, "promotion-round", "发布选聘公告", roundKey), Map.of("callNotice", "2043 年度选聘公告"));
        AppClient liu = AppClient.login(port, "grid0202", "demo");
        AppClient wang = AppClient.login(port, "grid0201", "demo");
        assertThat(liu.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of()).status()).isEqualTo(201);
        assertThat(wang.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of()).status()).isEqualTo(201);
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/close-applications", Map.of()).status()).isEqualTo(202);
        AppClient head = AppClient.login(port, "chead02", "demo");
        complete(head, task(head, "candidate-screening", "社区推荐", roundKey + "-grid0202"), Map.of("recommended", true, "recommendationNote", "同意推荐"));
        complete(head, task(head, "candidate-screening", "社区推荐", roundKey + "-grid0201"), Map.of("recommended", true, "recommendationNote", "同意推荐"));

        Map<String, JsonNode> facts = new java.util.HashMap<>();
        for (JsonNode a : hr.get("/api/promotion/rounds/" + roundKey).json().path("applications")) {
            facts.put(a.path("applicantId").asText(), a.path("facts"));
        }
        // 2042: 3 events, all resolved, 2 of 3 in time, none rated → 100 × (0.4·1 + 0.3·2/3) / 0.7 = 85.71
        assertThat(facts.get("grid0202").path("performanceSource").asText()).isEqualTo("ARCHIVE");
        assertThat(facts.get("grid0202").path("performanceEvents").asInt()).isEqualTo(3);
        assertThat(facts.get("grid0202").path("performanceScore").asDouble()).isEqualTo(85.71);
        assertThat(facts.get("grid0201").path("performanceSource").asText()).isEqualTo("HR");
        assertThat(facts.get("grid0201").path("performanceScore").asDouble())
                .isEqualTo(hrRecord(hr, "grid0201", 2042).path("performanceScore").asDouble());
    }
}
