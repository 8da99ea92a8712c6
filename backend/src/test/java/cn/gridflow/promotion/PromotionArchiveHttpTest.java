package cn.gridflow.promotion;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The round's archive step (§4.3 step 11, art. 22) on a finished round: each candidate gets a personnel-file record,
 * the round one published list of results; a second run of the job writes nothing more; everyone signed in reads the
 * publication, the personnel records only HR and the candidate themself.
 */
@GridFlowTest
class PromotionArchiveHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationLedger ledger;

    @Autowired
    RoundArchive archive;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    /** Fires the instance's jobs at one step (a timer that is due by then), as the job executor would. */
    private void fire(String processInstanceId, String activityId) {
        java.util.List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .list();
        assertThat(jobs).as("job at " + activityId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    private void candidate(String roundKey, String applicantId, String community, String status, Map<String, Object> facts) {
        jdbc.update("insert into gf_promotion_application (round_key, applicant_id, community_id, status, applied_at,"
                + " updated_at) values (?, ?, ?, 'APPLIED', ?, ?)", roundKey, applicantId, community,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        ledger.record(roundKey, applicantId, status, facts);
    }

    private static Map<String, Object> scores(int rank, double written, double interview, double bonus, double total) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("writtenScore", written);
        facts.put("interviewScore", interview);
        facts.put("commendationBonus", bonus);
        facts.put("totalScore", total);
        facts.put("rank", rank);
        facts.put("publicityEndAt", "2037-02-10T01:00:00Z");
        return facts;
    }

    private long count(String table, String roundKey) {
        return jdbc.queryForObject("select count(*) from " + table + " where round_key = ?", Long.class, roundKey);
    }

    @Test
    void theArchiveFilesEveryCandidateOncePublishesTheResultsToAllAndShowsRecordsToHrAndTheCandidateOnly() {
        AppClient hr = AppClient.login(port, "hr01", "demo");
        AppClient zhang = AppClient.login(port, "grid0101", "demo");
        AppClient zhao = AppClient.login(port, "grid0202", "demo");
        AppClient check = AppClient.login(port, "check01", "demo");
        AppClient.Reply opened = hr.post("/api/promotion/rounds", Map.of("year", 2037, "postPool", "SOE_RESERVED"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String roundKey = opened.text("roundKey");

        // the round's end as the candidate processes left it: appointed; disqualified after an upheld objection;
        // ineligible
        candidate(roundKey, "grid0101", "C01", "APPOINTED", scores(1, 88, 84, 1, 87.7));
        Map<String, Object> disqualified = scores(2, 80, 75, 0, 80.1);
        disqualified.put("objectionSubstantiated", true);
        candidate(roundKey, "grid0102", "C01", "DISQUALIFIED", disqualified);
        archive.objectionFiled(roundKey, "grid0102", "hr01", "群众反映其考核材料不实");
        candidate(roundKey, "grid0201", "C02", "INELIGIBLE", Map.of("eligibilityViolations", "NO_EXCELLENT"));

        AppClient.Reply early = zhao.get("/api/promotion/rounds/" + roundKey + "/publication");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.text("message")).contains("尚未公布");

        ledger.archive(roundKey);
        ledger.archive(roundKey); // the job retried: nothing is written twice
        assertThat(count("gf_promotion_personnel_record", roundKey)).isEqualTo(3);
        assertThat(count("gf_promotion_publication", roundKey)).isEqualTo(1);
        assertThat(archive.archive(roundKey)).as("a later run claims nothing").isFalse();

        // the publication: the appointed list with scores, time and scope, readable by any signed-in user
        for (AppClient reader : new AppClient[] {zhao, check, hr}) {
            AppClient.Reply publication = reader.get("/api/promotion/rounds/" + roundKey + "/publication");
            assertThat(publication.status()).as(publication.body()).isEqualTo(200);
        }
        JsonNode publication = zhao.get("/api/promotion/rounds/" + roundKey + "/publication").json();
        assertThat(publication.path("scope").asText()).isEqualTo("ALL_USERS");
        assertThat(publication.path("publishedAt").asText()).isNotBlank();
        assertThat(publication.path("entries")).hasSize(1);
        assertThat(publication.path("entries").get(0).path("applicantId").asText()).isEqualTo("grid0101");
        assertThat(publication.path("entries").get(0).path("totalScore").decimalValue()).isEqualByComparingTo("87.7");
        assertThat(publication.path("body").asText()).contains("grid0101", "总分 87.7", "正式聘用")
                .doesNotContain("grid0102", "grid0201");

        // HR reads the whole round's personnel file
        assertThat(hr.get("/api/promotion/rounds/" + roundKey).json().path("archived").asBoolean()).isTrue();
        JsonNode records = hr.get("/api/promotion/rounds/" + roundKey + "/personnel-records").json();
        assertThat(records).hasSize(3);
        JsonNode appointed = records.get(0);
        assertThat(appointed.path("applicantId").asText()).isEqualTo("grid0101");
        assertThat(appointed.path("finalStatus").asText()).isEqualTo("APPOINTED");
        assertThat(appointed.path("appointmentResult").asText()).isEqualTo("APPOINTED");
        assertThat(appointed.path("writtenScore").decimalValue()).isEqualByComparingTo("88");
        assertThat(appointed.path("interviewScore").decimalValue()).isEqualByComparingTo("84");
        assertThat(appointed.path("bonus").decimalValue()).isEqualByComparingTo("1");
        assertThat(appointed.path("rank").asInt()).isEqualTo(1);
        assertThat(appointed.path("publicityEndAt").asText()).isEqualTo("2037-02-10T01:00:00Z");
        assertThat(appointed.path("objectionsFiled").asInt()).isZero();
        JsonNode objected = records.get(1);
        assertThat(objected.path("applicantId").asText()).isEqualTo("grid0102");
        assertThat(objected.path("objectionsFiled").asInt()).isEqualTo(1);
        assertThat(objected.path("objectionOutcome").asText()).isEqualTo("SUBSTANTIATED");
        assertThat(objected.path("objections").get(0).path("text").asText()).isEqualTo("群众反映其考核材料不实");
        assertThat(objected.path("appointmentResult").asText()).isEqualTo("DISQUALIFIED");
        assertThat(records.get(2).path("finalStatus").asText()).isEqualTo("INELIGIBLE");

        // the candidate sees their own record, nobody else's; others are refused in both languages
        JsonNode mine = zhang.get("/api/promotion/my-personnel-records").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("roundKey").asText()).isEqualTo(roundKey);
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/personnel-records/grid0101").status())
                .isEqualTo(200);
        assertThat(zhao.get("/api/promotion/my-personnel-records").json()).isEmpty();
        AppClient.Reply foreign = zhao.get("/api/promotion/rounds/" + roundKey + "/personnel-records/grid0101");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text("message")).contains("仅人事管理员和候选人本人");
        AppClient.Reply all = check.inEnglish().get("/api/promotion/rounds/" + roundKey + "/personnel-records");
        assertThat(all.status()).isEqualTo(403);
        assertThat(all.text("message")).contains("HR and to the candidate themself");
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/personnel-records").status())
                .as("a candidate does not read the others' files").isEqualTo(403);
    }

    @Test
    void aRoundRunThroughTheAppToItsEndFilesTheObjectionAndItsFindingAndPublishesTheAppointment() {
        AppClient hr = AppClient.login(port, "hr01", "demo");
        AppClient zhang = AppClient.login(port, "grid0101", "demo");
        AppClient head = AppClient.login(port, "chead01", "demo");
        AppClient panel = AppClient.login(port, "panel01", "demo");
        AppClient check = AppClient.login(port, "check01", "demo");
        AppClient committee = AppClient.login(port, "committee01", "demo");
        String roundKey = hr.post("/api/promotion/rounds", Map.of("year", 2038, "postPool", "CSW_FROM_GRID",
                "cswVacancies", 3)).text("roundKey");
        String roundInstance = hr.get("/api/promotion/rounds/" + roundKey).json().path("processInstanceId").asText();
        complete(hr, task(hr, "promotion-round", "发布选聘公告", roundKey), Map.of("callNotice", "2038 年度选聘公告"));
        assertThat(zhang.post("/api/promotion/rounds/" + roundKey + "/applications", Map.of()).status()).isEqualTo(201);
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/close-applications", Map.of()).status()).isEqualTo(202);
        String candidate = roundKey + "-grid0101";
        complete(head, task(head, "candidate-screening", "社区推荐", candidate), Map.of("recommended", true,
                "recommendationNote", "工作扎实"));
        complete(panel, task(panel, "candidate-screening", "笔试成绩录入", candidate), Map.of("writtenScore", 88));
        complete(panel, task(panel, "candidate-screening", "面试成绩录入", candidate), Map.of("interviewScore", 90));
        fire(roundInstance, "rankCandidates");

        complete(check, task(check, "candidate-appointment", "考察与政审", candidate),
                Map.of("inspectionPassed", true, "inspectionNote", "德才表现良好"));
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/applications/grid0101/objections",
                Map.of("text", "反映学历存疑")).status()).isEqualTo(202);
        complete(hr, task(hr, "candidate-appointment", "核查异议", candidate),
                Map.of("objectionSubstantiated", false, "investigationNote", "学历经核实无误"));
        String appointment = runtime.createProcessInstanceQuery().processInstanceBusinessKey(candidate)
                .processDefinitionKey("candidate-appointment").singleResult().getId();
        fire(appointment, "publicityPeriod");
        complete(committee, task(committee, "candidate-appointment", "市级研究决定", candidate),
                Map.of("appointmentApproved", true, "decisionNote", "同意聘用"));
        assertThat(hr.post("/api/promotion/rounds/" + roundKey + "/applications/grid0101/reported", Map.of()).status())
                .isEqualTo(202);
        fire(appointment, "probationPeriod");
        complete(head, task(head, "candidate-appointment", "试用期考核", candidate),
                Map.of("probationPassed", true, "probationNote", "试用期表现合格"));
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/publication").status())
                .as("the round still waits for its waitlist to expire").isEqualTo(404);

        fire(roundInstance, "waitlistExpiry"); // 31 December: the waitlist lapses, the round archives and ends
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(roundInstance).count()).isZero();

        JsonNode publication = zhang.get("/api/promotion/rounds/" + roundKey + "/publication").json();
        assertThat(publication.path("entries")).hasSize(1);
        assertThat(publication.path("entries").get(0).path("status").asText()).isEqualTo("APPOINTED");
        assertThat(publication.path("body").asText()).contains("grid0101", "总分 88", "正式聘用");
        JsonNode mine = zhang.get("/api/promotion/rounds/" + roundKey + "/personnel-records/grid0101").json();
        assertThat(mine.path("appointmentResult").asText()).isEqualTo("APPOINTED");
        assertThat(mine.path("writtenScore").decimalValue()).isEqualByComparingTo("88");
        assertThat(mine.path("interviewScore").decimalValue()).isEqualByComparingTo("90");
        assertThat(mine.path("totalScore").decimalValue()).isEqualByComparingTo("88");
        assertThat(mine.path("rank").asInt()).isEqualTo(1);
        assertThat(mine.path("publicityEndAt").asText()).isNotBlank();
        assertThat(mine.path("objectionsFiled").asInt()).isEqualTo(1);
        assertThat(mine.path("objectionOutcome").asText()).isEqualTo("UNFOUNDED");
        assertThat(mine.path("objections").get(0).path("text").asText()).isEqualTo("反映学历存疑");
        assertThat(mine.path("objections").get(0).path("filedBy").asText()).isEqualTo("hr01");
        assertThat(count("gf_promotion_personnel_record", roundKey)).isEqualTo(1);
    }
}
