package cn.gridflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gridflow.support.AppClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The grid-event happy path, report → triage → handle → verify → rate → close, once through GridFlow's HTTP API the
 * way the app and the bridges call it, once on the engine's Java API in the same JVM and database. Both sides run
 * the same BPMN, DMN and delegates; what differs is what GridFlow adds: HTTP, security, form validation, the inbox.
 */
final class HappyPath {

    static final List<String> STEPS = List.of("report", "triage", "handle", "verify", "rate");
    static final String GRID = "G0101";
    static final String WORKER = "grid0101";

    /** One side's run: processes per second, every step's latencies in ms, and the CPU it spent per event. */
    record Run(double perSecond, Map<String, List<Double>> stepMillis, CpuClock.PerEvent cpu) {
    }

    interface Side {
        /** Drives one event through every step, recording each step's time. */
        void oneEvent(Map<String, List<Double>> steps);
    }

    static Run run(Side side, int processes, int threads) throws Exception {
        return run(side, processes, threads, null);
    }

    /** With a clock, the run also measures the CPU spent per event. */
    static Run run(Side side, int processes, int threads, CpuClock cpu) throws Exception {
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        STEPS.forEach(s -> steps.put(s, Collections.synchronizedList(new ArrayList<>())));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CpuClock.Reading before = cpu == null ? null : cpu.now();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = processes / threads + (t < processes % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    side.oneEvent(steps);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CpuClock.PerEvent cpuPerEvent = cpu == null ? CpuClock.PerEvent.UNMEASURED
                : before.perEvent(cpu.now(), processes);
        pool.shutdown();
        return new Run(processes / seconds, steps, cpuPerEvent);
    }

    static void time(Map<String, List<Double>> steps, String step, Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        steps.get(step).add((System.nanoTime() - t0) / 1e6);
    }

    static Map<String, Object> report(String reportId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reportId", reportId);
        r.put("source", "RESIDENT_APP");
        r.put("gridId", GRID);
        r.put("category", "ENV_CLUTTER");
        r.put("urgency", "ROUTINE");
        r.put("description", "基准测试 楼道堆放杂物 " + reportId);
        r.put("reporterPhone", "13800000000");
        return r;
    }

    static final Map<String, Object> TRIAGE = Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE",
            "canSelfResolve", true);
    static final Map<String, Object> HANDLE = Map.of("resolutionNote", "已清理");
    static final Map<String, Object> VERIFY = Map.of("verifyResult", "PASS");

    /** GridFlow's HTTP API: the bridge reports and rates (Basic), the grid worker works in the app (session + CSRF). */
    static final class Http implements Side {

        private final int port;
        private final ThreadLocal<AppClient> worker;
        private final ThreadLocal<AppClient> bridge;
        /** False: the worker completes at once and the completion endpoint claims (not what the app does). */
        private final boolean claimFirst;
        final List<String> eventIds = Collections.synchronizedList(new ArrayList<>());

        Http(int port) {
            this(port, true);
        }

        Http(int port, boolean claimFirst) {
            this.port = port;
            this.claimFirst = claimFirst;
            this.worker = ThreadLocal.withInitial(() -> AppClient.login(port, WORKER, "demo"));
            this.bridge = ThreadLocal.withInitial(() -> AppClient.basic(port, "bridge", "demo"));
        }

        @Override
        public void oneEvent(Map<String, List<Double>> steps) {
            AppClient app = worker.get();
            String[] eventId = new String[1];
            time(steps, "report", () -> {
                AppClient.Reply r = bridge.get().post("/api/intake/reports", report(UUID.randomUUID().toString()));
                expect(r, 201);
                eventId[0] = r.text("eventId");
            });
            eventIds.add(eventId[0]);
            time(steps, "triage", () -> work(app, eventId[0], "verifyAndTriage", TRIAGE, claimFirst));
            time(steps, "handle", () -> work(app, eventId[0], "resolveInGrid", HANDLE, claimFirst));
            time(steps, "verify", () -> work(app, eventId[0], "verifyOnSite", VERIFY, claimFirst));
            time(steps, "rate", () -> expect(bridge.get().post("/api/intake/ratings",
                    Map.of("eventId", eventId[0], "satisfaction", "SATISFIED")), 204));
        }

        /** What the worker does in the app: find the task in the list, claim it, complete its form. */
        static void work(AppClient app, String eventId, String taskKey, Map<String, Object> form, boolean claimFirst) {
            AppClient.Reply list = app.get("/api/tasks?filter=all&size=50&text=" + eventId);
            expect(list, 200);
            String id = null;
            for (JsonNode item : list.json().path("items")) {
                if (item.path("taskDefinitionKey").asText().equals(taskKey)) {
                    id = item.path("id").asText();
                }
            }
            if (id == null) {
                throw new IllegalStateException("no " + taskKey + " task listed for " + eventId + ": " + list.body());
            }
            if (claimFirst) {
                expect(app.post("/api/tasks/" + id + "/claim", Map.of()), 204);
            }
            expect(app.post("/api/tasks/" + id + "/complete", Map.of("variables", form)), 204);
        }

        static void expect(AppClient.Reply reply, int status) {
            if (reply.status() != status) {
                throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
            }
        }

        long stillOpen(ProcessEngine engine) {
            return eventIds.stream().filter(id -> engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(id).count() > 0).count();
        }
    }

    /** The same path on the engine's Java API: message start, task query, claim, complete, message. */
    static final class Engine implements Side {

        private final ProcessEngine engine;
        /** The worker's groups when the task calls are made as the signed-in worker, else null. */
        private final List<String> workerGroups;
        final List<String> instanceIds = Collections.synchronizedList(new ArrayList<>());

        Engine(ProcessEngine engine) {
            this(engine, false);
        }

        /**
         * With {@code asWorker}, the task query, claim and completion are made as the grid worker with their groups,
         * so the engine checks their authorizations as it does behind GridFlow's task endpoints; the report and the
         * rating stay unauthenticated on both engine sides.
         */
        Engine(ProcessEngine engine, boolean asWorker) {
            this.engine = engine;
            this.workerGroups = asWorker ? engine.getIdentityService().createGroupQuery().groupMember(WORKER).list()
                    .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList() : null;
        }

        @Override
        public void oneEvent(Map<String, List<Double>> steps) {
            String key = "BENCH-" + UUID.randomUUID();
            String[] instance = new String[1];
            time(steps, "report", () -> {
                Map<String, Object> r = report(UUID.randomUUID().toString());
                VariableMap variables = Variables.createVariables();
                r.forEach(variables::putValue);
                variables.putValue("eventId", key).putValue("reporterId", null).putValue("lat", null)
                        .putValue("lng", null)
                        .putValueTyped("attachmentIds", SpinValues.jsonValue("[]").create());
                instance[0] = engine.getRuntimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                        .processInstanceBusinessKey(key).setVariables(variables).correlateStartMessage().getId();
            });
            instanceIds.add(instance[0]);
            time(steps, "triage", () -> work(instance[0], TRIAGE));
            time(steps, "handle", () -> work(instance[0], HANDLE));
            time(steps, "verify", () -> work(instance[0], VERIFY));
            time(steps, "rate", () -> engine.getRuntimeService().createMessageCorrelation("MSG_RATING_RECEIVED")
                    .processInstanceBusinessKey(key).setVariable("satisfaction", "SATISFIED")
                    .setVariable("ratingComment", null).correlateWithResult());
        }

        private void work(String instanceId, Map<String, Object> form) {
            if (workerGroups != null) {
                engine.getIdentityService().setAuthentication(WORKER, workerGroups);
            }
            try {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
                engine.getTaskService().claim(task.getId(), WORKER);
                engine.getTaskService().complete(task.getId(), form);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }

        long stillOpen() {
            return instanceIds.stream().filter(id -> engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(id).count() > 0).count();
        }
    }
}
