package cn.gridflow.incidentview;

import static cn.gridflow.support.Scenario.encode;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 事件 list and record through HTTP with real security: scope, filters, record contents, photos. */
@GridFlowTest
class IncidentViewTest {

    @LocalServerPort
    int port;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private AppClient as(String user) {
        return AppClient.login(port, user, "demo");
    }

    private static List<String> keysListed(AppClient user, String query) {
        AppClient.Reply page = user.get("/api/incidents?size=200&" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        page.json().path("items").forEach(item -> keys.add(item.path("id").asText()));
        return keys;
    }

    private static Map<String, Object> photo(String name, String type, byte[] bytes) {
        return Map.of("fileName", name, "contentType", type, "base64", Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aGridWorkerSeesTheirGridsEventsAndNotTheNeighbouringGrids() {
        String text = uniqueText("巡查 楼道堆物");
        AppClient grid0101 = as("grid0101");
        String key = Scenario.report(grid0101, "G0101", text);
        String byText = "text=" + encode(text);

        assertThat(keysListed(grid0101, byText)).containsExactly(key);
        assertThat(keysListed(as("grid0102"), byText)).isEmpty();
        assertThat(keysListed(as("cstaff01"), byText)).containsExactly(key);
        assertThat(keysListed(as("cstaff02"), byText)).isEmpty();
        assertThat(keysListed(as("dispatcher"), byText)).containsExactly(key);
        assertThat(keysListed(as("enforce"), byText)).isEmpty();

        AppClient.Reply hidden = as("grid0102").get("/api/incidents/" + key);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text("message")).contains(key).contains("无权查看");
    }

    @Test
    void theListShowsWhereEachEventStandsAndFiltersOnTheServer() {
        String text = uniqueText("巡查 井盖破损");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);

        JsonNode item = grid.get("/api/incidents?text=" + encode(text)).json().path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(key);
        assertThat(item.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(item.path("category").asText()).isEqualTo("ENV_CLUTTER");
        assertThat(item.path("gridId").asText()).isEqualTo("G0101");
        assertThat(item.path("communityId").asText()).isEqualTo("C01");
        assertThat(item.path("cityMode").asText()).isEqualTo("PEACE");
        assertThat(item.path("stage").get(0).asText()).isEqualTo("受理核实");

        assertThat(keysListed(grid, "text=" + encode(text) + "&status=COMPLETED")).isEmpty();
        assertThat(keysListed(grid, "text=" + encode(text) + "&category=FOOD")).isEmpty();
        assertThat(keysListed(grid, "text=" + encode(text) + "&gridId=G0101&communityId=C01")).containsExactly(key);
        assertThat(keysListed(grid, "text=" + encode(key))).containsExactly(key);

        AppClient.Reply paged = as("dispatcher").get("/api/incidents?size=1&page=0");
        assertThat(paged.json().path("items")).hasSize(1);
        assertThat(paged.json().path("total").asLong()).isGreaterThanOrEqualTo(1);

        assertThat(grid.get("/api/incidents?size=0").status()).isEqualTo(400);
        AppClient.Reply badStatus = grid.get("/api/incidents?status=OPEN");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.text("message")).contains("OPEN");
        assertThat(as("grid0101").inEnglish().get("/api/incidents?status=OPEN").text("message"))
                .contains("Unknown status");
    }

    @Test
    void theRecordShowsDiagramTimelineAndWhatTheCallerCanDoNow() {
        String text = uniqueText("巡查 路灯不亮");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);

        JsonNode record = grid.get("/api/incidents/" + key).json();
        assertThat(record.path("diagram").path("xml").asText()).contains("verifyAndTriage");
        assertThat(record.path("diagram").path("activeActivityIds").toString()).contains("verifyAndTriage");
        assertThat(record.path("diagram").path("definitionKey").asText()).isEqualTo("grid-event");
        assertThat(record.path("diagram").path("definitionVersion").asInt()).isPositive();
        assertThat(record.path("communityMode").asText()).isEqualTo("PEACE");
        assertThat(record.path("variables").path("description").asText()).isEqualTo(text);
        JsonNode start = record.path("timeline").get(0);
        assertThat(start.path("type").asText()).isEqualTo("START");
        assertThat(start.path("userId").asText()).isEqualTo("grid0101");
        assertThat(start.path("userName").asText()).isEqualTo("张伟");
        JsonNode task = record.path("tasks").get(0);
        assertThat(task.path("name").asText()).isEqualTo("受理核实");
        assertThat(task.path("canAct").asBoolean()).isTrue();

        JsonNode asDispatcher = as("dispatcher").get("/api/incidents/" + key).json();
        assertThat(asDispatcher.path("tasks").get(0).path("canAct").asBoolean()).isFalse();
        assertThat(asDispatcher.path("canAddPhotos").asBoolean()).isFalse();

        // After triage the dispatcher holds the next step and the worker no longer can act (特殊人群关爱 names no
        // department, so a person dispatches it).
        Scenario.complete(grid, task.path("id").asText(),
                Map.of("category", "SPECIAL_CARE", "urgency", "ROUTINE", "canSelfResolve", false, "complex", true));
        JsonNode dispatched = as("dispatcher").get("/api/incidents/" + key).json();
        assertThat(dispatched.path("summary").path("stage").get(0).asText()).isEqualTo("受理分拨");
        assertThat(dispatched.path("tasks").get(0).path("canAct").asBoolean()).isTrue();
        assertThat(dispatched.path("diagram").path("completedActivityIds").toString()).contains("verifyAndTriage");
        List<String> types = dispatched.path("timeline").findValuesAsText("type");
        assertThat(types).contains("TASK_COMPLETED");
        // The handling subprocess has started: its own start event is not a second report.
        assertThat(types.stream().filter("START"::equals)).hasSize(1);
        assertThat(types).doesNotContain("END");
    }

    @Test
    void theReporterAddsPhotosThatOnlyThoseWhoSeeTheEventCanOpen() {
        String text = uniqueText("巡查 垃圾外溢");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);

        AppClient.Reply added = grid.post("/api/incidents/" + key + "/photos",
                Map.of("photos", List.of(photo("现场.png", "image/png", PNG))));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String attachmentId = added.json().path("attachmentIds").get(0).asText();

        JsonNode record = grid.get("/api/incidents/" + key).json();
        assertThat(record.path("attachments")).hasSize(1);
        assertThat(record.path("attachments").get(0).path("fileName").asText()).isEqualTo("现场.png");
        assertThat(record.path("timeline").findValuesAsText("type")).contains("PHOTO");
        String taskId = record.path("tasks").get(0).path("id").asText();
        assertThat(grid.get("/api/tasks/" + taskId).json().path("variables").path("attachmentIds").get(0).asText())
                .isEqualTo(attachmentId);

        HttpResponse<byte[]> file = download(grid, "/api/incidents/" + key + "/attachments/" + attachmentId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(download(as("grid0102"), "/api/incidents/" + key + "/attachments/" + attachmentId).statusCode())
                .isEqualTo(404);

        // A renamed non-image next to a good one: refused as a whole, nothing more stored.
        AppClient.Reply refused = grid.post("/api/incidents/" + key + "/photos", Map.of("photos", List.of(
                photo("ok.png", "image/png", PNG), photo("fake.png", "image/png", "MZ not a png".getBytes()))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fieldErrors").get(0).path("field").asText()).isEqualTo("photos[1]");
        assertThat(refused.json().path("fieldErrors").get(0).path("message").asText()).contains("fake.png");
        assertThat(grid.get("/api/incidents/" + key).json().path("attachments")).hasSize(1);

        AppClient.Reply notHolder = as("dispatcher").post("/api/incidents/" + key + "/photos",
                Map.of("photos", List.of(photo("x.png", "image/png", PNG))));
        assertThat(notHolder.status()).isEqualTo(403);
        assertThat(as("grid0102").post("/api/incidents/" + key + "/photos",
                Map.of("photos", List.of(photo("x.png", "image/png", PNG)))).status()).isEqualTo(404);
    }

    @Test
    void aClearCutCategoryIsDispatchedByTheSystemAndTheRecordSaysSo() {
        String text = uniqueText("巡查 餐馆油烟");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);
        Scenario.complete(grid, Scenario.taskId(grid, "受理核实", text),
                Map.of("category", "FOOD", "urgency", "ROUTINE", "canSelfResolve", false));

        assertThat(Scenario.findTask(as("dispatcher"), "受理分拨", text)).as("no dispatcher needed").isNull();
        JsonNode record = as("market").get("/api/incidents/" + key).json();
        assertThat(record.path("summary").path("stage").get(0).asText()).isEqualTo("签收/回退");
        assertThat(record.path("summary").path("leadDept").asText()).isEqualTo("MARKET");
        assertThat(record.path("variables").path("dispatchedBy").asText()).isEqualTo("系统自动分拨");
        JsonNode dispatched = null;
        for (JsonNode entry : record.path("timeline")) {
            if (entry.path("type").asText().equals("AUTO_DISPATCH")) {
                dispatched = entry;
            }
        }
        assertThat(dispatched).as("timeline %s", record.path("timeline")).isNotNull();
        assertThat(dispatched.path("activityName").asText()).isEqualTo("系统自动分拨");
        assertThat(dispatched.path("userName").asText()).isEqualTo("系统自动分拨");
        assertThat(dispatched.path("message").asText()).isEqualTo("牵头部门：市场监督管理局");
        List<String> types = record.path("timeline").findValuesAsText("type");
        assertThat(types.indexOf("AUTO_DISPATCH")).as("after triage, before the signing step")
                .isGreaterThan(types.indexOf("TASK_COMPLETED")).isLessThan(types.lastIndexOf("TASK_CREATED"));

        // the department's task history shows it the same way
        String signTask = Scenario.taskId(as("market"), "签收/回退", text);
        assertThat(as("market").get("/api/tasks/" + signTask + "/history").json().findValuesAsText("type"))
                .contains("AUTO_DISPATCH");
    }

    @Test
    void aDepartmentSeesTheEventsItLeads() {
        String text = Scenario.reportToDepartment(port, uniqueText("占道经营"), "MARKET");
        String byText = "text=" + encode(text);
        List<String> seen = keysListed(as("market"), byText + "&leadDept=MARKET");
        assertThat(seen).hasSize(1);
        assertThat(keysListed(as("enforce"), byText)).isEmpty();
        JsonNode item = as("market").get("/api/incidents?" + byText).json().path("items").get(0);
        assertThat(item.path("leadDept").asText()).isEqualTo("MARKET");
        assertThat(item.path("stage").get(0).asText()).isEqualTo("部门处置");
    }

    @Test
    void aClosedEventKeepsItsRecordButTakesNoMorePhotos() {
        String text = uniqueText("巡查 小广告");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);
        Scenario.complete(grid, Scenario.taskId(grid, "受理核实", text),
                Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
        Scenario.complete(grid, Scenario.taskId(grid, "网格内处置", text), Map.of("resolutionNote", "已清除"));
        Scenario.complete(grid, Scenario.taskId(grid, "现场核查", text), Map.of("verifyResult", "PASS"));

        JsonNode record = grid.get("/api/incidents/" + key).json();
        assertThat(record.path("summary").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(record.path("summary").path("ended").isNull()).isFalse();
        assertThat(record.path("summary").path("sla").asText()).isEqualTo("NONE");
        assertThat(record.path("tasks")).isEmpty();
        assertThat(record.path("canAddPhotos").asBoolean()).isFalse();
        assertThat(record.path("diagram").path("activeActivityIds")).isEmpty();
        List<String> types = record.path("timeline").findValuesAsText("type");
        assertThat(types.get(types.size() - 1)).isEqualTo("END");
        assertThat(keysListed(grid, "text=" + encode(text) + "&status=COMPLETED")).containsExactly(key);
        assertThat(keysListed(grid, "text=" + encode(text) + "&status=ACTIVE")).isEmpty();

        AppClient.Reply late = grid.post("/api/incidents/" + key + "/photos",
                Map.of("photos", List.of(photo("late.png", "image/png", PNG))));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("message")).contains(key).contains("已办结");
        assertThat(grid.get("/api/incidents/" + key).json().path("attachments")).isEmpty();
    }

    private static HttpResponse<byte[]> download(AppClient user, String path) {
        return user.getBytes(path);
    }
}
