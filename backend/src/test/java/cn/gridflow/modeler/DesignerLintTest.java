package cn.gridflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * GridFlow's own model rules on the server, for the designer's deploy endpoint: each rule has a model that trips it
 * (400 naming element and rule, in Chinese and English, nothing deployed) and one that passes. Engine-rest keeps
 * only the safety policy, and every model GridFlow ships passes the rules (so each can be redeployed from the
 * designer).
 */
@GridFlowTest
class DesignerLintTest {

    @LocalServerPort
    int port;

    @Autowired
    GridFlowLint lint;

    @Autowired
    ModelLibrary library;

    private static String uniqueKey() {
        return "designer-lint-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long deploymentCount() {
        return AppClient.basic(port, "admin", "admin").get("/engine-rest/deployment/count").json()
                .path("count").asLong();
    }

    private static AppClient.Reply deploy(AppClient client, String key, String bpmn) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", bpmn);
        body.put("baseVersion", null);
        return client.post("/api/designer/models/process/" + key + "/deployments", body);
    }

    private static String withTask(String key, String task) {
        return Models.process(key, task);
    }

    private static final String DUE = "camunda:dueDate=\"${dateTime().plusDays(1).toDate()}\"";

    /** Refused in both languages with element and rule, and nothing deployed. */
    private void trips(String model, String key, String rule, String zh, String en) {
        long before = deploymentCount();
        AppClient.Reply chinese = deploy(AppClient.login(port, "designer", "demo"), key, model);
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
        assertThat(chinese.text("code")).isEqualTo("DESIGNER_LINT");
        assertThat(chinese.text("message")).contains("部署被拒绝").contains("元素“work”违反规则 " + rule).contains(zh);
        JsonNode problem = chinese.json().path("problems").get(0);
        assertThat(problem.path("elementId").asText()).isEqualTo("work");
        assertThat(problem.path("rule").asText()).isEqualTo(rule);
        assertThat(problem.path("line").asInt()).isPositive();

        AppClient.Reply english = deploy(AppClient.login(port, "designer", "demo").inEnglish(), key, model);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("message")).contains("Deployment refused")
                .contains("Element \"work\" breaks rule " + rule).contains(en);

        assertThat(deploymentCount()).isEqualTo(before);
        assertThat(AppClient.login(port, "designer", "demo")
                .get("/api/designer/models/process/" + key + "/versions").status()).isEqualTo(404);
    }

    private void passes(String model, String key) {
        AppClient.Reply reply = deploy(AppClient.login(port, "designer", "demo"), key, model);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void aUserTaskNeedsCandidateGroupsOrAnAssigneeExpression() {
        String key = uniqueKey();
        trips(withTask(key, "<userTask id=\"work\" name=\"办理\" " + DUE + "/>"), key,
                "gridflow/user-task-assignment", "没有候选组或处理人表达式", "no candidate group or assignee");
        passes(withTask(key, "<userTask id=\"work\" name=\"办理\" camunda:assignee=\"${initiator}\" " + DUE + "/>"),
                key);
    }

    @Test
    void aUserTaskNeedsADueDate() {
        String key = uniqueKey();
        trips(withTask(key, "<userTask id=\"work\" name=\"办理\" camunda:candidateGroups=\"sgc-dispatcher\"/>"), key,
                "gridflow/user-task-assignment", "没有到期时间", "has no due date");
        passes(Models.userTask(key, "办理"), key);
    }

    @Test
    void aServiceTaskNamesAKnownDelegateBean() {
        String key = uniqueKey();
        trips(withTask(key, "<serviceTask id=\"work\" name=\"自动处理\"/>"), key,
                "gridflow/service-task-bean", "未指定委托 Bean", "names no delegate bean");
        // not a bean at all (the safety policy lets it pass, it may be a variable): the GridFlow rule refuses it
        trips(Models.serviceTask(key, "${notABean.run(execution)}"), key,
                "gridflow/service-task-bean", "Bean“notABean”不是已知的流程 Bean", "bean \"notABean\"");
        passes(Models.serviceTask(key, "${counter.increment(execution, 'round')}"), key);
        // a value computed with the engine's own functions needs no bean
        passes(Models.serviceTask(key, "${dateTime().plusDays(3).toDate()}"), key);
    }

    @Test
    void referencedFormsExist() {
        String key = uniqueKey();
        trips(withTask(key, "<userTask id=\"work\" name=\"办理\" camunda:candidateGroups=\"sgc-dispatcher\" " + DUE
                        + " camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"deployment\"/>"), key,
                "gridflow/form-exists", "表单“no-such-form”尚未部署", "form \"no-such-form\" is not deployed");
        passes(withTask(key, "<userTask id=\"work\" name=\"办理\" camunda:candidateGroups=\"sgc-dispatcher\" " + DUE
                + " camunda:formRef=\"grid-event-triage\" camunda:formRefBinding=\"deployment\"/>"), key);
    }

    @Test
    void noScripts() {
        // On the endpoint the safety policy, which runs first, refuses scripts at their element on every path
        // (DesignerDeployTest); the GridFlow rule reports the same elements for the designer's checks.
        List<GridFlowLint.Finding> scriptTask = lint.check(Models.scriptTask("p"), form -> true);
        assertThat(scriptTask).extracting(GridFlowLint.Finding::rule, GridFlowLint.Finding::elementId)
                .containsExactly(tuple("gridflow/no-script", "work"));
        List<GridFlowLint.Finding> listener = lint.check(Models.scriptListener("p")
                .replace("camunda:candidateGroups", DUE + " camunda:candidateGroups"), form -> true);
        assertThat(listener).extracting(GridFlowLint.Finding::rule, GridFlowLint.Finding::elementId)
                .containsExactly(tuple("gridflow/no-script", "work"));
        String condition = Models.userTask("p", "办理").replace("<sequenceFlow id=\"toEnd\" sourceRef=\"work\" "
                + "targetRef=\"end\"/>", "<sequenceFlow id=\"toEnd\" sourceRef=\"work\" targetRef=\"end\">"
                + "<conditionExpression language=\"groovy\">true</conditionExpression></sequenceFlow>");
        assertThat(lint.check(condition, form -> true)).extracting(GridFlowLint.Finding::elementId)
                .containsExactly("toEnd");
        assertThat(lint.check(Models.userTask("p", "办理"), form -> true)).isEmpty();

        String key = uniqueKey();
        long before = deploymentCount();
        AppClient.Reply refused = deploy(AppClient.login(port, "designer", "demo"), key, Models.scriptTask(key));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("problems").get(0).path("elementId").asText()).isEqualTo("work");
        assertThat(deploymentCount()).isEqualTo(before);
    }

    @Test
    void engineRestKeepsOnlyTheSafetyPolicySoThirdPartyModelsWithoutDueDatesDeploy() throws Exception {
        String key = uniqueKey();
        String model = withTask(key, "<userTask id=\"work\" name=\"办理\" camunda:candidateGroups=\"sgc-dispatcher\"/>");
        String boundary = "gridflowBoundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
                + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("designer:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(AppClient.login(port, "designer", "demo")
                .get("/api/designer/models/process/" + key + "/versions").json().get(0).path("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void everyPackagedProcessPassesGridFlowsRules() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
        assertThat(models.length).isGreaterThanOrEqualTo(15);
        List<String> broken = new ArrayList<>();
        for (Resource model : models) {
            try (InputStream in = model.getInputStream()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                lint.check(xml, form -> library.latestVersion(ModelKind.FORM, form) > 0)
                        .forEach(f -> broken.add(model.getFilename() + ": " + f.message()));
            }
        }
        assertThat(broken).isEmpty();
        assertThat(models).extracting(Resource::getFilename).contains("mode-switch.bpmn", "grid-event.bpmn");
    }
}
