package cn.gridflow.procurement;

import static cn.gridflow.support.Scenario.complete;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 政府购买服务 through the app with real security: a department proposes an item, it is reviewed, approved and
 * published as a new catalogue version; a contract is planned, awarded, drafted with the clauses of art. 7, signed,
 * evaluated and paid. Bad input is refused with a message naming the problem, and nothing is stored.
 */
@GridFlowTest
class ProcurementHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    ContractPayments contractPayments;

    @Autowired
    JdbcTemplate jdbc;

    private AppClient login(String user) {
        return AppClient.login(port, user, "demo");
    }

    private static Map<String, Object> item(String name, String nature) {
        return Map.of("itemName", name, "itemClass", "PUBLIC_SERVICE", "deliveryMode", "PURCHASE",
                "legalBasis", "《龙港市社区治理条例》第六条", "serviceNature", nature);
    }

    private static String openTask(AppClient user, String contractId, String key) {
        AppClient.Reply reply = user.get("/api/procurement/contracts/" + contractId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode view = reply.json();
        for (JsonNode task : view.path("tasks")) {
            if (task.path("taskDefinitionKey").asText().equals(key)) {
                assertThat(task.path("mine").asBoolean()).as("%s may act on %s", "caller", key).isTrue();
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no open task " + key + " in " + view.path("tasks"));
    }

    private static String itemTask(AppClient user, String itemCode, String taskName) {
        JsonNode page = user.get("/api/tasks?filter=all&size=200&processKey=service-catalog-item").json();
        for (JsonNode t : page.path("items")) {
            if (t.path("name").asText().equals(taskName) && itemCode.equals(t.path("businessKey").asText())) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no task " + taskName + " for " + itemCode + " in " + page);
    }

    /** Proposed by buyer01, reviewed by govadmin, approved by citygov01. */
    private String publishedItem(String name) {
        AppClient buyer = login("buyer01");
        AppClient.Reply proposed = buyer.post("/api/procurement/catalog/items", item(name, "ELDERLY_CARE"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String code = proposed.text("itemCode");
        assertThat(proposed.text("status")).isEqualTo("PROPOSED");
        AppClient govadmin = login("govadmin");
        complete(govadmin, itemTask(govadmin, code, "主管部门审核"), Map.of("reviewDecision", "APPROVE"));
        AppClient citygov = login("citygov01");
        complete(citygov, itemTask(citygov, code, "市政府审批"), Map.of("approvalDecision", "APPROVE"));
        return code;
    }

    @Test
    void aProposedItemIsPublishedAsANewCatalogueVersionThatAnyoneCanRead() {
        AppClient anonymous = AppClient.anonymous(port);
        JsonNode before = anonymous.get("/api/procurement/public/catalog").json();
        int versionBefore = before.path("version").asInt(0);

        String code = publishedItem("社区心理疏导服务");

        JsonNode after = anonymous.get("/api/procurement/public/catalog").json();
        assertThat(after.path("version").asInt()).isGreaterThan(versionBefore);
        assertThat(after.path("items").findValuesAsText("itemCode")).contains(code);
        JsonNode version = login("govadmin").get("/api/procurement/catalog/publications/"
                + after.path("version").asInt()).json();
        assertThat(version.path("previousVersion").asInt()).isEqualTo(after.path("version").asInt() - 1);
        assertThat(version.path("diff").path("added").findValuesAsText("itemCode")).contains(code);
        assertThat(version.path("diff").path("removed")).isEmpty();
        JsonNode detail = login("buyer01").get("/api/procurement/catalog/items/" + code).json();
        assertThat(detail.path("item").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(detail.path("timeline").findValuesAsText("activityId"))
                .containsSubsequence("reviewItem", "approveItem", "publishCatalog");
        assertThat(detail.path("timeline").findValuesAsText("userId")).contains("govadmin", "citygov01");
        for (JsonNode step : detail.path("timeline")) {
            if (step.path("activityId").asText().equals("approveItem")) {
                assertThat(step.path("userName").asText()).as("the holder by name").isEqualTo("于诚");
            }
            if (step.path("activityId").asText().equals("publishCatalog")) {
                assertThat(step.path("userName").isNull()).as("a system step has no holder").isTrue();
            }
        }
        assertThat(detail.path("tasks")).as("waiting for the yearly review: no open step").isEmpty();
        assertThat(login("buyer01").get("/api/procurement/catalog/items/" + code + "/diagram").json()
                .path("activeActivityIds").toString()).contains("awaitReview");
        // the earlier version is kept as it was
        if (versionBefore > 0) {
            JsonNode old = login("govadmin").get("/api/procurement/catalog/publications/" + versionBefore).json();
            assertThat(old.path("items").findValuesAsText("itemCode")).doesNotContain(code);
        }
    }

    @Test
    void p5AnAdministrativeLicenceReviewIsRejectedByTheNegativeList() {
        AppClient.Reply proposed = login("buyer01").post("/api/procurement/catalog/items",
                item("行政许可材料初审外包", "ADMIN_LICENSING"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.text("status")).isEqualTo("REJECTED_NEGATIVE_LIST");
        assertThat(proposed.text("statusReason")).isEqualTo("行政许可事项属于负面清单，不得购买");
    }

    @Test
    void anIncompleteProposalIsRefusedInChineseAndEnglishAndNothingIsStored() {
        Long before = jdbc.queryForObject("select count(*) from gf_procurement_item", Long.class);
        Map<String, Object> bad = new HashMap<>(item("", "ELDERLY_CARE"));
        bad.put("itemClass", "GOODS");
        AppClient.Reply zh = login("buyer01").post("/api/procurement/catalog/items", bad);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.text("message")).contains("缺少事项名称").contains("事项类别须为公共服务");
        assertThat(zh.json().path("fieldErrors").findValuesAsText("field")).containsExactly("itemName", "itemClass");
        AppClient.Reply en = login("buyer01").inEnglish().post("/api/procurement/catalog/items", bad);
        assertThat(en.text("message")).contains("The item name is missing");
        assertThat(jdbc.queryForObject("select count(*) from gf_procurement_item", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyProcurementRolesSeeTheCatalogueAndOnlyBuyersPropose() {
        assertThat(AppClient.anonymous(port).get("/api/procurement/catalog/items").status()).isEqualTo(401);
        assertThat(login("grid0101").get("/api/procurement/catalog/items").status()).isEqualTo(403);
        assertThat(login("finance01").post("/api/procurement/catalog/items", item("X", "ELDERLY_CARE")).status())
                .isEqualTo(403);
        assertThat(login("finance01").get("/api/procurement/catalog/items").status()).isEqualTo(200);
    }

    @Test
    void aContractIsPlannedAwardedDraftedSignedEvaluatedAndPaidInFen() {
        String code = publishedItem("社区助浴服务");
        AppClient buyer = login("buyer01");
        Long contractsBefore = jdbc.queryForObject("select count(*) from gf_procurement_contract", Long.class);

        AppClient.Reply negative = buyer.post("/api/procurement/contracts", Map.of("itemCode", code, "budgetFen", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text("message")).contains("预算金额不能为负数");
        AppClient.Reply unpublished = buyer.post("/api/procurement/contracts",
                Map.of("itemCode", "GS-NONE", "budgetFen", 100));
        assertThat(unpublished.status()).isEqualTo(400);
        assertThat(unpublished.text("message")).contains("GS-NONE").contains("未处于公布状态");
        assertThat(jdbc.queryForObject("select count(*) from gf_procurement_contract", Long.class))
                .isEqualTo(contractsBefore);

        AppClient.Reply unknownCommunity = buyer.post("/api/procurement/contracts",
                Map.of("itemCode", code, "budgetFen", 60_000_000L, "communityId", "C99"));
        assertThat(unknownCommunity.status()).isEqualTo(400);
        assertThat(unknownCommunity.text("message")).contains("社区 C99 不存在");
        assertThat(jdbc.queryForObject("select count(*) from gf_procurement_contract", Long.class))
                .isEqualTo(contractsBefore);

        AppClient.Reply planned = buyer.post("/api/procurement/contracts",
                Map.of("itemCode", code, "budgetFen", 60_000_000L, "communityId", "C01"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String id = planned.text("contractId");
        AppClient finance = login("finance01");
        complete(finance, openTask(finance, id, "checkBudget"), Map.of("budgetDecision", "APPROVE"));

        AppClient.Reply badAward = buyer.post("/api/procurement/contracts/" + id + "/award",
                Map.of("providerId", "P001", "priceFen", -500));
        assertThat(badAward.status()).isEqualTo(400);
        assertThat(badAward.text("message")).contains("服务价格须为正数");
        AppClient.Reply award = buyer.post("/api/procurement/contracts/" + id + "/award",
                Map.of("providerId", "P001", "priceFen", 60_000_000L));
        assertThat(award.status()).as(award.body()).isEqualTo(200);
        assertThat(award.text("status")).isEqualTo("DRAFTING");
        AppClient.Reply again = buyer.post("/api/procurement/contracts/" + id + "/award",
                Map.of("providerId", "P002", "priceFen", 50_000_000L));
        assertThat(again.status()).as("the award arrives once").isEqualTo(409);

        Map<String, Object> draft = new HashMap<>(Map.of("serviceItems", "每周两次上门助浴", "qualityKpis", "满意度≥90%",
                "termMonths", 48, "stableContinuous", true, "priceFen", 60_000_000L, "prepayPct", 30,
                "evalCycle", "R/P3M"));
        AppClient.Reply missingClause = buyer.post("/api/procurement/contracts/" + id + "/draft", draft);
        assertThat(missingClause.status()).isEqualTo(400);
        assertThat(missingClause.text("message")).contains("资金支付方式").contains("不得超过 36 个月");
        assertThat(missingClause.json().path("fieldErrors").findValuesAsText("field"))
                .containsExactly("termMonths", "paymentMethod");
        AppClient.Reply english = login("buyer01").inEnglish().post("/api/procurement/contracts/" + id + "/draft", draft);
        assertThat(english.text("message")).contains("payment method").contains("may not exceed 36 months");
        JsonNode unchanged = buyer.get("/api/procurement/contracts/" + id).json();
        assertThat(unchanged.path("contract").path("serviceItems").isNull()).isTrue();
        assertThat(unchanged.path("tasks").findValuesAsText("taskDefinitionKey")).containsExactly("draftContract");

        draft.put("termMonths", 12);
        draft.put("stableContinuous", false);
        draft.put("paymentMethod", "预付 30%，其余按季度评价结果支付");
        AppClient.Reply drafted = buyer.post("/api/procurement/contracts/" + id + "/draft", draft);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        AppClient legal = login("legal01");
        complete(legal, openTask(legal, id, "legalReview"), Map.of("legalDecision", "APPROVE"));
        complete(buyer, openTask(buyer, id, "signByBuyer"), Map.of("signed", true));
        AppClient provider = login("provider01");
        complete(provider, openTask(provider, id, "signByProvider"), Map.of("signed", true));

        JsonNode signed = buyer.get("/api/procurement/contracts/" + id).json();
        assertThat(signed.path("contract").path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(signed.path("contract").path("instalments").asInt()).isEqualTo(4);
        assertThat(signed.path("payments").findValuesAsText("kind")).containsExactly("ADVANCE");
        assertThat(signed.path("totals").path("paidFen").asLong()).isEqualTo(18_000_000L);

        // the first quarter comes round
        String processInstanceId = signed.path("contract").path("processInstanceId").asText();
        Job quarter = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("periodicDue").singleResult();
        managementService.executeJob(quarter.getId());

        // the community served gives its feedback first: cstaff01 of C01, not cstaff02 of C02
        assertThat(buyer.get("/api/procurement/contracts/" + id).json().path("tasks")
                .findValuesAsText("taskDefinitionKey")).containsExactly("communityFeedback");
        AppClient otherCommunity = login("cstaff02");
        assertThat(otherCommunity.get("/api/procurement/contracts/" + id).json().path("tasks").get(0)
                .path("mine").asBoolean()).isFalse();
        AppClient community = login("cstaff01");
        complete(community, openTask(community, id, "communityFeedback"),
                Map.of("communitySatisfaction", "BASIC", "communityFeedback", "助浴时间不够稳定"));

        AppClient.Reply outOfRange = buyer.post("/api/procurement/contracts/" + id + "/evaluations",
                Map.of("evalScore", 101));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.text("message")).contains("评分须在 0 至 100 之间");
        AppClient.Reply throughTaskList = buyer.post("/api/tasks/" + openTask(buyer, id, "periodicEvaluation")
                + "/complete", Map.of("variables", Map.of("evalScore", -3)));
        assertThat(throughTaskList.status()).as("the task form is checked on the server too").isEqualTo(400);
        assertThat(buyer.get("/api/procurement/contracts/" + id).json().path("evaluations")).isEmpty();

        AppClient.Reply evaluated = buyer.post("/api/procurement/contracts/" + id + "/evaluations",
                Map.of("evalScore", 58, "evalNote", "督导频次不足"));
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        JsonNode view = evaluated.json();
        assertThat(view.path("evaluations").findValuesAsText("grade")).containsExactly("差");
        assertThat(view.path("evaluations").get(0).path("communityFeedback").asText()).isEqualTo("助浴时间不够稳定");
        assertThat(view.path("evaluations").get(0).path("communitySatisfaction").asText()).isEqualTo("BASIC");
        assertThat(view.path("evaluations").get(0).path("payPct").asInt()).isEqualTo(80);
        List<String> kinds = view.path("payments").findValuesAsText("kind");
        assertThat(kinds).containsExactly("ADVANCE", "INSTALMENT");
        // instalment 1 of 4 is 42,000,000 / 4 = 10,500,000 fen; at 80% 8,400,000 is paid and 2,100,000 withheld
        JsonNode instalment = view.path("payments").get(1);
        assertThat(instalment.path("baseFen").asLong()).isEqualTo(10_500_000L);
        assertThat(instalment.path("amountFen").asLong()).isEqualTo(8_400_000L);
        assertThat(view.path("totals").path("paidFen").asLong()).isEqualTo(26_400_000L);
        assertThat(view.path("totals").path("withheldFen").asLong()).isEqualTo(2_100_000L);
        assertThat(view.path("tasks").findValuesAsText("taskDefinitionKey")).contains("rectify");
        assertThat(view.path("timeline").findValuesAsText("activityId")).contains("signByProvider", "payInstalment");

        // a payment job that runs a second time (another node, a retry) pays nothing more
        Contracts.Payment second = contractPayments.payInstalment(id, 1, 80);
        assertThat(second.id()).isEqualTo(instalment.path("id").asText());
        assertThat(jdbc.queryForObject("select count(*) from gf_procurement_payment where contract_id = ?",
                Long.class, id)).isEqualTo(2);
        assertThat(buyer.get("/api/procurement/contracts/" + id).json().path("totals").path("paidFen").asLong())
                .isEqualTo(26_400_000L);

        JsonNode diagram = buyer.get("/api/procurement/contracts/" + id + "/diagram").json();
        assertThat(diagram.path("xml").asText()).contains("service-contract");
        assertThat(diagram.path("activeActivityIds").toString()).contains("rectify").contains("awaitTermEnd");

        // the provider's own page: this contract with its grade, its payments and the rectification due
        JsonNode mine = provider.get("/api/procurement/provider/contracts?size=200").json();
        JsonNode row = null;
        for (JsonNode r : mine.path("items")) {
            assertThat(r.path("contract").path("providerId").asText()).as("only P001's contracts").isEqualTo("P001");
            if (r.path("contract").path("contractId").asText().equals(id)) {
                row = r;
            }
        }
        assertThat(row).as("contract " + id + " on provider01's page").isNotNull();
        assertThat(row.path("evaluations").findValuesAsText("grade")).containsExactly("差");
        assertThat(row.path("totals").path("paidFen").asLong()).isEqualTo(26_400_000L);
        assertThat(row.path("totals").path("withheldFen").asLong()).isEqualTo(2_100_000L);
        assertThat(row.path("tasks").findValuesAsText("taskDefinitionKey")).containsExactly("rectify");
        assertThat(row.path("tasks").get(0).path("due").asText()).isNotBlank();
        assertThat(row.path("tasks").get(0).path("mine").asBoolean()).isTrue();
    }

    /** Planned by buyer01, budget confirmed, awarded to the provider: the draft is next. */
    private String awardedTo(String itemCode, String providerId) {
        AppClient buyer = login("buyer01");
        String id = buyer.post("/api/procurement/contracts", Map.of("itemCode", itemCode, "budgetFen", 1_000_000L))
                .text("contractId");
        AppClient finance = login("finance01");
        complete(finance, openTask(finance, id, "checkBudget"), Map.of("budgetDecision", "APPROVE"));
        AppClient.Reply award = buyer.post("/api/procurement/contracts/" + id + "/award",
                Map.of("providerId", providerId, "priceFen", 1_000_000L));
        assertThat(award.status()).as(award.body()).isEqualTo(200);
        return id;
    }

    @Test
    void aProviderSeesOnlyItsOwnContracts() {
        String code = publishedItem("社区助餐配送服务");
        String own = awardedTo(code, "P001");
        String other = awardedTo(code, "P777");

        AppClient provider = login("provider01");
        assertThat(provider.get("/api/procurement/contracts/" + other).status()).isEqualTo(403);
        assertThat(provider.get("/api/procurement/contracts/" + other + "/diagram").status()).isEqualTo(403);
        assertThat(provider.get("/api/procurement/contracts/" + own).status()).isEqualTo(200);
        JsonNode list = provider.get("/api/procurement/contracts?size=200").json();
        assertThat(list.path("items").findValuesAsText("providerId")).containsOnly("P001");
        assertThat(list.path("items").findValuesAsText("contractId")).contains(own).doesNotContain(other);
        JsonNode page = provider.get("/api/procurement/provider/contracts?size=200").json();
        assertThat(page.path("items").findValuesAsText("contractId")).contains(own).doesNotContain(other);
        assertThat(login("buyer01").get("/api/procurement/provider/contracts").status())
                .as("a buyer is no provider").isEqualTo(403);
    }
}
