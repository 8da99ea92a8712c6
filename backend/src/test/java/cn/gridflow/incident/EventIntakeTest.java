package cn.gridflow.incident;

import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The report endpoint for the resident app, the 12345 bridge and IoT bridges. */
@GridFlowTest
class EventIntakeTest {

    @LocalServerPort
    int port;

    /** The smallest valid PNG signature plus padding: what the endpoint checks is the signature. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private AppClient bridge() {
        return AppClient.basic(port, "bridge", "demo");
    }

    private static Map<String, Object> report(String reportId, String description) {
        Map<String, Object> report = new HashMap<>(Map.of("reportId", reportId, "source", "RESIDENT_APP",
                "gridId", "G0102", "category", "DISPUTE", "urgency", "ROUTINE", "description", description,
                "reporterId", "resident01", "reporterPhone", "13800138000"));
        report.put("photos", List.of(Map.of("fileName", "scene.png", "contentType", "image/png",
                "base64", Base64.getEncoder().encodeToString(PNG))));
        return report;
    }

    private long instances() {
        return AppClient.basic(port, "admin", "admin").get("/engine-rest/process-instance/count").json()
                .path("count").asLong();
    }

    @Test
    void aValidReportStartsAnEventForTheGridWithItsPhoto() {
        String text = uniqueText("APP 上报 楼上漏水");
        AppClient.Reply reply = bridge().post("/api/intake/reports", report(uniqueText("APP"), text));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.text("eventId")).matches("EV-\\d{8}-\\d{5}");
        assertThat(reply.json().path("duplicate").asBoolean()).isFalse();

        AppClient grid = AppClient.login(port, "grid0102", "demo");
        JsonNode task = findTask(grid, "受理核实", text);
        assertThat(task).isNotNull();
        assertThat(task.path("businessKey").asText()).isEqualTo(reply.text("eventId"));
        JsonNode variables = grid.get("/api/tasks/" + task.path("id").asText()).json().path("variables");
        assertThat(variables.path("source").asText()).isEqualTo("RESIDENT_APP");
        assertThat(variables.path("attachmentIds")).hasSize(1);
    }

    @Test
    void theSameReportSentTwiceMakesOneEventEvenAtTheSameMoment() throws Exception {
        String reportId = uniqueText("HOTLINE").replace(' ', '-');
        Map<String, Object> body = report(reportId, uniqueText("12345 重复上报"));
        body.put("source", "HOTLINE_12345");
        long before = instances();

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<AppClient.Reply> a = CompletableFuture.supplyAsync(() -> sendWhen(go, body));
        CompletableFuture<AppClient.Reply> b = CompletableFuture.supplyAsync(() -> sendWhen(go, body));
        go.countDown();
        AppClient.Reply first = a.get();
        AppClient.Reply second = b.get();

        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(201, 200);
        assertThat(first.text("eventId")).isEqualTo(second.text("eventId"));
        assertThat(instances()).isEqualTo(before + 1);

        AppClient.Reply again = bridge().post("/api/intake/reports", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.text("processInstanceId")).isEqualTo(first.text("processInstanceId"));
        assertThat(instances()).isEqualTo(before + 1);
    }

    private AppClient.Reply sendWhen(CountDownLatch go, Map<String, Object> body) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bridge().post("/api/intake/reports", body);
    }

    @Test
    void aBadReportIsRefusedFieldByFieldAndNothingIsCreated() {
        long before = instances();
        Map<String, Object> body = report(uniqueText("BAD"), "描述");
        body.remove("gridId");
        body.put("category", "UFO_SIGHTING");
        body.put("photos", List.of(
                Map.of("fileName", "big.png", "contentType", "image/png",
                        "base64", Base64.getEncoder().encodeToString(new byte[Attachments.MAX_PHOTO_BYTES + 1])),
                Map.of("fileName", "virus.png", "contentType", "image/png",
                        "base64", Base64.getEncoder().encodeToString("MZ not a png".getBytes()))));
        AppClient.Reply reply = bridge().post("/api/intake/reports", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("code")).isEqualTo("REPORT_INVALID");
        Map<String, String> fields = new HashMap<>();
        reply.json().path("fieldErrors").forEach(f -> fields.put(f.path("field").asText(), f.path("message").asText()));
        assertThat(fields).containsEntry("gridId", "“gridId”为必填项。")
                .containsEntry("category", "“UFO_SIGHTING”不是已知的事件类别。")
                .containsEntry("photos[0]", "照片 big.png 超过 2 MB。")
                .containsEntry("photos[1]", "照片 virus.png 必须是 JPEG、PNG 或 WebP 图片。");
        assertThat(instances()).isEqualTo(before);

        Map<String, Object> unknownGrid = report(uniqueText("BAD"), "描述");
        unknownGrid.put("gridId", "G9999");
        AppClient.Reply english = bridge().inEnglish().post("/api/intake/reports", unknownGrid);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("There is no grid \"G9999\".");
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void onlyAuthenticatedCallersAllowedToReportMayUseIt() {
        Map<String, Object> body = report(uniqueText("AUTH"), uniqueText("鉴权"));
        assertThat(AppClient.anonymous(port).post("/api/intake/reports", body).status()).isEqualTo(401);
        assertThat(AppClient.basic(port, "manager", "demo").post("/api/intake/reports", body).status())
                .isEqualTo(403);
    }

    @Test
    void aMatterOutsideTheGridsAdmissionListIsExplainedToTheReporterAndGoesNoFurther() {
        Map<String, Object> body = report(uniqueText("FEE"), uniqueText("要求网格员代收物业费"));
        body.put("category", "FEE_COLLECTION");
        AppClient.Reply reply = bridge().post("/api/intake/reports", body);
        assertThat(reply.status()).isEqualTo(201);
        String eventId = reply.text("eventId");

        AppClient admin = AppClient.basic(port, "admin", "admin");
        JsonNode finished = admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + eventId
                + "&maxResults=1").json().get(0);
        assertThat(finished.path("state").asText()).isEqualTo("COMPLETED");
        JsonNode closeType = admin.get("/engine-rest/history/variable-instance?variableName=closeType"
                + "&processInstanceId=" + finished.path("id").asText() + "&maxResults=1").json().get(0);
        assertThat(closeType.path("value").asText()).isEqualTo("NOT_ADMITTED");

        JsonNode notices = AppClient.login(port, "resident01", "demo").get("/api/notifications?size=200").json();
        assertThat(notices.path("items").toString()).contains(eventId).contains("不属于网格事项准入清单");
    }

    @Test
    void theReportersRatingClosesTheEventAndASecondRatingIsAConflict() {
        String text = uniqueText("APP 评价");
        Map<String, Object> body = report(uniqueText("RATE"), text);
        body.put("gridId", "G0101");
        body.remove("reporterId");
        String eventId = bridge().post("/api/intake/reports", body).text("eventId");

        AppClient grid = AppClient.login(port, "grid0101", "demo");
        Scenario.complete(grid, Scenario.taskId(grid, "受理核实", text),
                Map.of("category", "DISPUTE", "urgency", "ROUTINE", "canSelfResolve", true));
        Scenario.complete(grid, Scenario.taskId(grid, "网格内处置", text), Map.of("resolutionNote", "现场调解"));
        AppClient.Reply early = bridge().post("/api/intake/ratings", Map.of("eventId", eventId, "satisfaction", "SATISFIED"));
        assertThat(early.status()).as("not yet verified").isEqualTo(409);
        Scenario.complete(grid, Scenario.taskId(grid, "现场核查", text), Map.of("verifyResult", "PASS"));

        assertThat(AppClient.basic(port, "resident01", "demo").post("/api/intake/ratings",
                Map.of("eventId", eventId, "satisfaction", "SATISFIED")).status()).isEqualTo(403);
        assertThat(bridge().post("/api/intake/ratings", Map.of("eventId", eventId, "satisfaction", "HAPPY")).status())
                .isEqualTo(400);
        assertThat(bridge().post("/api/intake/ratings", Map.of("eventId", eventId, "satisfaction", "BASIC",
                "comment", "处理及时")).status()).isEqualTo(204);
        AppClient.Reply again = bridge().post("/api/intake/ratings", Map.of("eventId", eventId, "satisfaction", "SATISFIED"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains(eventId);

        AppClient admin = AppClient.basic(port, "admin", "admin");
        JsonNode instance = admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + eventId
                + "&maxResults=1").json().get(0);
        assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
        JsonNode phoneNotices = admin.get("/engine-rest/history/variable-instance?variableName=satisfaction"
                + "&processInstanceId=" + instance.path("id").asText() + "&maxResults=1").json();
        assertThat(phoneNotices.get(0).path("value").asText()).isEqualTo("BASIC");

        // 办结归档: the record with its flags and the timeline of who did what
        JsonNode archive = grid.get("/api/events/" + eventId + "/archive").json();
        assertThat(archive.path("closeType").asText()).isEqualTo("CLOSED_SELF_RESOLVED");
        assertThat(archive.path("satisfaction").asText()).isEqualTo("BASIC");
        assertThat(archive.path("source").asText()).isEqualTo("RESIDENT_APP");
        assertThat(archive.path("closedInTime").asBoolean()).isTrue();
        assertThat(archive.path("timeline").findValuesAsText("activityId"))
                .containsSubsequence("verifyAndTriage", "resolveInGrid", "verifyOnSite", "requestRating");
        assertThat(archive.path("timeline").findValuesAsText("assignee")).contains("grid0101");
        AppClient otherCommunity = AppClient.login(port, "grid0201", "demo");
        assertThat(otherCommunity.get("/api/events/" + eventId + "/archive").status()).isEqualTo(404);
    }
}
