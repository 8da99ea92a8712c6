package cn.gridflow.incident;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.reportToDepartment;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.gridflow.calendar.WorkCalendar;
import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department handler asks for an extension or for joint coordination from the handling task, through the app. */
@GridFlowTest
class HandlingRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkCalendar workCalendar;

    private AppClient claimedHandling(String text) {
        AppClient handler = AppClient.login(port, "enforce", "demo");
        String taskId = taskId(handler, "部门处置", text);
        assertThat(handler.post("/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(204);
        return handler;
    }

    private static Instant due(AppClient user, String taskId) {
        return Instant.parse(user.get("/api/tasks/" + taskId).text("due"));
    }

    @Test
    void anApprovedExtensionMovesTheHandlingDeadlineByTheRequestedWorkingDays() {
        String text = reportToDepartment(port, uniqueText("违章搭建 需业主配合"), "ENFORCE");
        AppClient handler = claimedHandling(text);
        String taskId = taskId(handler, "部门处置", text);
        Instant before = due(handler, taskId);

        AppClient.Reply asked = handler.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 3, "reason", "业主出差，需入户整改"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);

        AppClient.Reply again = handler.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 2, "reason", "再申请"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).isEqualTo("该事件已申请过一次延期，不能再次申请。");

        AppClient supervisor = AppClient.login(port, "supervisor", "demo");
        complete(supervisor, taskId(supervisor, "延期审批", text), Map.of("extensionDecision", "APPROVE",
                "extensionDecisionNote", "同意"));

        Instant after = due(handler, taskId);
        assertThat(after).isEqualTo(workCalendar.addWorkdays(java.util.Date.from(before), 3).toInstant());
        assertThat(handler.get("/api/tasks/" + taskId).json().path("variables").path("extensionWorkdays").asInt())
                .isEqualTo(3);
    }

    @Test
    void badOrUnauthorisedExtensionRequestsAreRefusedWithAReasonAndChangeNothing() {
        String text = reportToDepartment(port, uniqueText("占道经营"), "ENFORCE");
        AppClient handler = AppClient.login(port, "enforce", "demo");
        String taskId = taskId(handler, "部门处置", text);

        AppClient.Reply unclaimed = handler.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 3, "reason", "需要时间"));
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.text("code")).isEqualTo("HANDLING_CLAIM_FIRST");

        claimedHandling(text);
        AppClient.Reply tooLong = AppClient.login(port, "enforce", "demo").inEnglish().post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 11, "reason", "需要时间"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("message")).isEqualTo("An extension is 1 to 10 working days.");
        AppClient.Reply noReason = handler.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 2, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("message")).isEqualTo("请填写理由。");

        AppClient outsider = AppClient.login(port, "market", "demo");
        assertThat(outsider.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 2, "reason", "x")).status()).isEqualTo(404);

        AppClient supervisor = AppClient.login(port, "supervisor", "demo");
        assertThat(findTask(supervisor, "延期审批", text)).as("no approval was opened").isNull();

        // one valid request still works afterwards: nothing above used up the event's one extension
        assertThat(handler.post("/api/tasks/" + taskId + "/extension-request",
                Map.of("workdays", 2, "reason", "需要时间")).status()).isEqualTo(202);
    }

    @Test
    void twoExtensionRequestsAtOnceOpenOneApproval() throws Exception {
        String text = reportToDepartment(port, uniqueText("广告牌松动"), "ENFORCE");
        AppClient handler = claimedHandling(text);
        String taskId = taskId(handler, "部门处置", text);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<AppClient.Reply>> requests = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return handler.post("/api/tasks/" + taskId + "/extension-request",
                            Map.of("workdays", n, "reason", "并发申请 " + n));
                })).toList();
        start.countDown();
        List<Integer> statuses = requests.stream().map(CompletableFuture::join).map(AppClient.Reply::status).toList();

        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        AppClient supervisor = AppClient.login(port, "supervisor", "demo");
        long approvals = supervisor.get("/api/tasks?filter=all&size=200&text=" + cn.gridflow.support.Scenario.encode(text))
                .json().path("items").findValuesAsText("name").stream().filter("延期审批"::equals).count();
        assertThat(approvals).isOne();
    }

    @Test
    void jointCoordinationReachesTheSupervisorAndStartsCoHandlingInTheChosenDepartments() {
        String text = reportToDepartment(port, uniqueText("跨部门 餐饮油烟与占道"), "ENFORCE");
        AppClient handler = claimedHandling(text);
        String taskId = taskId(handler, "部门处置", text);

        AppClient.Reply asked = handler.post("/api/tasks/" + taskId + "/coordination-request",
                Map.of("reason", "涉及食品经营许可，需市场监管局协同"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        AppClient.Reply twice = handler.post("/api/tasks/" + taskId + "/coordination-request", Map.of("reason", "再次"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("COORDINATION_OPEN");

        AppClient supervisor = AppClient.login(port, "supervisor", "demo");
        complete(supervisor, taskId(supervisor, "联合协调", text), Map.of("coDepts", List.of("MARKET"),
                "coordinationNote", "执法局牵头，市场监管局核查许可"));

        AppClient market = AppClient.login(port, "market", "demo");
        complete(market, taskId(market, "协办", text), Map.of("coHandleNote", "已核查，无证经营已立案"));
        complete(handler, taskId, Map.of("resolutionNote", "已取缔"));
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        assertThat(findTask(grid, "现场核查", text)).as("verification after lead and co-handler finished").isNotNull();
    }
}
