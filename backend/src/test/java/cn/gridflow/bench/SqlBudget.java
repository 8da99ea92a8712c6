package cn.gridflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.gridflow.support.AppClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * SQL statements per start and per task completion, counted at the DataSource: the engine call alone (start by
 * message, complete, rating message) and GridFlow's HTTP call that wraps it (security, form validation, read model).
 * One event at a time, job executor off, so nothing else talks to the database meanwhile.
 */
final class SqlBudget {

    static final List<String> STEPS = List.of("start", "claim triage", "complete triage", "complete handle",
            "complete verify", "rate (message)");

    /** The event's three tasks in order: the step's name, its task definition key, the form the worker sends. */
    private static final List<String> TASKS = List.of("triage", "handle", "verify");
    private static final List<String> TASK_KEYS = List.of("verifyAndTriage", "resolveInGrid", "verifyOnSite");
    private static final List<Map<String, Object>> FORMS = List.of(HappyPath.TRIAGE, HappyPath.HANDLE,
            HappyPath.VERIFY);

    /** Per step, the counts of each event (statements, round trips). */
    record Counts(Map<String, List<SqlCounter.Snapshot>> byStep) {
        Counts() {
            this(new LinkedHashMap<>());
        }

        void add(String step, SqlCounter.Snapshot s) {
            byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(s);
        }

        /** The median event's statements and round trips for a step. */
        SqlCounter.Snapshot median(String step) {
            List<SqlCounter.Snapshot> all = new ArrayList<>(byStep.getOrDefault(step, List.of()));
            all.sort(java.util.Comparator.comparingLong(SqlCounter.Snapshot::statements));
            return all.isEmpty() ? null : all.get(all.size() / 2);
        }

        long spread(String step) {
            List<SqlCounter.Snapshot> all = byStep.getOrDefault(step, List.of());
            return all.stream().mapToLong(SqlCounter.Snapshot::statements).max().orElse(0)
                    - all.stream().mapToLong(SqlCounter.Snapshot::statements).min().orElse(0);
        }
    }

    private final BenchApp app;

    SqlBudget(BenchApp app) {
        this.app = app;
    }

    private SqlCounter.Snapshot counted(Runnable action) {
        SqlCounter.Snapshot before = app.sql.snapshot();
        action.run();
        return app.sql.snapshot().minus(before);
    }

    void engineEvent(Counts counts) {
        ProcessEngine engine = app.engine();
        String key = "BENCH-" + UUID.randomUUID();
        VariableMap variables = Variables.createVariables();
        HappyPath.report(UUID.randomUUID().toString()).forEach(variables::putValue);
        variables.putValue("eventId", key).putValue("reporterId", null).putValue("lat", null).putValue("lng", null)
                .putValueTyped("attachmentIds", SpinValues.jsonValue("[]").create());
        String[] instance = new String[1];
        counts.add("start", counted(() -> instance[0] = engine.getRuntimeService()
                .createMessageCorrelation("MSG_EVENT_REPORTED").processInstanceBusinessKey(key)
                .setVariables(variables).correlateStartMessage().getId()));
        for (int i = 0; i < TASKS.size(); i++) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance[0]).singleResult();
            SqlCounter.Snapshot claim = counted(() -> engine.getTaskService().claim(task.getId(), HappyPath.WORKER));
            if (i == 0) {
                counts.add("claim triage", claim);
            }
            Map<String, Object> form = FORMS.get(i);
            counts.add("complete " + TASKS.get(i), counted(() -> engine.getTaskService().complete(task.getId(), form)));
        }
        counts.add("rate (message)", counted(() -> engine.getRuntimeService()
                .createMessageCorrelation("MSG_RATING_RECEIVED").processInstanceBusinessKey(key)
                .setVariable("satisfaction", "SATISFIED").setVariable("ratingComment", null).correlateWithResult()));
        check(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance[0]).count() == 0,
                () -> "engine event " + key + " did not close");
    }

    void httpEvent(Counts counts, AppClient worker, AppClient bridge) {
        String[] eventId = new String[1];
        counts.add("start", counted(() -> {
            AppClient.Reply r = bridge.post("/api/intake/reports", HappyPath.report(UUID.randomUUID().toString()));
            HappyPath.Http.expect(r, 201);
            eventId[0] = r.text("eventId");
        }));
        for (int i = 0; i < TASKS.size(); i++) {
            String id = null;
            for (JsonNode item : worker.get("/api/tasks?filter=all&size=50&text=" + eventId[0]).json().path("items")) {
                if (item.path("taskDefinitionKey").asText().equals(TASK_KEYS.get(i))) {
                    id = item.path("id").asText();
                }
            }
            String taskId = id;
            check(taskId != null, () -> "no task " + eventId[0]);
            SqlCounter.Snapshot claim = counted(() -> HappyPath.Http.expect(
                    worker.post("/api/tasks/" + taskId + "/claim", Map.of()), 204));
            if (i == 0) {
                counts.add("claim triage", claim);
            }
            Map<String, Object> form = FORMS.get(i);
            counts.add("complete " + TASKS.get(i), counted(() -> HappyPath.Http.expect(
                    worker.post("/api/tasks/" + taskId + "/complete", Map.of("variables", form)), 204)));
        }
        counts.add("rate (message)", counted(() -> HappyPath.Http.expect(bridge.post("/api/intake/ratings",
                Map.of("eventId", eventId[0], "satisfaction", "SATISFIED")), 204)));
    }

    private static void check(boolean ok, Supplier<String> message) {
        if (!ok) {
            throw new IllegalStateException(message.get());
        }
    }
}
