package cn.gridflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A model nobody here wrote (Camunda's own Camunda Forms quickstart, unchanged; see
 * src/test/resources/third-party/README.md) deploys through engine-rest like any Camunda tool would deploy it,
 * passes the deploy policy, runs, and its task shows in the assignee's GridFlow task list.
 */
@GridFlowTest
class ThirdPartyModelTest {

    @LocalServerPort
    int port;

    private static String model() throws IOException {
        try (InputStream in = ThirdPartyModelTest.class.getResourceAsStream("/third-party/invoiceApproval.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void camundasQuickstartDeploysAndItsTaskReachesTheTaskList() throws Exception {
        String boundary = "gridflowBoundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncamunda-forms-quickstart\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"invoiceApproval.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model() + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> deployed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("designer:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        AppClient admin = AppClient.basic(port, "admin", "admin");
        // The model assigns its task to "demo", Camunda's example user: GridFlow gets such a user.
        if (admin.get("/engine-rest/user/demo/profile").status() == 404) {
            AppClient.Reply created = admin.post("/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", "demo", "firstName", "Demo", "lastName", "Demo", "email", "demo@example.org"),
                    "credentials", Map.of("password", "demo-pass")));
            assertThat(created.status()).as(created.body()).isEqualTo(204);
        }
        AppClient.Reply started = admin.post("/engine-rest/process-definition/key/camundaFormsQuickstart/start",
                Map.of("businessKey", "INV-3rd-party", "variables", Map.of(
                        "amount", Map.of("value", 30, "type", "Integer"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        AppClient demo = AppClient.login(port, "demo", "demo-pass");
        AppClient.Reply tasks = demo.get("/api/tasks?filter=mine&size=50");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        JsonNode approve = null;
        for (JsonNode item : tasks.json().path("items")) {
            if (item.path("name").asText().equals("Approve Invoice")) {
                approve = item;
            }
        }
        assertThat(approve).as(tasks.body()).isNotNull();

        JsonNode versions = AppClient.login(port, "designer", "demo")
                .get("/api/designer/models/process/camundaFormsQuickstart/versions").json();
        assertThat(versions.get(0).path("deployedBy").asText()).isEqualTo("designer");
        assertThat(versions.get(0).path("runningInstances").asLong()).isEqualTo(1);
    }
}
