package cn.gridflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deploy policy through both doors that deploy, with real security: the designer API and engine-rest's
 * {@code /deployment/create}. A refused model must leave no deployment behind.
 */
@GridFlowTest
class DesignerDeployTest {

    @LocalServerPort
    int port;

    private static String uniqueKey() {
        return "designer-check-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long deploymentCount() {
        return AppClient.basic(port, "admin", "admin").get("/engine-rest/deployment/count").json()
                .path("count").asLong();
    }

    private AppClient.Reply deploy(AppClient client, String key, String bpmn, Integer baseVersion) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", bpmn);
        body.put("baseVersion", baseVersion);
        return client.post("/api/designer/models/process/" + key + "/deployments", body);
    }

    private record Raw(int status, JsonNode json, String body) {
    }

    private Raw engineRestDeploy(String user, String password, String fileName, String content, String language)
            throws Exception {
        String boundary = "gridflowBoundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\ndesigner-check\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String text = response.body();
        JsonNode json = text != null && text.startsWith("{") ? new ObjectMapper().readTree(text) : null;
        return new Raw(response.statusCode(), json, text);
    }

    @Test
    void aValidModelDeploysAsANewVersionAttributedToTheDesigner() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        String key = uniqueKey();
        AppClient.Reply first = deploy(designer, key, Models.userTask(key, "办理"), null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        AppClient.Reply second = deploy(designer, key, Models.userTask(key, "重新办理"), 1);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);

        JsonNode versions = designer.get("/api/designer/models/process/" + key + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("deployedBy").asText()).isEqualTo("designer");
        assertThat(versions.get(0).path("deployedAt").asText()).isNotBlank();
        assertThat(versions.get(0).path("runningInstances").asLong()).isZero();
        String content = designer.get("/api/designer/models/process/" + key + "/versions/2/content").json()
                .path("content").asText();
        assertThat(content).contains("重新办理");
    }

    @Test
    void aVersionMadeFromAStaleOneIsAConflict() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        String key = uniqueKey();
        assertThat(deploy(designer, key, Models.userTask(key, "一"), null).status()).isEqualTo(201);
        assertThat(deploy(designer, key, Models.userTask(key, "二"), 1).status()).isEqualTo(201);
        long before = deploymentCount();
        AppClient.Reply stale = deploy(designer, key, Models.userTask(key, "三"), 1);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("DESIGNER_STALE_VERSION");
        assertThat(stale.text("message")).contains("版本 2");
        assertThat(deploymentCount()).isEqualTo(before);
    }

    @Test
    void staffCannotDeploy() throws Exception {
        long before = deploymentCount();
        String key = uniqueKey();
        AppClient.Reply reply = deploy(AppClient.login(port, "grid0101", "demo"), key, Models.userTask(key, "办理"),
                null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(engineRestDeploy("dispatcher", "demo", key + ".bpmn", Models.userTask(key, "办理"), "zh-CN")
                .status()).isEqualTo(403);
        assertThat(deploymentCount()).isEqualTo(before);
    }

    /** Each unsafe model: refused on the designer API in Chinese and English, on engine-rest too, nothing deployed. */
    private void refusedEverywhere(String key, String model, String code, String zh, String en) throws Exception {
        long before = deploymentCount();
        AppClient designer = AppClient.login(port, "designer", "demo");
        AppClient.Reply chinese = deploy(designer, key, model, null);
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
        assertThat(chinese.text("code")).isEqualTo("DESIGNER_REFUSED");
        assertThat(chinese.text("message")).contains("部署被拒绝").contains(zh);
        assertThat(chinese.json().path("problems").get(0).path("message").asText()).contains(zh);

        AppClient.Reply english = deploy(AppClient.login(port, "designer", "demo").inEnglish(), key, model, null);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("message")).contains("Deployment refused").contains(en);

        Raw rest = engineRestDeploy("designer", "demo", key + ".bpmn", model, "en");
        assertThat(rest.status()).as(rest.body()).isEqualTo(400);
        assertThat(rest.json().path("message").asText()).contains(en);
        Raw restZh = engineRestDeploy("admin", "admin", key + ".bpmn", model, "zh-CN");
        assertThat(restZh.status()).as(restZh.body()).isEqualTo(400);
        assertThat(restZh.json().path("message").asText()).contains(zh);

        assertThat(deploymentCount()).isEqualTo(before);
        assertThat(designer.get("/api/designer/models/process/" + key + "/versions").status()).isEqualTo(404);
        assertThat(code).isNotBlank();
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() throws Exception {
        String key = uniqueKey();
        refusedEverywhere(key, Models.malformed(key), "DESIGNER_MALFORMED", "XML 格式不正确", "not well-formed");
        AppClient.Reply reply = deploy(AppClient.login(port, "designer", "demo"), key, Models.malformed(key), null);
        assertThat(reply.json().path("problems").get(0).path("line").asInt()).isEqualTo(10);
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        String key = uniqueKey();
        refusedEverywhere(key, Models.xxe(key), "DESIGNER_DOCTYPE", "不允许 DOCTYPE", "external entities are not allowed");
    }

    @Test
    void scriptTasksAndScriptListenersAreRefused() throws Exception {
        String key = uniqueKey();
        refusedEverywhere(key, Models.scriptTask(key), "DESIGNER_SCRIPT", "不允许使用脚本", "Scripts are not allowed");
        AppClient.Reply reply = deploy(AppClient.login(port, "designer", "demo"), key, Models.scriptTask(key), null);
        assertThat(reply.json().path("problems").get(0).path("elementId").asText()).isEqualTo("work");
        refusedEverywhere(key, Models.scriptListener(key), "DESIGNER_SCRIPT", "不允许使用脚本",
                "Scripts are not allowed");
    }

    @Test
    void beansOutsideTheAllowListAreRefused() throws Exception {
        String key = uniqueKey();
        refusedEverywhere(key, Models.serviceTask(key, "${runtimeService.deleteProcessInstance('x', 'y')}"),
                "DESIGNER_BEAN_NOT_ALLOWED", "Bean“runtimeService”", "bean \"runtimeService\"");
        refusedEverywhere(key, Models.serviceTask(key, "${notifications.toGroup('a', 'b', 'c')}"),
                "DESIGNER_BEAN_NOT_ALLOWED", "Bean“notifications”", "bean \"notifications\"");
        refusedEverywhere(key, Models.serviceTask(key,
                        "${execution.getProcessEngineServices().getIdentityService()}"),
                "DESIGNER_EXPRESSION_FORBIDDEN", "禁止的成员“getProcessEngineServices”",
                "uses \"getProcessEngineServices\"");
    }

    @Test
    void allowListedBeansDeploy() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        String key = uniqueKey();
        AppClient.Reply reply = deploy(designer, key, Models.serviceTask(key,
                "${counter.increment(execution, 'round')}"), null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(designer.get("/api/designer/process-beans").json().toString())
                .contains("\"groups\"", "\"counter\"", "\"supervision\"", "\"workCalendar\"", "\"computeDueDates\"",
                        "\"resolveLocation\"", "\"modeSwitch\"").doesNotContain("\"notifications\"");
    }

    @Test
    void oversizedFilesAreRefused() throws Exception {
        String key = uniqueKey();
        refusedEverywhere(key, Models.oversized(key, 1_100_000), "DESIGNER_TOO_LARGE", "超过 1024 KB",
                "larger than the limit of 1024 KB");
        long before = deploymentCount();
        Raw huge = engineRestDeploy("designer", "demo", key + ".bpmn", Models.oversized(key, 5_000_000), "zh-CN");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("message").asText()).contains("上传内容超过");
        assertThat(deploymentCount()).isEqualTo(before);
    }

    @Test
    void onlyModelFilesMayBeDeployed() throws Exception {
        long before = deploymentCount();
        Raw reply = engineRestDeploy("designer", "demo", "run.groovy", "println 'x'", "en");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("message").asText()).contains("Only BPMN, DMN and form files");
        assertThat(deploymentCount()).isEqualTo(before);
    }

    @Test
    void engineParseErrorsComeWithTheirElement() {
        AppClient designer = AppClient.login(port, "designer", "demo");
        String key = uniqueKey();
        String broken = Models.userTask(key, "办理").replace("targetRef=\"end\"", "targetRef=\"nowhere\"");
        AppClient.Reply reply = deploy(designer, key, broken, null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode problem = null;
        for (JsonNode p : reply.json().path("problems")) {
            if (p.path("elementId").asText().equals("toEnd")) {
                problem = p;
            }
        }
        assertThat(problem).as(reply.body()).isNotNull();
        assertThat(problem.path("line").asInt()).isEqualTo(8);
        assertThat(problem.path("message").asText()).contains("nowhere");
        assertThat(reply.text("message")).contains("引擎无法部署");
    }

    @Test
    void decisionsWithAScriptLanguageAndFormsThatAreNotFormsAreRefused() throws Exception {
        long before = deploymentCount();
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="scripted" name="脚本决策">
                    <decisionTable id="table">
                      <input id="in"><inputExpression id="e" typeRef="string" expressionLanguage="javascript">
                        <text>java.lang.Runtime.getRuntime()</text></inputExpression></input>
                      <output id="out" name="r" typeRef="string"/>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        Raw scripted = engineRestDeploy("designer", "demo", "scripted.dmn", dmn, "zh-CN");
        assertThat(scripted.status()).as(scripted.body()).isEqualTo(400);
        assertThat(scripted.json().path("message").asText()).contains("不允许使用表达式语言“javascript”");
        Raw form = engineRestDeploy("designer", "demo", "broken.form", "[1, 2, 3]", "en");
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(form.json().path("message").asText()).contains("not a Camunda Form");
        assertThat(deploymentCount()).isEqualTo(before);
    }
}
