package cn.gridflow.promotion;

import static cn.gridflow.support.Scenario.complete;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.Scenario;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 表彰奖励 through the app: a community nominates a grid worker; once commended, the bonus is in the HR record. */
@GridFlowTest
class CommendationHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    CommendationCall call;

    private static String task(AppClient user, String name, String instanceId) {
        return Scenario.task(user, "commendation", name, "processInstanceId", instanceId);
    }

    private static double bonusOf(AppClient hr, String userId) {
        for (JsonNode r : hr.get("/api/promotion/hr-records?size=200").json().path("items")) {
            if (r.path("userId").asText().equals(userId)) {
                return r.path("commendationBonus").asDouble();
            }
        }
        throw new AssertionError("no HR record " + userId);
    }

    @Test
    void aCommendedGridWorkerGetsThePromotionBonusOnceAndOtherNomineesNone() {
        AppClient head = AppClient.login(port, "chead02", "demo");
        AppClient hr = AppClient.login(port, "hr01", "demo");
        assertThat(AppClient.login(port, "grid0202", "demo").get("/api/processes/startable").json()
                .findValuesAsText("key")).doesNotContain("commendation", "promotion-round");
        double before = bonusOf(hr, "grid0202");

        AppClient.Reply missing = head.post("/api/processes/commendation/start", Map.of("variables",
                Map.of("nomineeType", "GRID_STAFF", "nomineeName", "刘洋")));
        assertThat(missing.status()).as("form validated on the server").isEqualTo(400);

        AppClient.Reply started = head.post("/api/processes/commendation/start", Map.of("variables", Map.of(
                "nomineeType", "GRID_STAFF", "nomineeName", "刘洋", "nomineeId", "grid0202",
                "achievements", "防台期间连续值守 72 小时", "sustainedComplaints", 0, "disciplinedLastYear", false)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = started.text("processInstanceId");

        AppClient panel = AppClient.login(port, "panel01", "demo");
        AppClient.Reply tooHigh = panel.post("/api/tasks/" + task(panel, "考评小组评分", instance) + "/complete",
                Map.of("variables", Map.of("commendationScore", 101, "panelRecommends", true)));
        assertThat(tooHigh.status()).isEqualTo(400);
        complete(panel, task(panel, "考评小组评分", instance), Map.of("commendationScore", 93, "panelRecommends", true));
        for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
            management.executeJob(job.getId()); // the end of the 5-working-day publicity
        }
        AppClient approver = AppClient.login(port, "approver01", "demo");
        complete(approver, task(approver, "市政府审定", instance), Map.of("commendationApproved", true));

        assertThat(bonusOf(hr, "grid0202")).isEqualTo(before + 2.0);
    }

    @Test
    void anObjectionUpheldDuringTheNoticeEndsTheNominationWithoutBonus() {
        AppClient head = AppClient.login(port, "chead01", "demo");
        AppClient hr = AppClient.login(port, "hr01", "demo");
        AppClient governance = AppClient.login(port, "govadmin", "demo");
        double before = bonusOf(hr, "grid0102");
        String instance = head.post("/api/processes/commendation/start", Map.of("variables", Map.of(
                "nomineeType", "GRID_STAFF", "nomineeName", "李娜", "nomineeId", "grid0102",
                "achievements", "化解邻里纠纷 12 起", "sustainedComplaints", 0, "disciplinedLastYear", false)))
                .text("processInstanceId");
        String path = "/api/promotion/commendations/" + instance + "/objections";
        AppClient.Reply early = governance.post(path, Map.of("text", "事迹不实"));
        assertThat(early.status()).as("not yet in notice").isEqualTo(409);
        assertThat(early.text("message")).contains("不在公示期");

        AppClient panel = AppClient.login(port, "panel01", "demo");
        complete(panel, task(panel, "考评小组评分", instance), Map.of("commendationScore", 80, "panelRecommends", true));
        assertThat(head.post(path, Map.of("text", "事迹不实")).status()).as("only the authority records it").isEqualTo(403);
        assertThat(governance.post(path, Map.of("text", "事迹材料与实际不符")).status()).isEqualTo(202);
        complete(governance, task(governance, "核查异议", instance),
                Map.of("objectionSubstantiated", true, "investigationNote", "经核实材料不实"));

        assertThat(governance.post(path, Map.of("text", "再次异议")).status()).as("the notice has ended").isEqualTo(409);
        assertThat(bonusOf(hr, "grid0102")).isEqualTo(before);
    }

    @Test
    void theListAndRecordShowWhereANominationStandsWhatEachUserCanDoAndTheBonusItFeedsIntoPromotion() {
        AppClient head = AppClient.login(port, "chead02", "demo");
        AppClient otherHead = AppClient.login(port, "chead01", "demo");
        AppClient panel = AppClient.login(port, "panel01", "demo");
        AppClient governance = AppClient.login(port, "govadmin", "demo");
        AppClient hr = AppClient.login(port, "hr01", "demo");
        String instance = head.post("/api/processes/commendation/start", Map.of("variables", Map.of(
                "nomineeType", "GRID_STAFF", "nomineeName", "刘洋", "nomineeId", "grid0202",
                "achievements", "创建无诈社区", "sustainedComplaints", 0, "disciplinedLastYear", false)))
                .text("processInstanceId");
        String path = "/api/promotion/commendations/" + instance;

        JsonNode listed = null;
        for (JsonNode item : head.get("/api/promotion/commendations?size=200").json().path("items")) {
            if (item.path("processInstanceId").asText().equals(instance)) {
                listed = item;
            }
        }
        assertThat(listed).as("the nominating community sees its nomination").isNotNull();
        assertThat(listed.path("nomineeName").asText()).isEqualTo("刘洋");
        assertThat(listed.path("currentSteps").toString()).contains("考评小组评分");
        assertThat(otherHead.get("/api/promotion/commendations?size=200").json().findValuesAsText("processInstanceId"))
                .as("another community does not").doesNotContain(instance);
        assertThat(otherHead.get(path).status()).isEqualTo(404);
        assertThat(AppClient.login(port, "grid0101", "demo").get("/api/promotion/commendations").status())
                .isEqualTo(403);

        JsonNode forPanel = panel.get(path).json();
        assertThat(forPanel.path("activeActivityIds").toString()).contains("scoreNominee");
        assertThat(forPanel.path("xml").asText()).contains("bpmndi:BPMNDiagram");
        assertThat(forPanel.path("myTasks").findValuesAsText("activityId")).containsExactly("scoreNominee");
        assertThat(head.get(path).json().path("myTasks").size()).as("the nominator has nothing to do now").isZero();
        assertThat(forPanel.path("award").isNull()).isTrue();

        complete(panel, task(panel, "考评小组评分", instance), Map.of("commendationScore", 91, "panelRecommends", true));
        assertThat(governance.get(path).json().path("canObject").asBoolean()).as("during the notice").isTrue();
        assertThat(panel.get(path).json().path("canObject").asBoolean()).isFalse();
        for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
            management.executeJob(job.getId());
        }
        assertThat(governance.get(path).json().path("canObject").asBoolean()).as("the notice has ended").isFalse();
        AppClient approver = AppClient.login(port, "approver01", "demo");
        assertThat(approver.get(path).json().path("myTasks").findValuesAsText("name")).containsExactly("市政府审定");
        complete(approver, task(approver, "市政府审定", instance), Map.of("commendationApproved", true));

        JsonNode done = head.get(path).json();
        assertThat(done.path("commendationStatus").asText()).isEqualTo("COMMENDED");
        assertThat(done.path("commendationScore").asInt()).isEqualTo(91);
        assertThat(done.path("endedAt").isNull()).isFalse();
        assertThat(done.path("timeline").findValuesAsText("activityName")).contains("考评小组评分", "市政府审定",
                "公布表彰并归档（网格员记入加分）", "予以表彰"); // its end: the commendation is over
        JsonNode approval = java.util.stream.StreamSupport.stream(done.path("timeline").spliterator(), false)
                .filter(step -> step.path("activityName").asText().equals("市政府审定")).findFirst().orElseThrow();
        assertThat(approval.path("assignee").asText()).isEqualTo("approver01");
        assertThat(approval.path("assigneeName").asText()).as("the holder by name").isEqualTo("邓华");
        assertThat(done.path("award").path("bonus").asDouble()).isEqualTo(2.0);
        assertThat(done.path("award").path("hrBonusTotal").asDouble()).isEqualTo(bonusOf(hr, "grid0202"));
        assertThat(done.path("bonusCap").asDouble()).isEqualTo(3.0);
    }

    @Test
    void theYearlyCallReachesCommunityHeadsAndDepartmentsOnceAYear() {
        assertThat(call.announce(2039)).isEqualTo(2);
        assertThat(call.announce(2039)).as("the job ran twice").isZero();
        assertThat(AppClient.login(port, "chead01", "demo").get("/api/notifications?size=200").body())
                .contains("2039 年度社区治理表彰开始推荐");
    }
}
