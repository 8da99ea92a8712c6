package cn.gridflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The library, drafts and migration as designers and staff use them through the app API. */
@GridFlowTest
class DesignerLibraryTest {

    @LocalServerPort
    int port;

    private static String uniqueKey() {
        return "designer-lib-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int deploy(AppClient designer, String key, String bpmn, Integer base) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", bpmn);
        body.put("baseVersion", base);
        AppClient.Reply reply = designer.post("/api/designer/models/process/" + key + "/deployments", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("version").asInt();
    }

    @Test
    void theLibraryListsProcessesDecisionsAndFormsWithVersionsForEveryone() {
        AppClient staff = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply page = staff.get("/api/designer/models?size=200");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        page.json().path("items").forEach(m -> entries.add(m.path("kind").asText() + "/" + m.path("key").asText()));
        assertThat(entries).contains("PROCESS/grid-event", "PROCESS/mode-switch", "DECISION/grid-event-sla",
                "FORM/grid-event-triage");
        JsonNode gridEvent = null;
        for (JsonNode m : page.json().path("items")) {
            if (m.path("key").asText().equals("grid-event")) {
                gridEvent = m;
            }
        }
        assertThat(gridEvent.path("runningInstances").asLong()).as("demo events run on grid-event").isPositive();
        assertThat(staff.get("/api/designer/models?kind=FORM&size=2").json().path("items")).hasSize(2);
        assertThat(staff.get("/api/designer/models?kind=FORM&size=2").json().path("total").asInt()).isGreaterThan(2);
        assertThat(staff.get("/api/designer/me").json().path("canEdit").asBoolean()).isFalse();
        assertThat(AppClient.login(port, "designer", "demo").get("/api/designer/me").json().path("canEdit").asBoolean())
                .isTrue();
    }

    @Test
    void draftsBelongToTheirDesignerAndStaffHaveNone() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        String key = uniqueKey();
        AppClient.Reply saved = designer.put("/api/designer/drafts/process/" + key,
                Map.of("content", Models.userTask(key, "草稿"), "baseVersion", 3));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        designer.put("/api/designer/drafts/process/" + key, Map.of("content", Models.userTask(key, "草稿二"),
                "baseVersion", 3));
        JsonNode draft = designer.get("/api/designer/drafts/process/" + key).json();
        assertThat(draft.path("content").asText()).contains("草稿二");
        assertThat(draft.path("baseVersion").asInt()).isEqualTo(3);

        assertThat(AppClient.login(port, "admin", "admin").get("/api/designer/drafts/process/" + key).status())
                .isEqualTo(404);
        AppClient staff = AppClient.login(port, "grid0101", "demo");
        assertThat(staff.get("/api/designer/drafts/process/" + key).status()).isEqualTo(403);
        assertThat(staff.put("/api/designer/drafts/process/" + key, Map.of("content", "x")).status()).isEqualTo(403);

        deploy(designer, key, draft.path("content").asText(), null);
        assertThat(designer.get("/api/designer/drafts/process/" + key).status()).as("deploying ends the draft")
                .isEqualTo(404);
    }

    @Test
    void aDesignerDeploymentOfGridEventCarriesTheFormsItBindsByDeployment() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        JsonNode versions = designer.get("/api/designer/models/process/grid-event/versions").json();
        int latest = versions.get(0).path("version").asInt();
        String xml = designer.get("/api/designer/models/process/grid-event/versions/" + latest + "/content").json()
                .path("content").asText();
        AppClient.Reply reply = designer.post("/api/designer/models/process/grid-event/deployments",
                Map.of("content", xml, "baseVersion", latest));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String deploymentId = reply.json().path("deploymentId").asText();
        List<String> resources = new ArrayList<>();
        AppClient.basic(port, "admin", "admin").get("/engine-rest/deployment/" + deploymentId + "/resources").json()
                .forEach(r -> resources.add(r.path("name").asText()));
        assertThat(resources).contains("grid-event.bpmn", "grid-event-triage.form", "grid-event-dispatch.form",
                "grid-event-assess.form");
    }

    @Test
    void runningInstancesMoveToANewVersionWithTheSameActivities() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        AppClient admin = AppClient.basic(port, "admin", "admin");
        String key = uniqueKey();
        deploy(designer, key, Models.userTask(key, "办理"), null);
        String instance = admin.post("/engine-rest/process-definition/key/" + key + "/start", Map.of())
                .json().path("id").asText();
        deploy(designer, key, Models.userTask(key, "办理（新）"), 1);
        String renamedActivity = Models.userTask(key, "另一环节").replace("id=\"work\"", "id=\"otherWork\"")
                .replace("targetRef=\"work\"", "targetRef=\"otherWork\"")
                .replace("sourceRef=\"work\"", "sourceRef=\"otherWork\"");
        deploy(designer, key, renamedActivity, 2);

        JsonNode toThree = designer.get("/api/designer/processes/" + key + "/migration?fromVersion=1&toVersion=3")
                .json();
        assertThat(toThree.path("instances").get(0).path("movable").asBoolean()).isFalse();
        assertThat(toThree.path("instances").get(0).path("unmapped").toString()).contains("work");

        JsonNode toTwo = designer.get("/api/designer/processes/" + key + "/migration?fromVersion=1&toVersion=2").json();
        assertThat(toTwo.path("instances")).hasSize(1);
        assertThat(toTwo.path("instances").get(0).path("id").asText()).isEqualTo(instance);
        assertThat(toTwo.path("instances").get(0).path("movable").asBoolean()).isTrue();
        assertThat(toTwo.path("mappedActivities").toString()).contains("work");

        assertThat(AppClient.login(port, "grid0101", "demo").post("/api/designer/processes/" + key + "/migration",
                Map.of("fromVersion", 1, "toVersion", 2)).status()).isEqualTo(403);
        AppClient.Reply moved = designer.post("/api/designer/processes/" + key + "/migration",
                Map.of("fromVersion", 1, "toVersion", 2));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("moved").asInt()).isEqualTo(1);
        JsonNode versions = designer.get("/api/designer/models/process/" + key + "/versions").json();
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).path("runningInstances").asLong()).isEqualTo(1);
        assertThat(versions.get(2).path("runningInstances").asLong()).isZero();
    }
}
