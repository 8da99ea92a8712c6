package cn.gridflow.tasklist;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.reportToDepartment;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Claim, release, hand over and complete, with the conflicts two people at once produce. */
@GridFlowTest
class TaskActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    AuthorizationService authorizationService;

    @RepeatedTest(3)
    void twoHandlersClaimingTheSameTaskAtOnceGetOneWinnerAndOneClearConflict() throws Exception {
        String text = reportToDepartment(port, uniqueText("无证摊贩"), "ENFORCE");
        AppClient zhu = AppClient.login(port, "enforce", "demo");
        AppClient xu = AppClient.login(port, "enforce2", "demo");
        String taskId = taskId(zhu, "部门处置", text);

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<AppClient.Reply> a = CompletableFuture.supplyAsync(() -> claimWhen(start, zhu, taskId));
        CompletableFuture<AppClient.Reply> b = CompletableFuture.supplyAsync(() -> claimWhen(start, xu, taskId));
        start.countDown();
        List<AppClient.Reply> replies = List.of(a.get(), b.get());

        assertThat(replies).extracting(AppClient.Reply::status).containsExactlyInAnyOrder(204, 409);
        AppClient.Reply conflict = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        String winner = findTask(zhu, "部门处置", text).path("assigneeName").asText();
        assertThat(winner).isIn("朱军", "许亮");
        assertThat(conflict.text("code")).isEqualTo("TASK_CLAIMED");
        assertThat(conflict.text("message")).isEqualTo("该任务已被 " + winner + " 认领。");
    }

    private static AppClient.Reply claimWhen(CountDownLatch start, AppClient user, String taskId) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return user.post("/api/tasks/" + taskId + "/claim", Map.of());
    }

    @Test
    void onlyTheHolderCompletesOrReleasesATask() {
        String text = reportToDepartment(port, uniqueText("餐馆油烟"), "ENFORCE");
        AppClient zhu = AppClient.login(port, "enforce", "demo");
        AppClient xu = AppClient.login(port, "enforce2", "demo").inEnglish();
        String taskId = taskId(zhu, "部门处置", text);
        assertThat(zhu.post("/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(204);

        AppClient.Reply completeByOther = xu.post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("resolutionNote", "已处理")));
        assertThat(completeByOther.status()).isEqualTo(409);
        assertThat(completeByOther.text("message")).isEqualTo("This task is held by 朱军; only they can complete or release it.");
        assertThat(xu.post("/api/tasks/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(409);

        assertThat(zhu.post("/api/tasks/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
        assertThat(findTask(zhu, "部门处置", text).path("assignee").isNull()).isTrue();
    }

    @Test
    void aTaskIsHandedOnlyToAColleagueOfItsGroups() {
        String text = reportToDepartment(port, uniqueText("违规广告牌"), "ENFORCE");
        AppClient zhu = AppClient.login(port, "enforce", "demo");
        String taskId = taskId(zhu, "部门处置", text);

        JsonNode candidates = zhu.get("/api/tasks/" + taskId + "/candidates").json();
        assertThat(candidates.findValuesAsText("id")).contains("enforce", "enforce2").doesNotContain("market");

        AppClient.Reply outsider = zhu.post("/api/tasks/" + taskId + "/assign", Map.of("userId", "market"));
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.text("message")).isEqualTo("胡斌 不在该任务的候选组中。");
        assertThat(zhu.post("/api/tasks/" + taskId + "/assign", Map.of("userId", "nobody")).status()).isEqualTo(400);

        assertThat(zhu.post("/api/tasks/" + taskId + "/assign", Map.of("userId", "enforce2")).status())
                .isEqualTo(204);
        AppClient xu = AppClient.login(port, "enforce2", "demo");
        assertThat(findTask(xu, "部门处置", text).path("assignee").asText()).isEqualTo("enforce2");
    }

    /**
     * Camunda's authorizations stay the last word on who works a task: a worker still listed as candidate in the
     * inbox, whose grant on the task was withdrawn, gets the 404 of a task they cannot see, for the claim and for the
     * completion of a task they already hold, and nothing is written.
     */
    @Test
    void aWorkerWhoseGrantOnTheTaskWasWithdrawnCanNeitherClaimNorCompleteIt() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String taskId = newTriageTask(grid);
        Map<String, Object> triage = Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true);

        withdrawGrantsOn(taskId);
        AppClient.Reply claim = grid.post("/api/tasks/" + taskId + "/claim", Map.of());
        assertThat(claim.status()).isEqualTo(404);
        assertThat(claim.text("code")).isEqualTo("TASK_NOT_FOUND");
        AppClient.Reply claimAndComplete = grid.post("/api/tasks/" + taskId + "/complete", Map.of("variables", triage));
        assertThat(claimAndComplete.status()).isEqualTo(404);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .as("a refused claim assigns nothing").isNull();

        String heldId = newTriageTask(grid);
        assertThat(grid.post("/api/tasks/" + heldId + "/claim", Map.of()).status()).isEqualTo(204);
        withdrawGrantsOn(heldId);
        AppClient.Reply complete = grid.post("/api/tasks/" + heldId + "/complete", Map.of("variables", triage));
        assertThat(complete.status()).isEqualTo(404);
        assertThat(complete.text("code")).isEqualTo("TASK_NOT_FOUND");
        assertThat(taskService.createTaskQuery().taskId(heldId).singleResult()).as("still open").isNotNull();
        assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(heldId).singleResult()
                .getProcessInstanceId(), "canSelfResolve")).as("no form value written").isNull();
    }

    private static String newTriageTask(AppClient grid) {
        String text = uniqueText("消防通道堵塞");
        report(grid, "G0101", text);
        return taskId(grid, "受理核实", text);
    }

    private void withdrawGrantsOn(String taskId) {
        authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list()
                .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    }

    @Test
    void anInvalidFormIsRefusedFieldByFieldAndTheTaskStaysOpen() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("井盖缺失");
        report(grid, "G0101", text);
        String taskId = taskId(grid, "受理核实", text);

        AppClient.Reply bad = grid.post("/api/tasks/" + taskId + "/complete", Map.of("variables",
                Map.of("category", "UFO", "canSelfResolve", "maybe", "triageNote", "x".repeat(1001), "hack", 1)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("FORM_INVALID");
        Map<String, String> fields = new java.util.HashMap<>();
        bad.json().path("fieldErrors").forEach(f -> fields.put(f.path("field").asText(), f.path("message").asText()));
        assertThat(fields).containsEntry("category", "“事件类别”：“UFO”不是可选项。")
                .containsEntry("urgency", "“紧急程度”为必填项。")
                .containsEntry("canSelfResolve", "“网格可自行处置”只能为是或否。")
                .containsEntry("triageNote", "“核实情况”最多 1000 个字。")
                .containsEntry("hack", "“hack”不是本表单的字段。");

        JsonNode stillOpen = grid.get("/api/tasks/" + taskId).json();
        assertThat(stillOpen.path("taskDefinitionKey").asText()).isEqualTo("verifyAndTriage");
        assertThat(stillOpen.path("variables").has("hack")).isFalse();
        assertThat(stillOpen.path("assignee").isNull()).as("a refused completion claims nothing").isTrue();

        complete(grid, taskId, Map.of("category", "FACILITY_DAMAGE", "urgency", "URGENT", "canSelfResolve", true));
        assertThat(findTask(grid, "受理核实", text)).isNull();
        JsonNode next = findTask(grid, "网格内处置", text);
        assertThat(next).isNotNull();
        assertThat(next.path("priority").asInt()).isEqualTo(70);
    }

    @Test
    void theWholeLoopClosesThroughTheApi() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("绿化带垃圾");
        report(grid, "G0101", text);
        complete(grid, taskId(grid, "受理核实", text),
                Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
        String resolveId = taskId(grid, "网格内处置", text);
        // 1 working day (grid-event-sla, ROUTINE/GRID/PEACE) ends at 17:30 Beijing time on a working day.
        JsonNode resolve = findTask(grid, "网格内处置", text);
        java.time.ZonedDateTime due = java.time.OffsetDateTime.parse(resolve.path("due").asText())
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 30));
        assertThat(due.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        JsonNode variables = grid.get("/api/tasks/" + resolveId).json().path("variables");
        assertThat(variables.path("handlingLevel").asText()).isEqualTo("GRID");
        assertThat(variables.path("admissionItemCode").asText()).isEqualTo("GRID-L-04");
        assertThat(variables.has("yellowAt")).isTrue();
        // The inbox shows this task's yellow and 通报 points as the process computed them (working time).
        java.util.Map<String, Object> ladder = jdbc.queryForMap("select yellow_at, level3_at from gf_task where id = ?",
                resolveId);
        assertThat(((java.util.Date) ladder.get("yellow_at")).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(variables.path("yellowAt").asText()).toInstant());
        assertThat(((java.util.Date) ladder.get("level3_at")).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(variables.path("level3At").asText()).toInstant());
        assertThat(resolve.path("sla").asText()).isIn("ON_TIME", "NEAR_DUE");
        AppClient.Reply tooShort = grid.post("/api/tasks/" + resolveId + "/complete",
                Map.of("variables", Map.of("resolutionNote", "好")));
        assertThat(tooShort.status()).isEqualTo(400);
        complete(grid, resolveId, Map.of("resolutionNote", "已清理，拍照留存"));
        String verifyId = taskId(grid, "现场核查", text);

        JsonNode form = grid.get("/api/tasks/" + verifyId + "/form").json();
        assertThat(form.path("schema").path("id").asText()).isEqualTo("grid-event-verify");
        assertThat(form.path("data").path("resolutionNote").asText()).isEqualTo("已清理，拍照留存");

        complete(grid, verifyId, Map.of("verifyResult", "PASS"));
        assertThat(findTask(grid, "现场核查", text)).isNull();
    }

    @Test
    void taskDetailShowsTheDiagramPositionHistoryAndComments() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("路面坑洼");
        report(grid, "G0101", text);
        complete(grid, taskId(grid, "受理核实", text),
                Map.of("category", "FACILITY_DAMAGE", "urgency", "ROUTINE", "canSelfResolve", true));
        String taskId = taskId(grid, "网格内处置", text);
        assertThat(grid.post("/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(grid.post("/api/tasks/" + taskId + "/comments", Map.of("message", "已联系物业")).status())
                .isEqualTo(201);
        assertThat(grid.post("/api/tasks/" + taskId + "/comments", Map.of("message", "  ")).status())
                .isEqualTo(400);

        JsonNode diagram = grid.get("/api/tasks/" + taskId + "/diagram").json();
        assertThat(diagram.path("xml").asText()).contains("id=\"resolveInGrid\"");
        assertThat(diagram.path("activeActivityIds").toString()).contains("resolveInGrid");
        assertThat(diagram.path("completedActivityIds").toString()).contains("verifyAndTriage", "resolveLocation");
        // what the "查看流程定义" link opens
        assertThat(diagram.path("definitionKey").asText()).isEqualTo("grid-event");
        assertThat(diagram.path("definitionVersion").asInt()).isPositive();

        JsonNode history = grid.get("/api/tasks/" + taskId + "/history").json();
        assertThat(history.findValuesAsText("type")).containsSubsequence("START", "TASK_CREATED", "CLAIM",
                "TASK_COMPLETED", "TASK_CREATED", "CLAIM", "COMMENT");
        assertThat(history.get(0).path("userName").asText()).isEqualTo("张伟");

        JsonNode comments = grid.get("/api/tasks/" + taskId + "/comments").json();
        assertThat(comments.get(0).path("message").asText()).isEqualTo("已联系物业");
        assertThat(comments.get(0).path("userName").asText()).isEqualTo("张伟");

        // completed after its own claim request: the history names who completed it, as for the unclaimed one
        complete(grid, taskId, Map.of("resolutionNote", "已修复"));
        JsonNode later = grid.get("/api/tasks/" + taskId(grid, "现场核查", text) + "/history").json();
        List<String> completedBy = new java.util.ArrayList<>();
        later.forEach(e -> {
            if (e.path("type").asText().equals("TASK_COMPLETED")) {
                completedBy.add(e.path("userId").asText());
            }
        });
        assertThat(completedBy).containsExactly("grid0101", "grid0101");
    }

    @Test
    void aStartFormOffersAndAcceptsOnlyTheReportersOwnGrids() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        JsonNode startable = grid.get("/api/processes/startable").json();
        assertThat(startable.findValuesAsText("key")).contains("grid-event");

        JsonNode form = grid.get("/api/processes/grid-event/start-form").json();
        assertThat(form.path("data").path("gridOptions").findValuesAsText("value"))
                .containsExactlyInAnyOrder("G0101", "G010101", "G010102");

        AppClient.Reply elsewhere = grid.post("/api/processes/grid-event/start", Map.of("variables",
                Map.of("gridId", "G0201", "category", "DISPUTE", "urgency", "ROUTINE", "description", "越界上报测试")));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("gridId");

        AppClient.Reply badPhone = grid.post("/api/processes/grid-event/start", Map.of("variables",
                Map.of("gridId", "G0101", "category", "DISPUTE", "urgency", "ROUTINE", "description", "电话格式测试",
                        "reporterPhone", "12345")));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("“联系电话”格式不正确。");

        AppClient.Reply micro = grid.post("/api/processes/grid-event/start", Map.of("variables",
                Map.of("gridId", "G010101", "category", "DISPUTE", "urgency", "ROUTINE",
                        "description", uniqueText("微网格上报"))));
        assertThat(micro.status()).isEqualTo(201);

        AppClient manager = AppClient.login(port, "manager", "demo");
        assertThat(manager.get("/api/processes/startable").json().findValuesAsText("key"))
                .doesNotContain("grid-event");
        assertThat(manager.post("/api/processes/grid-event/start", Map.of("variables", Map.of())).status())
                .isEqualTo(404);
    }
}
