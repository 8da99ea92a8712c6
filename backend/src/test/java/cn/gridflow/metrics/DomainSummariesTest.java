package cn.gridflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The owners'-committee, procurement and promotion summaries against hand counts on fixtures of their own tables,
 * kept apart from the demo data by a community (CX9/CX8), a department (DX9) and round keys (RX9-*) of their own.
 */
@GridFlowTest
class DomainSummariesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static Timestamp at(int day) {
        return Timestamp.valueOf(LocalDateTime.of(2023, 5, 1, 9, 0).plusDays(day));
    }

    @BeforeEach
    void loadFixture() {
        removeFixture();
        jdbc.update("insert into gf_hoa_estate (id, name, community_id, committee_size) values ('EX9', '测试小区', 'CX9', 5)");
        // M1 deliberating; M2 voting; M3 quorum missed, re-vote to decide; M4 failed then passed in round 2, to file;
        // M5 filed, implementing; M6 filed and archived; M7 voted down; M8 no quorum twice; M9 withdrawn;
        // M10 passed, its filing returned (not filed)
        matter("M1", null, 1);
        matter("M2", null, 2);
        round("M2", 1, "OPEN", null);
        matter("M3", null, 3);
        round("M3", 1, "CLOSED", false);
        matter("M4", null, 4);
        round("M4", 1, "CLOSED", false);
        round("M4", 2, "CLOSED", true);
        matter("M5", null, 5);
        round("M5", 1, "CLOSED", true);
        filing("M5", "RESOLUTION", "ACCEPTED");
        matter("M6", "IMPLEMENTED_ARCHIVED", 6);
        round("M6", 1, "CLOSED", true);
        filing("M6", "RESOLUTION", "ACCEPTED");
        filing("M6", "IMPLEMENTATION", "ACCEPTED");
        matter("M7", "REJECTED_BY_VOTE", 7);
        round("M7", 1, "CLOSED", false);
        matter("M8", "FAILED_NO_QUORUM", 8);
        round("M8", 1, "CLOSED", false);
        round("M8", 2, "CLOSED", false);
        matter("M9", "WITHDRAWN", 9);
        matter("M10", null, 10);
        round("M10", 1, "CLOSED", true);
        filing("M10", "RESOLUTION", "RETURNED");

        // K1 graded 中 then 优 (latest counts); K3, K4 taken back; K6 not yet evaluated
        contract("K1", "IN_FORCE", 1, "中", "优");
        contract("K2", "IN_FORCE", 2, "良");
        contract("K3", "TERMINATED_TAKEN_BACK", 3, "差", "差");
        contract("K4", "TERMINATING", 4, "差");
        contract("K5", "COMPLETED", 5, "良");
        contract("K6", "DRAFTING", 6);

        // RX9-A waits in 入围人员选聘任用 (ranking done); RX9-B archived
        jdbc.update("insert into gf_promotion_round (round_key, proc_inst_id, round_year, post_pool, opened_by,"
                + " opened_at, archived_at) values ('RX9-A', 'metrics-fixture-rx9a', 2023, 'CITY', 'hr', ?, null),"
                + " ('RX9-B', null, 2022, 'CITY', 'hr', ?, ?)", at(1), at(0), at(0));
        activity("rx9a-1", "rankCandidates", "计算总分排名，确定入围与候补", "serviceTask", true);
        activity("rx9a-2", "appointShortlisted", "入围人员选聘任用", "callActivity", false);
        application("RX9-A", "px9-1", "CX9", "SHORTLISTED", 1);
        application("RX9-A", "px9-2", "CX8", "SHORTLISTED", 2);
        application("RX9-A", "px9-3", "CX9", "WAITLISTED", 3);
        application("RX9-A", "px9-4", "CX9", "INELIGIBLE", null);
        application("RX9-A", "px9-5", "CX8", "WAITLISTED", 4);
        application("RX9-B", "px9-6", "CX9", "APPOINTED", 1);
    }

    @AfterEach
    void removeFixture() {
        jdbc.update("delete from gf_hoa_filing where matter_id like 'metrics-fixture-%'");
        jdbc.update("delete from gf_hoa_vote_round where matter_id like 'metrics-fixture-%'");
        jdbc.update("delete from gf_hoa_matter where id like 'metrics-fixture-%'");
        jdbc.update("delete from gf_hoa_estate where id = 'EX9'");
        jdbc.update("delete from gf_procurement_evaluation where contract_id like 'KX9-%'");
        jdbc.update("delete from gf_procurement_contract where contract_id like 'KX9-%'");
        jdbc.update("delete from gf_promotion_application where round_key like 'RX9-%'");
        jdbc.update("delete from gf_promotion_round where round_key like 'RX9-%'");
        jdbc.update("delete from gf_metric_activity where proc_inst_id = 'metrics-fixture-rx9a'");
    }

    private void matter(String id, String outcome, int day) {
        jdbc.update("insert into gf_hoa_matter (id, proc_inst_id, estate_id, community_id, title, matter_type, outcome,"
                + " created_at, closed_at) values (?, ?, 'EX9', 'CX9', ?, 'OTHER_MAJOR', ?, ?, ?)",
                "metrics-fixture-" + id, "metrics-fixture-p-" + id, "事项 " + id, outcome, at(day),
                outcome == null ? null : at(day + 30));
    }

    private void round(String matter, int no, String status, Boolean passed) {
        jdbc.update("insert into gf_hoa_vote_round (matter_id, round_no, status, opens_at, ballot_count, quorum_met,"
                + " passed) values (?, ?, ?, ?, 0, ?, ?)", "metrics-fixture-" + matter, no, status, at(no),
                passed, passed);
    }

    private void filing(String matter, String kind, String outcome) {
        jdbc.update("insert into gf_hoa_filing (id, matter_id, kind, outcome, filed_at, act_inst_id) values"
                + " (?, ?, ?, ?, ?, ?)", "fx9-" + matter + kind, "metrics-fixture-" + matter, kind, outcome, at(20),
                "fx9-" + matter + kind);
    }

    private void contract(String id, String status, int day, String... grades) {
        jdbc.update("insert into gf_procurement_contract (contract_id, item_code, dept_id, budget_fen, status,"
                + " created_by, created_at, updated_at) values (?, 'ITEM-X9', 'DX9', 100000, ?, 'buyer', ?, ?)",
                "KX9-" + id, status, at(day), at(day));
        for (int i = 0; i < grades.length; i++) {
            jdbc.update("insert into gf_procurement_evaluation (id, contract_id, item_code, kind, score, grade, pay_pct,"
                    + " activity_inst, created_at) values (?, ?, 'ITEM-X9', 'PERIODIC', 70, ?, 100, ?, ?)",
                    "ex9-" + id + i, "KX9-" + id, grades[i], "ex9-" + id + i, at(day + 90 * (i + 1)));
        }
    }

    private void activity(String id, String actId, String name, String type, boolean ended) {
        jdbc.update("insert into gf_metric_activity (act_inst_id, proc_inst_id, proc_def_key, proc_def_id, act_id,"
                + " act_name, act_type, started, ended, duration_ms) values (?, 'metrics-fixture-rx9a',"
                + " 'promotion-round', 'promotion-round:x', ?, ?, ?, ?, ?, ?)", "metrics-fixture-" + id, actId, name,
                type, at(2), ended ? at(3) : null, ended ? 86_400_000L : null);
    }

    private void application(String round, String applicant, String community, String status, Integer rank) {
        jdbc.update("insert into gf_promotion_application (round_key, applicant_id, community_id, status, rank_no,"
                + " applied_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)", round, applicant, community, status, rank,
                at(1), at(2));
    }

    private static String grade(String grade) {
        return "grade:" + java.net.URLEncoder.encode(grade, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path(field).asText()));
        assertThat(page.path("total").asLong()).isEqualTo(ids.size());
        return ids;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    @Test
    void owners_committee_decisions_by_stage_and_outcome() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply reply = manager.get("/api/metrics/hoa?communityId=CX9");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode hoa = reply.json();
        assertThat(hoa.path("total").asLong()).isEqualTo(10);
        // stage: total, passed, failed, revote, filed
        long[][] expected = {{1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {1, 0, 1, 0, 0}, {2, 2, 0, 1, 0}, {1, 1, 0, 0, 1},
            {4, 1, 2, 1, 1}};
        for (int i = 0; i < HoaSummaryQuery.STAGES.size(); i++) {
            JsonNode row = find(hoa.path("stages"), "stage", HoaSummaryQuery.STAGES.get(i));
            assertThat(new long[] {row.path("total").asLong(), row.path("passed").asLong(), row.path("failed").asLong(),
                row.path("revote").asLong(), row.path("filed").asLong()}).as(row.toString()).containsExactly(expected[i]);
        }
        assertThat(find(hoa.path("outcomes"), "outcome", "FAILED_NO_QUORUM").path("count").asLong()).isEqualTo(1);
        assertThat(find(hoa.path("outcomes"), "outcome", "IMPLEMENTED_ARCHIVED").path("count").asLong()).isEqualTo(1);
        assertThat(find(hoa.path("outcomes"), "outcome", "REJECTED_BY_VOTE").path("count").asLong()).isEqualTo(1);
        assertThat(find(hoa.path("outcomes"), "outcome", "WITHDRAWN").path("count").asLong()).isEqualTo(1);
        assertThat(hoa.path("outcomes")).hasSize(4);

        // each count lists what it counts
        String list = "/api/metrics/hoa/matters?communityId=CX9&size=50";
        assertThat(ids(manager.get(list + "&stage=CLOSED&figure=failed").json(), "id"))
                .containsExactlyInAnyOrder("metrics-fixture-M7", "metrics-fixture-M8");
        assertThat(ids(manager.get(list + "&figure=revote").json(), "id"))
                .containsExactlyInAnyOrder("metrics-fixture-M4", "metrics-fixture-M8");
        assertThat(ids(manager.get(list + "&stage=FILING").json(), "id"))
                .containsExactlyInAnyOrder("metrics-fixture-M4", "metrics-fixture-M10");
        assertThat(ids(manager.get(list + "&figure=filed").json(), "id"))
                .containsExactlyInAnyOrder("metrics-fixture-M5", "metrics-fixture-M6");
        assertThat(ids(manager.get(list + "&stage=CLOSED&outcome=WITHDRAWN").json(), "id"))
                .containsExactly("metrics-fixture-M9");
        assertThat(manager.get(list + "&figure=nonsense").status()).isEqualTo(400);
        assertThat(manager.get(list + "&stage=NONSENSE").status()).isEqualTo(400);

        // a community head sees their community only; a department leader has no owners' committees
        AppClient head = AppClient.login(port, "chead01", "demo");
        assertThat(head.get("/api/metrics/hoa?communityId=CX9").status()).isEqualTo(403);
        assertThat(ids(head.get("/api/metrics/hoa/matters?size=200").json(), "communityId")).doesNotContain("CX9");
        assertThat(AppClient.login(port, "enforcelead", "demo").get("/api/metrics/hoa").json().path("total").asLong())
                .isZero();
    }

    @Test
    void contracts_by_latest_grade_and_withdrawals() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply reply = manager.get("/api/metrics/procurement?departmentId=DX9");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode p = reply.json();
        assertThat(p.path("total").asLong()).isEqualTo(6);
        assertThat(p.path("withdrawn").asLong()).isEqualTo(2);
        List<String> grades = new ArrayList<>();
        p.path("byGrade").forEach(g -> grades.add(g.path("key").asText() + "=" + g.path("count").asLong()));
        assertThat(grades).containsExactly("优=1", "良=2", "中=0", "差=2", "NONE=1");
        assertThat(find(p.path("byStatus"), "key", "IN_FORCE").path("count").asLong()).isEqualTo(2);
        assertThat(find(p.path("byStatus"), "key", "TERMINATED_TAKEN_BACK").path("count").asLong()).isEqualTo(1);

        String list = "/api/metrics/procurement/contracts?departmentId=DX9&size=50&figure=";
        assertThat(ids(manager.get(list + "withdrawn").json(), "contractId")).containsExactly("KX9-K4", "KX9-K3");
        assertThat(ids(manager.get(list + grade("差")).json(), "contractId")).containsExactly("KX9-K4", "KX9-K3");
        // K1 was 中 once; its latest grade is 优
        assertThat(ids(manager.get(list + grade("中")).json(), "contractId")).isEmpty();
        assertThat(ids(manager.get(list + grade("优")).json(), "contractId")).containsExactly("KX9-K1");
        assertThat(ids(manager.get(list + "grade:NONE").json(), "contractId")).containsExactly("KX9-K6");
        assertThat(ids(manager.get(list + "status:IN_FORCE").json(), "contractId")).containsExactly("KX9-K2", "KX9-K1");
        assertThat(manager.get(list + grade("甲")).status()).isEqualTo(400);

        // a department leader sees their own department's contracts only
        AppClient lead = AppClient.login(port, "enforcelead", "demo");
        assertThat(lead.get("/api/metrics/procurement?departmentId=DX9").status()).isEqualTo(403);
        assertThat(ids(lead.get("/api/metrics/procurement/contracts?size=200").json(), "deptId"))
                .doesNotContain("DX9");
        assertThat(AppClient.login(port, "chead01", "demo").get("/api/metrics/procurement").json().path("total")
                .asLong()).isZero();
    }

    @Test
    void promotion_rounds_by_stage_with_shortlisted_and_waitlisted() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply reply = manager.get("/api/metrics/promotion");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode a = find(reply.json(), "roundKey", "RX9-A");
        assertThat(a.path("stage").asText()).isEqualTo("OPEN");
        assertThat(a.path("steps").findValuesAsText("activityId")).containsExactly("appointShortlisted");
        assertThat(a.path("steps").findValuesAsText("name")).containsExactly("入围人员选聘任用");
        assertThat(a.path("applications").asLong()).isEqualTo(5);
        assertThat(a.path("shortlisted").asLong()).isEqualTo(2);
        assertThat(a.path("waitlisted").asLong()).isEqualTo(2);
        assertThat(a.path("byStatus").path("INELIGIBLE").asLong()).isEqualTo(1);
        JsonNode b = find(reply.json(), "roundKey", "RX9-B");
        assertThat(b.path("stage").asText()).isEqualTo("ARCHIVED");
        assertThat(b.path("applications").asLong()).isEqualTo(1);
        assertThat(b.path("byStatus").path("APPOINTED").asLong()).isEqualTo(1);

        // one community's applicants
        JsonNode cx9 = find(manager.get("/api/metrics/promotion?communityId=CX9").json(), "roundKey", "RX9-A");
        assertThat(cx9.path("applications").asLong()).isEqualTo(3);
        assertThat(cx9.path("shortlisted").asLong()).isEqualTo(1);
        assertThat(cx9.path("waitlisted").asLong()).isEqualTo(1);

        // the waitlist in rank order, as the count links to it
        assertThat(ids(manager.get("/api/metrics/promotion/applications?roundKey=RX9-A&status=WAITLISTED").json(),
                "applicantId")).containsExactly("px9-3", "px9-5");
        assertThat(ids(manager.get("/api/metrics/promotion/applications?roundKey=RX9-A&communityId=CX9").json(),
                "applicantId")).containsExactly("px9-1", "px9-3", "px9-4");
        assertThat(manager.get("/api/metrics/promotion/applications?roundKey=RX9-A&status=HIRED").status())
                .isEqualTo(400);
        assertThat(AppClient.login(port, "chead01", "demo").get("/api/metrics/promotion?communityId=CX9").status())
                .isEqualTo(403);
    }
}
