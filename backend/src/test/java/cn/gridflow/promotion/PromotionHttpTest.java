package cn.gridflow.promotion;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 专职网格员选聘 through the app with real security: HR opens a round and publishes the call, grid workers apply
 * within the window, the community recommends, the panel scores, the round ranks; bad input is refused in Chinese
 * and English with nothing stored.
 */
@GridFlowTest
class PromotionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    YearlyRound yearlyRound;

    private void runJobsOf(String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
            management.executeJob(job.getId());
        }
    }

    private static JsonNode application(AppClient user, String roundKey) {
        for (JsonNode a : user.get("/api/promotion/my-applications").json()) {
            if (a.path("roundKey").asText().equals(roundKey)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void hrOpensARoundGridWorkersApplyInTheWindowThePanelScoresAndTheRoundRanks() {
        AppClient hr = AppClient.login(port, "hr01", "demo");
        AppClient zhang = AppClient.login(port, "grid0101", "demo");
        AppClient li = AppClient.login(port, "grid0102", "demo");
        AppClient wang = AppClient.login(port, "grid0201", "demo");

        AppClient.Reply opened = hr.post("/api/promotion/rounds",
                Map.of("year", 2030, "postPool", "CSW_FROM_GRID", "cswVacancies", 3));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String roundKey = opened.text("roundKey");
        assertThat(roundKey).isEqualTo("PR-2030-CSW_FROM_GRID");
        AppClient.Reply again = hr.post("/api/promotion/rounds", Map.of("year", 2030, "postPool", "CSW_FROM_GRID"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains("已经发起");
        assertThat(zhang.post("/api/promotion/rounds", Map.of("year", 2027, "postPool", "CSW_FROM_GRID")).status())
                .as("only HR opens rounds").isEqualTo(403);

        AppClient.Reply early = zhang.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of());
        assertThat(early.status()).as("call not yet published").isEqualTo(400);
        assertThat(early.text("message")).contains("不在报名期内");
        assertThat(application(zhang, roundKey)).isNull();

        JsonNode board = hr.get("/api/promotion/rounds/" + roundKey).json();
        assertThat(board.path("annualQuota").asInt()).isEqualTo(1);
        String roundInstance = board.path("processInstanceId").asText();
        complete(hr, task(hr, "promotion-round", "发布选聘公告", roundKey), Map.of("callNotice", "2030 年度选聘公告"));

        assertThat(zhang.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of()).status()).isEqualTo(201);
        AppClient.Reply twice = zhang.inEnglish().post("/api/promotion/rounds/" + roundKey + "/applications", Map.of());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("message")).contains("already applied");
        assertThat(li.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of()).status()).isEqualTo(201);
        assertThat(application(zhang, roundKey).path("status").asText()).isEqualTo("APPLIED");

        assertThat(zhang.post("/api/promotion/rounds/" + roundKey + "/close-applications", Map.of()).status())
                .as("only HR closes the window").isEqualTo(403);
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/close-applications", Map.of()).status()).isEqualTo(202);
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/close-applications", Map.of()).status())
                .as("already closed").isEqualTo(409);
        AppClient.Reply late = wang.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of());
        assertThat(late.status()).as("window closed").isEqualTo(400);
        assertThat(application(wang, roundKey)).isNull();

        AppClient head = AppClient.login(port, "chead01", "demo");
        complete(head, task(head, "candidate-screening", "社区推荐", roundKey + "-grid0101"),
                Map.of("recommended", true, "recommendationNote", "工作扎实"));
        complete(head, task(head, "candidate-screening", "社区推荐", roundKey + "-grid0102"),
                Map.of("recommended", true, "recommendationNote", "同意推荐"));
        JsonNode ineligible = application(li, roundKey);
        assertThat(ineligible.path("status").asText()).isEqualTo("INELIGIBLE");
        assertThat(ineligible.path("eligibilityViolations").toString()).isEqualTo("[\"SERVICE_LT_3Y\",\"NO_EXCELLENT\"]");
        assertThat(li.get("/api/notifications?size=200").body()).as("the applicant is told every reason")
                .contains("资格审查未通过：任职不满 3 年；无优秀等次");

        AppClient panel = AppClient.login(port, "panel01", "demo");
        String written = task(panel, "candidate-screening", "笔试成绩录入", roundKey + "-grid0101");
        AppClient.Reply outOfRange = panel.post("/api/tasks/" + written + "/complete",
                Map.of("variables", Map.of("writtenScore", 120)));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("100");
        assertThat(application(zhang, roundKey).path("status").asText()).isEqualTo("ELIGIBLE");
        complete(panel, written, Map.of("writtenScore", 88));
        complete(panel, task(panel, "candidate-screening", "面试成绩录入", roundKey + "-grid0101"),
                Map.of("interviewScore", 90));
        runJobsOf(roundInstance); // ranking runs after the last screening's transaction

        JsonNode ranked = hr.get("/api/promotion/rounds/" + roundKey).json();
        JsonNode first = ranked.path("applications").get(0);
        assertThat(first.path("applicantId").asText()).isEqualTo("grid0101");
        assertThat(first.path("status").asText()).isEqualTo("SHORTLISTED");
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        // 0.4·88 + 0.3·90 + 0.3·86
        assertThat(first.path("totalScore").asDouble()).isEqualTo(88.0);
        assertThat(ranked.path("activities").toString()).contains("appointShortlisted", "waitlistExpiry");
        assertThat(application(zhang, roundKey).path("rank").asInt()).isEqualTo(1);
        assertThat(zhang.get("/api/notifications?size=200").body()).contains("您已入围 " + roundKey + "（第 1 名）");
        JsonNode mine = zhang.get("/api/promotion/rounds/" + roundKey + "/process?applicantId=grid0101").json();
        assertThat(mine.path("processKey").asText()).isEqualTo("candidate-appointment");
        assertThat(mine.path("activeActivityIds").toString()).contains("inspection");
        assertThat(mine.path("xml").asText()).contains("bpmndi:BPMNDiagram");
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/process?applicantId=grid0102").status())
                .as("another applicant's progress").isEqualTo(403);

        assertThat(zhang.get("/api/promotion/rounds/" + roundKey).status()).as("the board is for HR").isEqualTo(403);
        AppClient.Reply objection = hr.post("/api/promotion/rounds/" + roundKey + "/applications/grid0101/objections",
                Map.of("text", "反映学历存疑"));
        assertThat(objection.status()).as("not yet in 公示: still in inspection").isEqualTo(409);
    }

    @Test
    void eachJanuaryTheYearsCommunityWorkerRoundOpensOnceHoweverOftenTheScheduleRuns() {
        yearlyRound.openThisYear();
        yearlyRound.openThisYear();
        String key = "PR-" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "-CSW_FROM_GRID";
        JsonNode rounds = AppClient.login(port, "hr01", "demo").get("/api/promotion/rounds?size=200").json();
        assertThat(rounds.findValuesAsText("roundKey")).containsOnlyOnce(key);
        JsonNode board = AppClient.login(port, "hr01", "demo").get("/api/promotion/rounds/" + key).json();
        assertThat(board.path("activities").toString()).contains("publishCall");
        assertThat(board.path("annualQuota").asInt()).as("⌈10 × 0.3⌉").isEqualTo(3);
    }

    @Test
    void hrRecordsAreValidatedAndASecondEditorWithAStaleVersionGetsAConflict() {
        AppClient hr = AppClient.login(port, "hr01", "demo");
        Map<String, Object> record = new java.util.HashMap<>(Map.of("communityId", "C02", "gridId", "G0202",
                "employmentType", "FULL_TIME_GRID", "serviceYears", 4, "birthDate", "1990-01-01", "educationRank", 3,
                "performanceScore", 80, "assessments", java.util.List.of(Map.of("year", 2025, "grade", "EXCELLENT"))));
        AppClient.Reply created = hr.put("/api/promotion/hr-records/newgrid01", record);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long version = created.json().path("version").asLong();

        record.put("performanceScore", 130);
        record.put("version", version);
        AppClient.Reply bad = hr.put("/api/promotion/hr-records/newgrid01", record);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("message")).contains("0 至 100");

        record.put("performanceScore", 85);
        assertThat(hr.put("/api/promotion/hr-records/newgrid01", record).status()).isEqualTo(200);
        AppClient.Reply stale = hr.put("/api/promotion/hr-records/newgrid01", record);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("message")).contains("已被他人修改");
        assertThat(AppClient.login(port, "grid0101", "demo").get("/api/promotion/hr-records").status()).isEqualTo(403);
    }
}
