package cn.gridflow.incident;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 网格事项准入 through the app: a department leader applies, the authority approves, the list and decision follow. */
@GridFlowTest
class AdmissionRequestHttpTest {

    @LocalServerPort
    int port;

    private JsonNode admission(String category) {
        AppClient admin = AppClient.basic(port, "admin", "admin");
        AppClient.Reply reply = admin.post("/engine-rest/decision-definition/key/grid-matter-admission/evaluate",
                Map.of("variables", Map.of(
                        "category", Map.of("value", category, "type", "String"),
                        "source", Map.of("value", "GRID_PATROL", "type", "String"),
                        "reportDate", Map.of("value", "2026-11-27T10:00:00.000+0800", "type", "Date"),
                        "cityMode", Map.of("value", "PEACE", "type", "String"))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get(0);
    }

    @Test
    void anApprovedItemIsPublishedAndAdmittedByTheNextDecisionVersion() {
        AppClient leader = AppClient.login(port, "enforcelead", "demo");
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        assertThat(grid.get("/api/processes/startable").json().findValuesAsText("key"))
                .doesNotContain("grid-matter-admission-request");
        assertThat(admission("SHOP_SIGN_CHECK").path("admitted").path("value").asBoolean()).isFalse();

        AppClient.Reply started = leader.post("/api/processes/grid-matter-admission-request/start", Map.of("variables",
                Map.of("itemName", "沿街店招安全巡查", "categoryCode", "SHOP_SIGN_CHECK", "requestingDept", "ENFORCE",
                        "legalBasis", "《城市市容和环境卫生管理条例》", "workload", "每月一次", "temporary", false)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        AppClient.Reply bad = leader.post("/api/processes/grid-matter-admission-request/start", Map.of("variables",
                Map.of("itemName", "x", "categoryCode", "lower case", "requestingDept", "ENFORCE",
                        "legalBasis", "x", "workload", "x")));
        assertThat(bad.status()).as("the category code must be a code").isEqualTo(400);

        AppClient authority = AppClient.login(port, "govadmin", "demo");
        complete(authority, taskId(authority, "准入评估", "沿街店招安全巡查"),
                Map.of("evaluationDecision", "APPROVE", "evaluationNote", "属网格巡查可发现事项，工作量可控"));

        JsonNode published = grid.get("/api/admission-items").json();
        assertThat(published.findValuesAsText("categoryCode")).contains("SHOP_SIGN_CHECK");
        JsonNode verdict = admission("SHOP_SIGN_CHECK");
        assertThat(verdict.path("admitted").path("value").asBoolean()).isTrue();
        assertThat(verdict.path("admissionItemCode").path("value").asText()).startsWith("GRID-L-");
        assertThat(leader.get("/api/notifications?size=200").body()).contains("准入申请已批准");
    }
}
