package cn.gridflow.hoa;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.AppClient.Reply;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 业财代理 engaged by a decision (domain-spec §2.6) on the demo estate EST01: a filed APPOINT_FIN_AGENT resolution
 * starts hoa-fund-agency once; its page shows the monthly statement with both confirmations, the publication and the
 * community's review; a decision's payment steps appear on its record; the property company is told of resolutions.
 */
@GridFlowTest
class HoaAgencyHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HoaAgency hoaAgency;

    @Autowired
    TransactionTemplate tx;

    private AppClient login(String user) {
        return AppClient.login(port, user, "demo");
    }

    private String pidOf(String matterId) {
        return jdbc.queryForObject("select proc_inst_id from gf_hoa_matter where id = ?", String.class, matterId);
    }

    private void runTimer(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private static Map<String, Object> ballot(String unitId, String choice) {
        Map<String, Object> b = new HashMap<>();
        b.put("unitId", unitId);
        b.put("choice", choice);
        return b;
    }

    /** A decision of the given type through 三审 with 24 of 31 owners voting yes, its resolution filed. */
    private String passedAndFiled(String matterType, Long budgetFen, String title) {
        AppClient chair = login("hoachair01");
        Map<String, Object> vars = new HashMap<>(Map.of("title", title, "matterType", matterType,
                "proposalText", "议案", "assemblyMode", "GENERAL"));
        if (budgetFen != null) {
            vars.put("budgetFen", budgetFen);
            vars.put("fundSource", "COMMON_INCOME");
        }
        Reply started = chair.post("/api/processes/hoa-major-decision/start", Map.of("variables", vars));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String matterId = null;
        for (JsonNode item : chair.get("/api/hoa/matters?size=100").json().path("items")) {
            if (item.path("title").asText().equals(title)) {
                matterId = item.path("id").asText();
            }
        }
        assertThat(matterId).isNotNull();
        complete(chair, taskId(chair, "发布业委会会议通知", title), Map.of("committeeMeetingAt",
                LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(7).plusHours(1).withSecond(0).withNano(0)
                        .toString(), "meetingPlace", "物业活动室"));
        runTimer(pidOf(matterId), "waitCommitteeMeeting");
        complete(chair, taskId(chair, "审1：业委会审议", title), Map.of("membersPresent", 6, "membersFor", 5,
                "committeeMinutes", "纪要"));
        AppClient party = login("party01");
        complete(party, taskId(party, "审2：党组织审核", title), Map.of("partyDecision", "APPROVE", "partyOpinion", "同意"));
        runTimer(pidOf(matterId), "waitVoteOpen");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            batch.add(ballot("EST01-" + (i <= 15 ? "1" : "2") + "-" + (100 + i), "YES"));
        }
        Reply imported = chair.post("/api/hoa/matters/" + matterId + "/ballots/import", Map.of("ballots", batch));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        runTimer(pidOf(matterId), "voteClosed");
        AppClient filing = login("filing01");
        complete(filing, taskId(filing, "一备案：决议备案", title), Map.of("filingOutcome", "ACCEPTED"));
        return matterId;
    }

    private long agencies(String matterId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("hoa-fund-agency")
                .processInstanceBusinessKey(HoaAgency.businessKey(matterId)).count();
    }

    @Test
    void aFiledAppointmentStartsOneAgencyWhoseMonthlyStatementIsConfirmedPublishedAndReviewedOnItsPage() {
        String title = uniqueText("聘请业财代理");
        long fee = 1_200_000L; // ¥12,000 a year, from the common income
        String matterId = passedAndFiled("APPOINT_FIN_AGENT", fee, title);
        assertThat(agencies(matterId)).isEqualTo(1);
        AppClient chair = login("hoachair01");

        // The fee is paid through hoa-fund-payment; its own steps are on the decision's record.
        AppClient member = login("hoamember01");
        AppClient agent = login("finagent01");
        complete(chair, taskId(chair, "业委会主任审批", title), Map.of("approved", true));
        complete(member, taskId(member, "业委会委员审批", title), Map.of("approved", true));
        complete(agent, taskId(agent, "代理机构执行支付", title), Map.of("paymentRef", "BANK-0001"));
        JsonNode decision = chair.get("/api/hoa/matters/" + matterId).json();
        List<String> paymentSteps = new ArrayList<>();
        decision.path("timeline").forEach(e -> {
            if ("hoa-fund-payment".equals(e.path("process").asText())) {
                paymentSteps.add(e.path("kind").asText() + " " + e.path("activityName").asText());
            }
        });
        assertThat(paymentSteps).contains("TASK_COMPLETED 业委会主任审批", "TASK_COMPLETED 业委会委员审批",
                "TASK_COMPLETED 代理机构执行支付", "STEP 登记付款", "END 已支付");
        assertThat(decision.path("timeline").findValuesAsText("activityName")).contains("启动业财代理聘请");
        // The vote's subprocess opens and closes inside the decision: steps, not a second start or an end.
        List<String> ownSteps = new ArrayList<>();
        decision.path("timeline").forEach(e -> {
            if (e.path("process").isNull()) {
                ownSteps.add(e.path("kind").asText() + " " + e.path("activityName").asText());
            }
        });
        assertThat(ownSteps.stream().filter(s -> s.startsWith("START "))).hasSize(1);
        assertThat(ownSteps).contains("STEP 开始表决", "STEP 计票完成")
                .containsSubsequence("STEP 公开1：公示表决方案", "STEP 公示期满", "STEP 开放投票");

        // 物业服务企业 (informed): told of the resolution of its estate; sees the estate's notices.
        AppClient property = login("property01");
        JsonNode told = property.get("/api/notifications?size=50&text=" + matterId).json().path("items");
        assertThat(told.findValuesAsText("kind")).contains("HOA_RESOLUTION");
        assertThat(property.get("/api/hoa/publications?matterId=" + matterId).json().path("total").asLong())
                .isGreaterThanOrEqualTo(3);
        assertThat(property.get("/api/me").json().path("menus").toString()).contains("\"hoa\"");
        String agencyId = decision.path("agencyId").asText();
        assertThat(agencyId).isEqualTo("AGENCY-" + matterId);

        // The step running again (a retried job) starts nothing more.
        DelegateExecution again = mock(DelegateExecution.class);
        when(again.getVariable("matterId")).thenReturn(matterId);
        when(again.getVariable("propertyAreaId")).thenReturn("EST01");
        when(again.getVariable("resolutionNo")).thenReturn(decision.path("variables").path("resolutionNo").asText());
        tx.executeWithoutResult(s -> hoaAgency.engage(again));
        assertThat(agencies(matterId)).isEqualTo(1);
        // … and the chair cannot engage a second agent under the same resolution by hand.
        Reply byHand = chair.post("/api/processes/hoa-fund-agency/start", Map.of("variables", Map.of(
                "resolutionNo", decision.path("variables").path("resolutionNo").asText(), "agentName", "另一家事务所")));
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.text("message")).isEqualTo("该决议已经聘请业财代理，不能重复聘请。");

        // Contract signed and filed; the first monthly statement.
        complete(chair, taskId(chair, "签订代理合同", title), Map.of("agentName", "龙港信诚会计师事务所",
                "contractNo", "HT-2026-01", "monthlyFeeFen", 100_000));
        AppClient filing = login("filing01");
        complete(filing, taskId(filing, "代理合同备案", title), Map.of("filingOutcome", "ACCEPTED"));
        String pid = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(agencyId).singleResult().getId();
        JsonNode inForce = chair.get("/api/hoa/agencies/" + agencyId).json();
        assertThat(inForce.path("agency").path("state").asText()).isEqualTo("IN_FORCE");
        assertThat(inForce.path("statements")).isEmpty();
        JsonNode budget = null;
        for (JsonNode b : inForce.path("budgets")) {
            if (b.path("matterId").asText().equals(matterId)) {
                budget = b;
            }
        }
        assertThat(budget).as("budget of " + matterId).isNotNull();
        assertThat(budget.path("budgetFen").asLong()).isEqualTo(fee);
        assertThat(budget.path("paidFen").asLong()).isEqualTo(fee);
        assertThat(budget.path("remainingFen").asLong()).isZero();
        assertThat(budget.path("payments").get(0).path("paymentRef").asText()).isEqualTo("BANK-0001");

        runTimer(pid, "monthlyStatement");

        complete(agent, taskId(agent, "记账并出具月度报表", title), Map.of("statementPeriod", "2026-03",
                "incomeFen", 1_250_000, "expenseFen", 830_000, "statementText", "3月收支明细"));
        complete(chair, taskId(chair, "业委会确认", title), Map.of("approved", true));
        JsonNode halfway = chair.get("/api/hoa/agencies/" + agencyId).json().path("statements").get(0);
        assertThat(halfway.path("period").asText()).isEqualTo("2026-03");
        assertThat(halfway.path("chair").path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(halfway.path("supervisor").path("state").asText()).isEqualTo("PENDING");
        assertThat(halfway.path("publishedAt").isNull()).isTrue();
        AppClient supervisor = login("hoasuper01");
        complete(supervisor, taskId(supervisor, "监督委员会确认", title), Map.of("approved", true));
        AppClient staff = login("cstaff01");
        complete(staff, taskId(staff, "社区审查", title), Map.of("reviewOutcome", "ANOMALY", "reviewNote", "缺发票"));

        // An owner of the estate sees the same page; another estate's owner does not.
        JsonNode seen = login("owner05").get("/api/hoa/agencies/" + agencyId).json();
        JsonNode statement = seen.path("statements").get(0);
        assertThat(statement.path("incomeFen").asLong()).isEqualTo(1_250_000);
        assertThat(statement.path("expenseFen").asLong()).isEqualTo(830_000);
        assertThat(statement.path("supervisor").path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(statement.path("supervisor").path("by").asText()).isEqualTo("hoasuper01");
        assertThat(statement.path("publishedAt").isNull()).isFalse();
        assertThat(statement.path("review").path("state").asText()).isEqualTo("ANOMALY");
        assertThat(statement.path("review").path("note").asText()).isEqualTo("缺发票");
        assertThat(statement.path("rectification").path("state").asText()).isEqualTo("PENDING");
        assertThat(login("owner05").get("/api/hoa/agencies").json().findValuesAsText("id")).contains(agencyId);
        AppClient otherEstate = login("owner31");
        assertThat(otherEstate.get("/api/hoa/agencies").json().findValuesAsText("id")).doesNotContain(agencyId);
        assertThat(otherEstate.get("/api/hoa/agencies/" + agencyId).status()).isEqualTo(404);
    }
}
