package cn.gridflow.hoa;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.AppClient.Reply;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 三审两公开一备案 through the app with real security on the demo estate 华中花园 (EST01: 36 units, 30 owners, 4
 * unsold developer units): proposal → committee → party → publication → ballots (own, paper, import) → tally →
 * resolution → filing (returned, then accepted) → payment with dual approval. Timers are run as the job executor
 * would, when they are due; everything else goes through HTTP.
 */
@GridFlowTest
class HoaDecisionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    private static final long BUDGET = 12_000_000L; // ¥120,000

    private AppClient login(String user) {
        return AppClient.login(port, user, "demo");
    }

    private String propose(AppClient chair, String title) {
        Reply started = chair.post("/api/processes/hoa-major-decision/start", Map.of("variables", Map.of(
                "title", title, "matterType", "USE_MAINTENANCE_FUND", "proposalText", "3幢电梯更新，使用专项维修资金",
                "budgetFen", BUDGET, "fundSource", "MAINTENANCE_FUND", "assemblyMode", "GENERAL")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return matterByTitle(chair, title).path("id").asText();
    }

    private JsonNode matterByTitle(AppClient user, String title) {
        for (JsonNode item : user.get("/api/hoa/matters?size=100").json().path("items")) {
            if (item.path("title").asText().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("no matter " + title);
    }

    private JsonNode detail(AppClient user, String matterId) {
        Reply reply = user.get("/api/hoa/matters/" + matterId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void runTimer(String matterId, String activityId) {
        String pid = jdbc.queryForObject("select proc_inst_id from gf_hoa_matter where id = ?", String.class, matterId);
        Job job = managementService.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private int ballotsStored(String matterId) {
        return jdbc.queryForObject("select count(*) from gf_hoa_ballot where matter_id = ?", Integer.class, matterId);
    }

    private static Map<String, Object> ballot(String key, Object value, String choice) {
        Map<String, Object> b = new HashMap<>();
        b.put(key, value);
        b.put("choice", choice);
        return b;
    }

    /**
     * 审1 at a meeting announced 8 days ahead (local time in the city's zone, as the form's date picker sends it);
     * the meeting-date timer is run as the job executor would run it on that day.
     */
    private void deliberate(AppClient chair, String matterId, String title, int present, int inFavour) {
        String meetingAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(8)
                .withSecond(0).withNano(0).toString();
        complete(chair, taskId(chair, "发布业委会会议通知", title), Map.of("committeeMeetingAt", meetingAt,
                "meetingPlace", "物业活动室"));
        runTimer(matterId, "waitCommitteeMeeting");
        complete(chair, taskId(chair, "审1：业委会审议", title), Map.of("membersPresent", present,
                "membersFor", inFavour, "committeeMinutes", "第 12 次业委会会议"));
    }

    /** Committee (5 of 7 present, 4 in favour) and party approval: the proposal is published, voting not yet open. */
    private String proposedAndApproved(String title) {
        AppClient chair = login("hoachair01");
        String matterId = propose(chair, title);
        assertThat(matterId).startsWith("HOA-");
        deliberate(chair, matterId, title, 5, 4);
        AppClient party = login("party01");
        complete(party, taskId(party, "审2：党组织审核", title), Map.of("partyDecision", "APPROVE",
                "partyOpinion", "同意"));
        return matterId;
    }

    @Test
    void fromProposalToFilingAndPaymentWithEveryRefusalLeavingNothingBehind() {
        String title = uniqueText("3幢电梯更新");
        String matterId = proposedAndApproved(title);
        AppClient chair = login("hoachair01");
        AppClient owner03 = login("owner03");

        JsonNode waiting = detail(chair, matterId);
        assertThat(waiting.path("activeActivityIds").toString()).contains("waitVoteOpen");
        assertThat(waiting.path("variables").path("committeePassed").asBoolean()).isTrue();
        assertThat(waiting.path("variables").path("membersTotal").asInt()).isEqualTo(7);
        assertThat(waiting.path("diagramXml").asText()).contains("hoa-major-decision");

        // 公开1 is listed for the estate's owners, not for another estate's.
        assertThat(owner03.get("/api/hoa/publications?matterId=" + matterId).json().path("items").get(0)
                .path("kind").asText()).isEqualTo("PROPOSAL");
        AppClient otherEstate = login("owner31");
        assertThat(otherEstate.get("/api/hoa/publications?matterId=" + matterId).json().path("total").asLong()).isZero();
        assertThat(otherEstate.get("/api/hoa/matters/" + matterId).status()).isEqualTo(404);

        // Voting has not opened yet.
        Reply early = owner03.post("/api/hoa/matters/" + matterId + "/ballots", Map.of("choice", "YES"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("message")).isEqualTo("本事项当前不在投票期内。");
        runTimer(matterId, "waitVoteOpen");

        // An owner votes once; a second ballot is refused, not replaced.
        assertThat(owner03.post("/api/hoa/matters/" + matterId + "/ballots", Map.of("choice", "YES")).status())
                .isEqualTo(201);
        Reply again = owner03.post("/api/hoa/matters/" + matterId + "/ballots", Map.of("choice", "NO"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains("owner03").contains("不能替换");
        assertThat(owner03.post("/api/hoa/matters/" + matterId + "/ballots",
                Map.of("ownerId", "owner04", "choice", "YES")).status()).isEqualTo(403);

        // Refused paper ballots, in both languages, change nothing.
        int before = ballotsStored(matterId);
        Reply stranger = chair.post("/api/hoa/matters/" + matterId + "/ballots", ballot("ownerId", "owner31", "YES"));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("第 1 张选票：不是本小区的业主或专有部分。");
        Map<String, Object> negative = ballot("unitId", "EST01-1-105", "YES");
        negative.put("areaCenti", -9_750);
        Reply negativeArea = login("hoachair01").inEnglish().post("/api/hoa/matters/" + matterId + "/ballots", negative);
        assertThat(negativeArea.status()).isEqualTo(400);
        assertThat(negativeArea.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("Ballot 1: the area must be greater than zero.");
        assertThat(ballotsStored(matterId)).isEqualTo(before);

        // An import is all or nothing: one owner who already voted spoils the whole batch.
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            if (i != 3) {
                batch.add(ballot("unitId", "EST01-" + (i <= 15 ? "1" : "2") + "-" + (100 + i), i <= 20 ? "YES" : "NO"));
            }
        }
        batch.add(ballot("unitId", "EST01-3-301", "NO")); // the developer's unsold units vote as one owner
        List<Map<String, Object>> spoiled = new ArrayList<>(batch);
        spoiled.add(ballot("ownerId", "owner03", "NO"));
        Reply refusedImport = chair.post("/api/hoa/matters/" + matterId + "/ballots/import", Map.of("ballots", spoiled));
        assertThat(refusedImport.status()).isEqualTo(409);
        assertThat(ballotsStored(matterId)).isEqualTo(before);
        Reply imported = chair.post("/api/hoa/matters/" + matterId + "/ballots/import", Map.of("ballots", batch));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("recorded").asInt()).isEqualTo(25);

        // Voting closes: 26 of 31 owners (30 buyers + the developer); 19 imported yes + owner03 = 20 yes.
        runTimer(matterId, "voteClosed");
        JsonNode counted = detail(chair, matterId);
        JsonNode round = counted.path("rounds").get(0);
        assertThat(round.path("status").asText()).isEqualTo("CLOSED");
        assertThat(round.path("totalOwnerCount").asLong()).isEqualTo(31);
        assertThat(round.path("participatingCount").asLong()).isEqualTo(26);
        assertThat(round.path("yesCount").asLong()).isEqualTo(20);
        assertThat(round.path("quorumMet").asBoolean()).isTrue();
        assertThat(round.path("passed").asBoolean()).isTrue();
        assertThat(counted.path("variables").path("resolutionNo").asText()).startsWith("JY-");
        assertThat(counted.path("publications").toString()).contains("RESOLUTION").contains("业主大会决议公告");
        assertThat(login("owner10").post("/api/hoa/matters/" + matterId + "/ballots", Map.of("choice", "YES")).status())
                .isEqualTo(409);
        List<JsonNode> ballots = new ArrayList<>();
        chair.get("/api/hoa/matters/" + matterId + "/ballots?round=1").json().forEach(ballots::add);
        assertThat(ballots).hasSize(26);
        assertThat(ballots).anyMatch(b -> b.path("voterKey").asText().equals("DEVELOPER")
                && b.path("areaCenti").asLong() == 44_000);

        // 一备案: returned for a missing document, supplemented, accepted.
        AppClient filing = login("filing01");
        complete(filing, taskId(filing, "一备案：决议备案", title), Map.of("filingOutcome", "RETURNED",
                "filingNote", "缺少表决票统计表"));
        complete(chair, taskId(chair, "补正备案材料", title), Map.of("supplementNote", "已补统计表"));
        complete(filing, taskId(filing, "一备案：决议备案", title), Map.of("filingOutcome", "ACCEPTED"));
        JsonNode filed = detail(chair, matterId);
        assertThat(filed.path("filings").findValuesAsText("outcome")).containsExactly("RETURNED", "ACCEPTED");

        // 业财代理: a request above the remaining budget is refused and starts nothing.
        Reply tooMuch = chair.post("/api/hoa/matters/" + matterId + "/payments", Map.of("amountFen", BUDGET + 1));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.text("message")).isEqualTo("付款 120,000.01 元超过预算余额 120,000.00 元。");

        // The payment of the resolution: the same person cannot give both approvals.
        String chairApproval = paymentTask(chair, "业委会主任审批");
        String memberApproval = paymentTask(chair, "业委会委员审批");
        complete(chair, chairApproval, Map.of("approved", true));
        Reply same = chair.post("/api/tasks/" + memberApproval + "/complete", Map.of("variables", Map.of("approved", true)));
        assertThat(same.status()).as(same.body()).isEqualTo(400);
        assertThat(same.text("message")).isEqualTo("付款须由两名不同人员审批。");
        chair.post("/api/tasks/" + memberApproval + "/unclaim", Map.of());
        AppClient member = login("hoamember01");
        complete(member, memberApproval, Map.of("approved", true));
        AppClient agent = login("finagent01");
        complete(agent, paymentTask(agent, "代理机构执行支付"), Map.of("paymentRef", "BANK-20260302-0001"));
        JsonNode paid = detail(chair, matterId);
        assertThat(paid.path("payments").get(0).path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("payments").get(0).path("amountFen").asLong()).isEqualTo(BUDGET);
        assertThat(paid.path("activeActivityIds").toString()).contains("implement");
        assertThat(paid.path("remainingBudgetFen").asLong()).isZero();
        Reply nothingLeft = chair.post("/api/hoa/matters/" + matterId + "/payments", Map.of("amountFen", 1));
        assertThat(nothingLeft.status()).isEqualTo(400);
    }

    private String paymentTask(AppClient user, String name) {
        JsonNode page = user.get("/api/tasks?filter=all&processKey=hoa-fund-payment&size=200").json();
        for (JsonNode item : page.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no task " + name + " in " + page);
    }

    @Test
    void aCommitteeMeetingAnnouncedLessThanSevenDaysAheadIsRefusedInBothLanguagesAndTheNoticeIsPublished() {
        String title = uniqueText("小区大门改造");
        AppClient chair = login("hoachair01");
        String matterId = propose(chair, title);
        String announce = taskId(chair, "发布业委会会议通知", title);
        String sixDays = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(6)
                .withSecond(0).withNano(0).toString();
        Reply early = chair.post("/api/tasks/" + announce + "/complete", Map.of("variables", Map.of(
                "committeeMeetingAt", sixDays, "meetingPlace", "物业活动室")));
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.text("message")).isEqualTo("业委会会议应当提前 7 日通知：会议日期不得早于发布通知后第 7 日。");
        Reply earlyEn = login("hoachair01").inEnglish().post("/api/tasks/" + announce + "/complete", Map.of(
                "variables", Map.of("committeeMeetingAt", sixDays, "meetingPlace", "物业活动室")));
        assertThat(earlyEn.status()).isEqualTo(400);
        assertThat(earlyEn.text("message")).startsWith("The committee meeting must be announced at least 7 days ahead");
        assertThat(taskId(chair, "发布业委会会议通知", title)).isEqualTo(announce);
        assertThat(login("owner03").get("/api/hoa/publications?matterId=" + matterId).json().path("total").asLong())
                .isZero();

        String eightDays = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(8)
                .withHour(19).withMinute(30).withSecond(0).withNano(0).toString();
        complete(chair, announce, Map.of("committeeMeetingAt", eightDays, "meetingPlace", "物业活动室"));
        JsonNode notice = login("owner03").get("/api/hoa/publications?matterId=" + matterId).json().path("items").get(0);
        assertThat(notice.path("kind").asText()).isEqualTo("MEETING_NOTICE");
        assertThat(notice.path("body").asText()).contains(eightDays.substring(0, 10) + " 19:30").contains("物业活动室");
        assertThat(detail(chair, matterId).path("activeActivityIds").toString()).contains("waitCommitteeMeeting");
    }

    @Test
    void twoCommitteeMembersRecordingTheSameOwnersBallotAtOnceOneWinsTheOtherGets409() throws Exception {
        String title = uniqueText("车位划线");
        String matterId = proposedAndApproved(title);
        runTimer(matterId, "waitVoteOpen");
        AppClient chair = login("hoachair01");
        AppClient member = login("hoamember01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(
                    () -> chair.post("/api/hoa/matters/" + matterId + "/ballots", ballot("ownerId", "owner07", "YES")).status(),
                    () -> member.post("/api/hoa/matters/" + matterId + "/ballots", ballot("ownerId", "owner07", "NO")).status());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ballotsStored(matterId)).isEqualTo(1);
    }

    @Test
    void onlyTheEstatesCommitteeMayProposeAndThePartyMayNotReturnAThirdTime() {
        AppClient outsider = login("hoachair02"); // chair of EST02 proposing for EST01
        Reply refused = outsider.post("/api/processes/hoa-major-decision/start", Map.of("variables", Map.of(
                "title", "越权议案", "matterType", "OTHER_MAJOR", "proposalText", "x", "assemblyMode", "GENERAL",
                "propertyAreaId", "EST01")));
        assertThat(refused.status()).isIn(400, 422);
        assertThat(login("owner05").get("/api/processes/startable").json().findValuesAsText("key"))
                .doesNotContain("hoa-major-decision");

        Reply noAgency = login("hoachair01").post("/api/processes/hoa-fund-agency/start", Map.of("variables", Map.of(
                "resolutionNo", "JY-NONE", "agentName", "某会计师事务所")));
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.text("message")).isEqualTo("没有该编号的已通过并备案的聘请业财代理决议。");

        String title = uniqueText("管理规约修订");
        AppClient chair = login("hoachair01");
        String matterId = propose(chair, title);
        AppClient party = login("party01");
        for (int i = 0; i < 2; i++) {
            deliberate(chair, matterId, title, 7, 7);
            complete(party, taskId(party, "审2：党组织审核", title), Map.of("partyDecision", "RETURN",
                    "partyOpinion", "请补充征求意见情况"));
            complete(chair, taskId(chair, "修改议案", title), Map.of("reviseAction", "RESUBMIT", "proposalText", "修改稿"));
        }
        deliberate(chair, matterId, title, 7, 7);
        String review = taskId(party, "审2：党组织审核", title);
        Reply third = party.post("/api/tasks/" + review + "/complete", Map.of("variables", Map.of(
                "partyDecision", "RETURN", "partyOpinion", "再退回")));
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.text("message")).isEqualTo("议案已退回两次，只能同意或否决。");
        assertThat(taskId(party, "审2：党组织审核", title)).isEqualTo(review);
    }
}
