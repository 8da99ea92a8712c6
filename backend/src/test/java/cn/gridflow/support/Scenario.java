package cn.gridflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Steps shared by the HTTP tests, each done the way the app does it. */
public final class Scenario {

    private Scenario() {
    }

    /** A unique description, so a test finds its own event among the demo data and other tests' events. */
    public static String uniqueText(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String report(AppClient reporter, String gridId, String description) {
        AppClient.Reply started = reporter.post("/api/processes/grid-event/start", Map.of("variables", Map.of(
                "gridId", gridId, "category", "ENV_CLUTTER", "urgency", "ROUTINE", "description", description)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.text("businessKey");
    }

    /** The open task of the given name whose title contains the text, as the user's "all" filter lists it. */
    public static JsonNode findTask(AppClient user, String taskName, String text) {
        AppClient.Reply page = user.get("/api/tasks?filter=all&size=200&text=" + encode(text));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode item : page.json().path("items")) {
            if (item.path("name").asText().equals(taskName)) {
                return item;
            }
        }
        return null;
    }

    public static String taskId(AppClient user, String taskName, String text) {
        JsonNode task = findTask(user, taskName, text);
        assertThat(task).as("task %s for '%s'", taskName, text).isNotNull();
        return task.path("id").asText();
    }

    /**
     * The id of the open task of the given name in a process whose list item has {@code value} in {@code field}
     * (businessKey, processInstanceId), as the user's "all" filter lists it.
     */
    public static String task(AppClient user, String processKey, String name, String field, String value) {
        JsonNode page = user.get("/api/tasks?filter=all&size=200&processKey=" + processKey).json();
        for (JsonNode item : page.path("items")) {
            if (item.path("name").asText().equals(name) && item.path(field).asText().equals(value)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no task " + name + " with " + field + " " + value + " in " + page);
    }

    /** The same by business key. */
    public static String task(AppClient user, String processKey, String name, String businessKey) {
        return task(user, processKey, name, "businessKey", businessKey);
    }

    public static void complete(AppClient user, String taskId, Map<String, Object> variables) {
        AppClient.Reply reply = user.post("/api/tasks/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    /** A category whose lead department the DRD knows (dept-by-category), so the system dispatches it. */
    private static final Map<String, String> CATEGORY_OF_DEPT = Map.of("ENFORCE", "ENV_CLUTTER", "MARKET",
            "MARKET_ORDER", "HOUSING", "DANGEROUS_HOUSE", "EMERGENCY_MGMT", "SAFETY_HAZARD", "GOVERNANCE", "DISPUTE");

    /**
     * Report in G0101 with a category of the department, so it is dispatched there by the system (系统自动分拨), and
     * sign it there: the dept-handler:{dept} handling task is open. A dispute is marked complex, so it does not stay
     * in the community.
     */
    public static String reportToDepartment(int port, String description, String dept) {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        report(grid, "G0101", description);
        complete(grid, taskId(grid, "受理核实", description), Map.of("category", CATEGORY_OF_DEPT.get(dept),
                "urgency", "ROUTINE", "canSelfResolve", false, "complex", "GOVERNANCE".equals(dept)));
        String handlerId = Map.of("ENFORCE", "enforce", "MARKET", "market", "HOUSING", "housing",
                "EMERGENCY_MGMT", "emergency", "GOVERNANCE", "governance").get(dept);
        AppClient handler = AppClient.login(port, handlerId, "demo");
        complete(handler, taskId(handler, "签收/回退", description), Map.of("signDecision", "SIGN"));
        return description;
    }

    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
