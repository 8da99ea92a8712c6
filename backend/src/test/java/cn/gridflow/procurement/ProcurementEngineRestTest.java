package cn.gridflow.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.AppClient.Reply;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine-rest contract of service-catalog-item and service-contract, as an outside tester drives them with
 * nothing but domain-spec §3: the spec's process keys, variable names, message MSG_PROCUREMENT_AWARDED and group ids,
 * timers run as jobs. The one name the spec leaves open is the input of negative-list-check ({@code serviceNature}).
 * No department and no community are named, so their steps go to the role groups the spec lists.
 */
@GridFlowTest
class ProcurementEngineRestTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private AppClient admin() {
        return AppClient.basic(port, "admin", "admin");
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> integer(int value) {
        return Map.of("value", value, "type", "Integer");
    }

    private static Map<String, Object> fen(long value) {
        return Map.of("value", value, "type", "Long");
    }

    private static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    /** The one open task of the instance with this key, offered to exactly these candidate groups. */
    private JsonNode task(String pid, String key, String... groups) {
        JsonNode tasks = admin().get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key
                + "&firstResult=0&maxResults=5").json();
        assertThat(tasks).as("open task " + key).hasSize(1);
        String id = tasks.get(0).path("id").asText();
        List<String> candidates = admin().get("/engine-rest/task/" + id + "/identity-links?type=candidate").json()
                .findValuesAsText("groupId");
        assertThat(candidates).as("candidate groups of " + key).containsExactly(groups);
        return tasks.get(0);
    }

    private void complete(JsonNode task, Map<String, Object> variables) {
        Reply reply = admin().post("/engine-rest/task/" + task.path("id").asText() + "/complete",
                Map.of("variables", variables));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private JsonNode variables(String pid) {
        return admin().get("/engine-rest/process-instance/" + pid + "/variables").json();
    }

    private void runTimer(String pid, String activityId) {
        JsonNode jobs = admin().get("/engine-rest/job?processInstanceId=" + pid + "&activityId=" + activityId
                + "&firstResult=0&maxResults=5").json();
        assertThat(jobs).as("timer " + activityId).hasSize(1);
        Reply run = admin().post("/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(204);
    }

    private JsonNode published(String itemCode) {
        for (JsonNode item : AppClient.anonymous(port).get("/api/procurement/public/catalog").json().path("items")) {
            if (item.path("itemCode").asText().equals(itemCode)) {
                return item;
            }
        }
        return null;
    }

    private Reply start(String key, String businessKey, Map<String, Object> variables) {
        return admin().post("/engine-rest/process-definition/key/" + key + "/start",
                Map.of("businessKey", businessKey, "variables", variables));
    }

    /** Budget, award and a 12-month draft through engine-rest, signed by both parties: performance begins. */
    private void sign(String contract, String providerId) {
        complete(task(contract, "checkBudget", "finance-reviewer"), Map.of("budgetDecision", string("APPROVE")));
        assertThat(admin().post("/engine-rest/message", Map.of("messageName", "MSG_PROCUREMENT_AWARDED",
                "processInstanceId", contract, "processVariables", Map.of("providerId", string(providerId),
                        "priceFen", fen(12_000_000L)))).status()).isEqualTo(204);
        complete(task(contract, "draftContract", "purchasing-dept"), Map.of("serviceItems", string("督导"),
                "qualityKpis", string("准确率≥90%"), "termMonths", integer(12), "stableContinuous", bool(false),
                "priceFen", fen(12_000_000L), "paymentMethod", string("按季度支付"), "prepayPct", integer(30),
                "evalCycle", string("R/P3M")));
        complete(task(contract, "legalReview", "legal-reviewer"), Map.of("legalDecision", string("APPROVE")));
        complete(task(contract, "signByBuyer", "purchasing-dept"), Map.of("signed", bool(true)));
        complete(task(contract, "signByProvider", "service-provider:" + providerId), Map.of("signed", bool(true)));
    }

    @Test
    void aReviewThatTakesTheAuthorityBackTerminatesTheOtherContractStillRunningForTheItem() {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        String itemCode = "GS-RTB-" + suffix;
        String item = start("service-catalog-item", itemCode, Map.of("itemCode", string(itemCode),
                "itemName", string("楼道保洁服务（engine-rest）"), "class", string("PUBLIC_SERVICE"),
                "deliveryMode", string("PURCHASE"), "legalBasis", string("《龙港市社区治理条例》第六条"),
                "serviceNature", string("CLEANING"))).text("id");
        complete(task(item, "reviewItem", "governance-admin"), Map.of("reviewDecision", string("APPROVE")));
        complete(task(item, "approveItem", "city-gov-approver"), Map.of("approvalDecision", string("APPROVE")));
        // two contracts for the item; the first one fails twice and is withdrawn
        String failing = start("service-contract", "HT-RTB1-" + suffix, Map.of("itemCode", string(itemCode),
                "budgetFen", fen(12_000_000L))).text("id");
        String running = start("service-contract", "HT-RTB2-" + suffix, Map.of("itemCode", string(itemCode),
                "budgetFen", fen(12_000_000L))).text("id");
        sign(failing, "PA" + suffix);
        sign(running, "PB" + suffix);
        runTimer(failing, "periodicDue");
        complete(task(failing, "communityFeedback", "community-staff"), Map.of("communitySatisfaction",
                string("DISSATISFIED"), "communityFeedback", string("楼道常年不扫")));
        complete(task(failing, "periodicEvaluation", "purchasing-dept"), Map.of("evalScore", integer(50)));
        runTimer(failing, "rectifyOverdue");
        complete(task(failing, "reEvaluation", "purchasing-dept"), Map.of("evalScore", integer(52)));
        complete(task(failing, "approveTermination", "city-gov-approver"),
                Map.of("terminationDecision", string("APPROVE")));

        // P3's off-cycle review: two 差 in two years → REMOVE_AND_TAKE_BACK, which reaches the other contract too
        complete(task(item, "communityFeedback", "community-staff"), Map.of("communityFeedbackNote", string("无")));
        complete(task(item, "scoreNecessity", "governance-admin"), Map.of("necessityScore", integer(80),
                "legalChange", bool(false)));
        assertThat(jdbc.queryForList("select adjustment from gf_procurement_review where item_code = ?", String.class,
                itemCode)).containsExactly("REMOVE_AND_TAKE_BACK");
        assertThat(jdbc.queryForObject("select status from gf_procurement_item where item_code = ?", String.class,
                itemCode)).isEqualTo("REMOVED");
        assertThat(published(itemCode)).as("removed from the public list").isNull();
        complete(task(running, "approveTermination", "city-gov-approver"),
                Map.of("terminationDecision", string("APPROVE")));
        assertThat(variables(running).path("status").path("value").asText()).isEqualTo("TERMINATED_TAKEN_BACK");
        task(running, "interimSelfDelivery", "purchasing-dept");
        assertThat(jdbc.queryForList("select kind from gf_procurement_payment where contract_id = ?", String.class,
                "HT-RTB2-" + suffix)).contains("ADVANCE", "RECOVERY");
    }

    @Test
    void aCatalogueItemAndItsContractRunThroughEngineRestToWithdrawalAndTheItemComesBackRevised() {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        String itemCode = "GS-REST-" + suffix;
        String providerId = "PR" + suffix;

        // §3.3: proposed with the spec's variables, negative list passed, reviewed, approved, published
        Reply proposed = start("service-catalog-item", itemCode, Map.of("itemCode", string(itemCode),
                "itemName", string("垃圾分类督导服务（engine-rest）"), "class", string("PUBLIC_SERVICE"),
                "deliveryMode", string("PURCHASE"), "legalBasis", string("《龙港市社区治理条例》第六条"),
                "serviceNature", string("WASTE_SORTING_SUPERVISION")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        String item = proposed.text("id");
        assertThat(variables(item).path("status").path("value").asText()).isEqualTo("PROPOSED");
        assertThat(variables(item).path("allowed").path("value").asBoolean()).isTrue();
        JsonNode review = task(item, "reviewItem", "governance-admin");
        assertThat(review.path("due").isNull()).as("the review has its 10 working days").isFalse();
        complete(review, Map.of("reviewDecision", string("APPROVE")));
        complete(task(item, "approveItem", "city-gov-approver"), Map.of("approvalDecision", string("APPROVE")));
        assertThat(variables(item).path("status").path("value").asText()).isEqualTo("PUBLISHED");
        assertThat(published(itemCode).path("status").asText()).isEqualTo("PUBLISHED");

        // §3.4: the plan with the item and the budget, checked by finance, the award as the message
        Reply planned = start("service-contract", "HT-REST-" + suffix, Map.of("contractId", string("HT-REST-" + suffix),
                "itemCode", string(itemCode), "budgetFen", fen(40_000_000L)));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        String contract = planned.text("id");
        complete(task(contract, "checkBudget", "finance-reviewer"), Map.of("budgetDecision", string("APPROVE")));
        Reply award = admin().post("/engine-rest/message", Map.of("messageName", "MSG_PROCUREMENT_AWARDED",
                "processInstanceId", contract, "processVariables", Map.of("providerId", string(providerId),
                        "priceFen", fen(40_000_000L))));
        assertThat(award.status()).as(award.body()).isEqualTo(204);

        // P2 over engine-rest: 48 months goes back as TERM_GT_3Y; quality KPIs as the spec's Json
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("serviceItems", string("每日两次小区垃圾分类督导"),
                "qualityKpis", json("[{\"kpi\":\"分类准确率\",\"target\":\"≥90%\"}]"), "termMonths", integer(48),
                "stableContinuous", bool(true), "priceFen", fen(40_000_000L), "paymentMethod",
                string("预付 30%，其余按季度评价结果支付"), "prepayPct", integer(30), "evalCycle", string("R/P3M")));
        complete(task(contract, "draftContract", "purchasing-dept"), draft);
        assertThat(variables(contract).path("termViolations").path("value").asText()).isEqualTo("TERM_GT_3Y");
        draft.put("termMonths", integer(12));
        draft.put("stableContinuous", bool(false));
        complete(task(contract, "draftContract", "purchasing-dept"), draft);
        complete(task(contract, "legalReview", "legal-reviewer"), Map.of("legalDecision", string("APPROVE")));
        complete(task(contract, "signByBuyer", "purchasing-dept"), Map.of("signed", bool(true)));
        complete(task(contract, "signByProvider", "service-provider:" + providerId), Map.of("signed", bool(true)));

        JsonNode signed = variables(contract);
        assertThat(signed.path("status").path("value").asText()).isEqualTo("IN_FORCE");
        assertThat(signed.path("termStart").path("type").asText()).isEqualTo("Date");
        assertThat(signed.path("termEnd").path("type").asText()).isEqualTo("Date");
        assertThat(signed.path("priceFen").path("type").asText()).isEqualTo("Long");
        assertThat(signed.path("paymentPlan").path("type").asText()).isEqualTo("Json");
        assertThat(signed.path("consecutiveFails").path("value").asInt()).isZero();
        assertThat(jdbc.queryForObject("select quality_kpis from gf_procurement_contract where contract_id = ?",
                String.class, "HT-REST-" + suffix)).contains("分类准确率");

        // a quarter: the community's own feedback, then the department's evaluation 58 → 差, 80 % paid, rectify
        runTimer(contract, "periodicDue");
        complete(task(contract, "communityFeedback", "community-staff"), Map.of("communitySatisfaction",
                string("DISSATISFIED"), "communityFeedback", string("督导员经常缺岗")));
        complete(task(contract, "periodicEvaluation", "purchasing-dept"), Map.of("evalScore", integer(58)));
        JsonNode poor = variables(contract);
        assertThat(poor.path("evalGrade").path("value").asText()).isEqualTo("差");
        assertThat(poor.path("payPct").path("value").asInt()).isEqualTo(80);
        assertThat(poor.path("withholdPct").path("value").asInt()).isEqualTo(20);
        assertThat(poor.path("consecutiveFails").path("value").asInt()).isEqualTo(1);
        assertThat(poor.path("rectifyDueAt").path("type").asText()).isEqualTo("Date");
        assertThat(jdbc.queryForList("select community_feedback from gf_procurement_evaluation where contract_id = ?",
                String.class, "HT-REST-" + suffix)).containsExactly("督导员经常缺岗");

        JsonNode rectify = task(contract, "rectify", "service-provider:" + providerId);
        assertThat(rectify.path("due").asText()).isNotBlank();
        complete(rectify, Map.of("rectifyReport", string("已调整排班")));
        runTimer(contract, "awaitRectifyDue");
        complete(task(contract, "reEvaluation", "purchasing-dept"), Map.of("evalScore", integer(55)));
        assertThat(variables(contract).path("consecutiveFails").path("value").asInt()).isEqualTo(2);
        complete(task(contract, "approveTermination", "city-gov-approver"),
                Map.of("terminationDecision", string("APPROVE")));

        JsonNode withdrawn = variables(contract);
        assertThat(withdrawn.path("status").path("value").asText()).isEqualTo("TERMINATED_TAKEN_BACK");
        assertThat(withdrawn.path("restrictedUntil").path("type").asText()).isEqualTo("Date");
        task(contract, "interimSelfDelivery", "purchasing-dept");
        assertThat(jdbc.queryForList("select kind from gf_procurement_payment where contract_id = ? order by created_at",
                String.class, "HT-REST-" + suffix)).contains("ADVANCE", "INSTALMENT", "RECOVERY");
        assertThat(published(itemCode).path("status").asText()).as("the public list shows the suspension")
                .isEqualTo("SUSPENDED");

        // SIG_CATALOG_REVIEW started the off-cycle review of this item; a change of legal basis (first row of
        // catalog-adjustment) revises it, and the revised item is published again
        complete(task(item, "communityFeedback", "community-staff"),
                Map.of("communityFeedbackNote", string("居民希望继续提供督导服务")));
        complete(task(item, "scoreNecessity", "governance-admin"), Map.of("necessityScore", integer(80),
                "legalChange", bool(true)));
        JsonNode reviewed = variables(item);
        assertThat(reviewed.path("adjustment").path("value").asText()).isEqualTo("ADJUST");
        assertThat(reviewed.path("poorGradesLast2Years").path("value").asInt()).isEqualTo(2);
        assertThat(reviewed.path("lastGrades").path("type").asText()).isEqualTo("Json");
        complete(task(item, "reviseItem", "governance-admin"), Map.of("itemName", string("垃圾分类督导服务（修订）"),
                "legalBasis", string("《龙港市生活垃圾分类管理办法》")));
        assertThat(variables(item).path("status").path("value").asText()).isEqualTo("PUBLISHED");
        JsonNode back = published(itemCode);
        assertThat(back.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(back.path("itemName").asText()).isEqualTo("垃圾分类督导服务（修订）");
    }
}
