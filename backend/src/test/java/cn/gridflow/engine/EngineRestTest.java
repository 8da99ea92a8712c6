package cn.gridflow.engine;

import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The standard engine REST API, as third-party clients and the domain scenario tests use it. */
@GridFlowTest
class EngineRestTest {

    @LocalServerPort
    int port;

    private static final String MINI_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="deploy-check" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
              </process>
            </definitions>
            """;

    private int deployAs(String user, String password) throws Exception {
        String boundary = "gridflowBoundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\ndeploy-check\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"deploy-check.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + MINI_BPMN + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void onlyDesignersMayDeploy() throws Exception {
        assertThat(deployAs("grid0101", "demo")).isEqualTo(403);
        assertThat(deployAs("dispatcher", "demo")).isEqualTo(403);
        assertThat(deployAs("designer", "demo")).isEqualTo(200);
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        AppClient admin = AppClient.basic(port, "admin", "admin");
        long before = admin.get("/engine-rest/process-instance/count").json().path("count").asLong();
        AppClient.Reply reply = admin.post("/engine-rest/process-definition/key/grid-event/start", Map.of(
                "variables", Map.of(
                        "gridId", Map.of("value", "G0101", "type", "String"),
                        "payload", Map.of("value", "rO0ABXQABGV2aWw=", "type", "Object", "valueInfo", Map.of(
                                "objectTypeName", "java.lang.String",
                                "serializationDataFormat", "application/x-java-serialized-object")))));
        assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
        assertThat(admin.get("/engine-rest/process-instance/count").json().path("count").asLong()).isEqualTo(before);
    }

    @Test
    void unboundedQueriesMustPage() {
        AppClient.Reply unbounded = AppClient.basic(port, "grid0101", "demo").get("/engine-rest/task");
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.body()).contains("unbound");
    }

    @Test
    void engineRestStartsWithTheSpecsVariablesAndTheInboxFollowsEngineChanges() {
        AppClient hotline = AppClient.basic(port, "hotline", "demo");
        // (a resident-app report goes straight to the grid; 12345 orders pass the centre's first check before)
        String text = uniqueText("群众端上报 夜间施工噪音");
        AppClient.Reply started = hotline.post("/engine-rest/process-definition/key/grid-event/start", Map.of(
                "businessKey", "EV-20261127-99999",
                "variables", Map.of(
                        "gridId", Map.of("value", "G0102", "type", "String"),
                        "source", Map.of("value", "RESIDENT_APP", "type", "String"),
                        "category", Map.of("value", "DISPUTE", "type", "String"),
                        "urgency", Map.of("value", "ROUTINE", "type", "String"),
                        "description", Map.of("value", text, "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        AppClient g0102 = AppClient.login(port, "grid0102", "demo");
        String taskId = findTask(g0102, "受理核实", text).path("id").asText();
        AppClient g0101 = AppClient.login(port, "grid0101", "demo");
        assertThat(findTask(g0101, "受理核实", text)).isNull();

        // An administrator adds the neighbouring grid through engine-rest: the inbox shows it at once.
        AppClient admin = AppClient.basic(port, "admin", "admin");
        AppClient.Reply link = admin.post("/engine-rest/task/" + taskId + "/identity-links",
                Map.of("groupId", "grid-staff:G0101", "type", "candidate"));
        assertThat(link.status()).as(link.body()).isEqualTo(204);
        assertThat(findTask(g0101, "受理核实", text)).isNotNull();

        AppClient.Reply claim = AppClient.basic(port, "grid0101", "demo")
                .post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "grid0101"));
        assertThat(claim.status()).isEqualTo(204);
        assertThat(findTask(g0102, "受理核实", text).path("assignee").asText()).isEqualTo("grid0101");
    }

    @Test
    void aPatrolReportThroughTheAppIsVisibleInEngineRestToTheRightGridOnly() {
        AppClient grid = AppClient.login(port, "grid0201", "demo");
        String text = uniqueText("engine-rest 可见性");
        report(grid, "G0201", text);
        String taskId = findTask(grid, "受理核实", text).path("id").asText();
        assertThat(AppClient.basic(port, "grid0201", "demo").get("/engine-rest/task/" + taskId).status())
                .isEqualTo(200);
        assertThat(AppClient.basic(port, "grid0202", "demo").get("/engine-rest/task/" + taskId).status())
                .isIn(403, 404);
    }
}
