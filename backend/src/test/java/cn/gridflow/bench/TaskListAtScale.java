package cn.gridflow.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import cn.gridflow.support.AppClient;
import cn.gridflow.tasklist.TaskCriteria;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task list at scale: open grid-event tasks over 300 grids and 1,000 users, written straight into the engine's
 * runtime tables (execution, task, candidate link, six process variables each) and GridFlow's read model, the same
 * rows the engine and the read-model listener would write. One user in 3 of the grids' groups opens the inbox.
 */
final class TaskListAtScale {

    static final int GRIDS = 300;
    static final int USERS = 1_000;
    static final String USER = "bench0001";
    static final String PASSWORD = "bench-secret";
    static final String[][] TASKS = {{"verifyAndTriage", "受理核实"}, {"resolveInGrid", "网格内处置"},
            {"verifyOnSite", "现场核查"}};
    static final String[] CATEGORIES = {"ENV_CLUTTER", "DISPUTE", "SAFETY_HAZARD", "MARKET_ORDER"};

    private final Bench bench;
    private final BenchApp app;
    private final double heapAtStart;
    private final JdbcTemplate jdbc;
    private List<String> myGroups;

    TaskListAtScale(Bench bench, BenchApp app, double heapAtStart) {
        this.bench = bench;
        this.app = app;
        this.heapAtStart = heapAtStart;
        this.jdbc = app.bean(JdbcTemplate.class);
    }

    void run() {
        Bench.Options o = bench.options();
        int tasks = o.scaled(100_000, 2_000);
        long t0 = System.nanoTime();
        generate(tasks, new Random(o.seed()));
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "[bench] inbox: %,d open tasks written in %.0f s%n", tasks, genSeconds);
        measure(tasks, genSeconds);
    }

    // ------------------------------------------------------------------------------------------ data

    private void generate(int tasks, Random random) {
        String procDefId = app.engine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("grid-event").latestVersion().singleResult().getId();
        List<String> groups = new ArrayList<>();
        for (int g = 1; g <= GRIDS; g++) {
            groups.add("grid-staff:BG" + String.format("%03d", g));
        }
        jdbc.batchUpdate("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, 'grid')",
                groups.stream().map(g -> new Object[] {g, "基准网格 " + g.substring(g.indexOf(':') + 1)}).toList());
        IdentityService identity = app.engine().getIdentityService();
        User me = identity.newUser(USER);
        me.setFirstName("基准");
        me.setLastName("用户");
        me.setPassword(PASSWORD);
        identity.saveUser(me);
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            String id = user(u);
            if (u > 1) {
                users.add(new Object[] {id, "用户", String.valueOf(u)});
            }
            Set<String> three = new LinkedHashSet<>();
            while (three.size() < 3) {
                three.add(groups.get(random.nextInt(GRIDS)));
            }
            if (u == 1) {
                myGroups = List.copyOf(three);
            }
            three.forEach(g -> memberships.add(new Object[] {id, g}));
        }
        jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_) values (?, 1, ?, ?)", users);
        jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);

        long now = System.currentTimeMillis();
        int chunk = 2_000;
        for (int from = 0; from < tasks; from += chunk) {
            List<Object[]> executions = new ArrayList<>();
            List<Object[]> taskRows = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            List<Object[]> variables = new ArrayList<>();
            List<Object[]> readModel = new ArrayList<>();
            List<Object[]> candidates = new ArrayList<>();
            for (int i = from; i < Math.min(tasks, from + chunk); i++) {
                String pi = UUID.nameUUIDFromBytes(("pi" + i + random.nextLong()).getBytes()).toString();
                String taskId = UUID.nameUUIDFromBytes(("task" + i + random.nextLong()).getBytes()).toString();
                int gridNo = random.nextInt(GRIDS);
                String grid = "BG" + String.format("%03d", gridNo + 1);
                String community = "BC" + String.format("%02d", gridNo / 10 + 1);
                String group = groups.get(gridNo);
                String[] task = TASKS[random.nextInt(TASKS.length)];
                String assignee = random.nextInt(5) == 0 ? user(1 + random.nextInt(USERS)) : null;
                Timestamp created = new Timestamp(now - (long) (random.nextDouble() * 60L * 24 * 3600 * 1000));
                Timestamp due = new Timestamp(created.getTime() + 5L * 24 * 3600 * 1000);
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                String key = "EV-BENCH-" + String.format("%06d", i);
                String description = "基准事件 " + i + " " + category + " 网格 " + grid;
                executions.add(new Object[] {pi, pi, pi, key, procDefId, task[0]});
                taskRows.add(new Object[] {taskId, pi, pi, procDefId, task[1], task[0], assignee, created, due});
                links.add(new Object[] {UUID.randomUUID().toString(), group, taskId});
                Map<String, String> vars = new LinkedHashMap<>();
                vars.put("gridId", grid);
                vars.put("communityId", community);
                vars.put("category", category);
                vars.put("urgency", "ROUTINE");
                vars.put("source", "RESIDENT_APP");
                vars.put("description", description);
                vars.forEach((name, value) -> variables.add(new Object[] {UUID.randomUUID().toString(), name, pi, pi,
                        procDefId, value, pi}));
                readModel.add(new Object[] {taskId, task[1], task[0], "grid-event", procDefId, "网格事件处置", pi, key,
                        description, assignee, created, due, grid, community});
                candidates.add(new Object[] {taskId, group});
            }
            jdbc.batchUpdate("""
                    insert into ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_,
                        PROC_DEF_ID_, ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_,
                        SUSPENSION_STATE_, CACHED_ENT_STATE_, SEQUENCE_COUNTER_, PROC_DEF_KEY_)
                    values (?, 1, ?, ?, ?, ?, ?, 1, 0, 1, 0, 1, 0, 1, 'grid-event')""", executions);
            jdbc.batchUpdate("""
                    insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_,
                        TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)
                    values (?, 1, ?, ?, ?, ?, ?, ?, 50, ?, ?, 1, 'Created')""", taskRows);
            jdbc.batchUpdate("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)"
                    + " values (?, 1, ?, 'candidate', ?)", links);
            jdbc.batchUpdate("""
                    insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_,
                        TEXT_, VAR_SCOPE_, SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_)
                    values (?, 1, 'string', ?, ?, ?, ?, ?, ?, 1, 0)""", variables);
            jdbc.batchUpdate("""
                    insert into gf_task (id, name, task_def_key, proc_def_key, proc_def_id, proc_name, proc_inst_id,
                        business_key, title, assignee, created, due, priority, grid_id, community_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 50, ?, ?)""", readModel);
            jdbc.batchUpdate("insert into gf_task_candidate (task_id, kind, party_id) values (?, 'G', ?)",
                    candidates);
        }
    }

    private static String user(int u) {
        return "bench" + String.format("%04d", u);
    }

    // ------------------------------------------------------------------------------------------ measurement

    private record Sample(double page, double counts, long total) {
        double inbox() {
            return page + counts;
        }
    }

    private void measure(int tasks, double genSeconds) {
        Bench.Options o = bench.options();
        Report report = bench.report();
        int samples = Math.max(10, (int) Math.round(20 * Math.min(1, o.scale() * 4)));
        AppClient me = AppClient.login(app.port, USER, PASSWORD);
        AppClient admin = AppClient.basic(app.port, "admin", "admin");
        String myGrid = "BG" + myGroups.get(0).substring(myGroups.get(0).indexOf(":BG") + 3);
        HappyPath.Http.expect(me.post("/api/task-filters", Map.of("name", "我的网格 " + myGrid,
                "criteria", Map.of("scope", "all", "gridId", myGrid))), 201);
        HappyPath.Http.expect(me.post("/api/task-filters", Map.of("name", "网格事件",
                "criteria", Map.of("scope", "all", "processKey", "grid-event"))), 201);
        int filters = me.get("/api/task-filters").json().size();

        Map<String, Supplier<Sample>> sides = new LinkedHashMap<>();
        sides.put("GridFlow inbox", () -> gridflow(me, null));
        sides.put("GridFlow inbox + grid filter", () -> gridflow(me, myGrid));
        sides.put("engine-rest OR query", () -> engine(admin, null));
        sides.put("engine-rest OR query + variable filter", () -> engine(admin, myGrid));
        for (Supplier<Sample> side : sides.values()) {
            side.get();
            side.get();
        }
        Map<String, Stats.Repeats[]> figures = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        sides.keySet().forEach(k -> figures.put(k, new Stats.Repeats[] {new Stats.Repeats(), new Stats.Repeats(),
                new Stats.Repeats(), new Stats.Repeats(), new Stats.Repeats()}));
        AtomicBoolean sampling = new AtomicBoolean(true);
        double[] peakHeap = {0};
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakHeap[0] = Math.max(peakHeap[0], BenchApp.heapNowMb());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.start();
        for (int r = 0; r < o.repeat(); r++) {
            Map<String, List<Sample>> runs = new LinkedHashMap<>();
            sides.keySet().forEach(k -> runs.put(k, new ArrayList<>()));
            List<String> order = new ArrayList<>(sides.keySet());
            for (int s = 0; s < samples; s++) {
                java.util.Collections.rotate(order, 1);
                for (String side : order) {
                    runs.get(side).add(sides.get(side).get());
                }
            }
            runs.forEach((side, list) -> {
                Stats.Repeats[] f = figures.get(side);
                f[0].add(Stats.percentile(list.stream().map(Sample::inbox).toList(), 50));
                f[1].add(Stats.percentile(list.stream().map(Sample::inbox).toList(), 95));
                f[2].add(Stats.percentile(list.stream().map(Sample::page).toList(), 95));
                f[3].add(Stats.percentile(list.stream().map(Sample::counts).toList(), 95));
                totals.put(side, list.get(list.size() - 1).total());
            });
            System.out.printf(Locale.ROOT, "[bench] inbox repeat %d: p95 %s%n", r + 1, figures.entrySet().stream()
                    .map(e -> e.getKey() + " " + Stats.fmt(e.getValue()[1].values().get(e.getValue()[1].values()
                            .size() - 1), 0) + " ms").toList());
        }
        sampling.set(false);
        Map<String, Stats.Repeats> shapes = queryShapes(myGrid, samples);
        double heapUnderLoad = peakHeap[0];
        double heapAfter = BenchApp.heapAfterGcMb();

        report.section("3. Task list at scale: GridFlow inbox vs stock engine-rest task query",
                String.format(Locale.ROOT, "%,d open grid-event tasks over %d grids and %,d users (20 %% assigned), "
                        + "written in %.0f s straight into the engine's runtime tables (execution, task, candidate "
                        + "group link, 6 process variables each) and the read model gf_task / gf_task_candidate; "
                        + "seed %d. User %s is in 3 grid groups (%s). GridFlow: GET /api/tasks?filter=all&size=50 "
                        + "(page and its total) + GET /api/task-filters (the count of each of the user's %d filters, "
                        + "two of them saved). Engine: POST /engine-rest/task (maxResults 50, created desc) + "
                        + "POST /engine-rest/task/count, orQueries {assignee OR candidateGroups, "
                        + "includeAssignedTasks} as admin (no authorization check, the engine at its cheapest); "
                        + "variable filter processVariables gridId eq %s, GridFlow's counterpart gridId=%s. "
                        + "%d samples per repeat, the four queries taking turns; median [min–max] over %d repeats.",
                        tasks, GRIDS, USERS, genSeconds, o.seed(), USER, String.join(", ", myGroups), filters, myGrid,
                        myGrid, samples, o.repeat()));
        report.table("query", "matching tasks", "page+counts p50 ms", "page+counts p95 ms", "page p95 ms",
                "counts p95 ms");
        figures.forEach((side, f) -> report.row(side, totals.get(side), f[0].show(1), f[1].show(1), f[2].show(1),
                f[3].show(1)));
        List<String> names = new ArrayList<>(figures.keySet());
        report.text("");
        report.text(String.format(Locale.ROOT, "p95 engine / GridFlow: ×%.0f without, ×%.0f with the variable filter.",
                figures.get(names.get(2))[1].median() / figures.get(names.get(0))[1].median(),
                figures.get(names.get(3))[1].median() / figures.get(names.get(1))[1].median()));
        if (!totals.get(names.get(0)).equals(totals.get(names.get(2)))
                || !totals.get(names.get(1)).equals(totals.get(names.get(3)))) {
            report.fail("inbox and engine query disagree on the matching tasks: " + totals);
        }
        for (String side : names.subList(0, 2)) {
            double p95 = figures.get(side)[1].median();
            boolean met = p95 <= 50;
            report.text(String.format(Locale.ROOT, "Target %s p95 ≤ 50 ms%s: %.1f ms — %s.", side,
                    bench.db().mysql() ? "" : " (the target is set for MariaDB)", p95, met ? "met" : "missed"));
            if (!met && bench.db().mysql()) {
                report.fail(String.format(Locale.ROOT, "%s p95 %.1f ms (target 50 ms)", side, p95));
            }
        }
        report.text("");
        report.text("The inbox's SQL alone (JDBC, no HTTP): the page of 50 with its total and the counts of the "
                + "user's " + filters + " filters, p95 ms, median [min–max] over the repeats. \"before\": the query "
                + "shape GridFlow had (visibility as t.assignee = me OR EXISTS candidate user OR EXISTS candidate "
                + "group, evaluated over every open task); \"now\": TaskInbox, which collects the visible ids "
                + "from the candidate and assignee indexes first. The last two lines: the check each claim and "
                + "completion makes that one task is in the caller's inbox, once through the inbox's query and now "
                + "by the task's keys.");
        report.text("");
        report.table("inbox SQL", "p95 ms");
        shapes.forEach((name, f) -> report.row(name, f.show(1)));
        if (o.wants("memory")) {
            report.section("6. Memory", "Heap in use in the benchmark's JVM, which runs the app (plus the "
                    + "benchmark's own small state); \"after GC\" after three full collections.");
            report.table("moment", "heap MB");
            report.row("after start (after GC)", Stats.fmt(heapAtStart, 0));
            report.row(String.format(Locale.ROOT, "under the task-list load, peak (%,d open tasks)", tasks),
                    Stats.fmt(heapUnderLoad, 0));
            report.row("after the task-list load (after GC)", Stats.fmt(heapAfter, 0));
            report.row("max heap (-Xmx)", Stats.fmt(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0, 0));
        }
    }

    /** The old and the current SQL of the inbox, run alternately: p95 per repeat of page + total + every count. */
    private Map<String, Stats.Repeats> queryShapes(String grid, int samples) {
        cn.gridflow.tasklist.TaskInbox inbox = app.bean(cn.gridflow.tasklist.TaskInbox.class);
        org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named =
                new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        cn.gridflow.security.CurrentUser user = new cn.gridflow.security.CurrentUser(USER, myGroups);
        Map<String, Object> params = Map.of("me", USER, "groups", myGroups, "grid", grid);
        String candidate = "(exists (select 1 from gf_task_candidate c where c.task_id = t.id and c.kind = 'U'"
                + " and c.party_id = :me) or exists (select 1 from gf_task_candidate g where g.task_id = t.id"
                + " and g.kind = 'G' and g.party_id in (:groups)))";
        String visible = "(t.assignee = :me or " + candidate + ")";
        Map<String, Runnable> shapes = new LinkedHashMap<>();
        for (String narrow : new String[] {"", " and t.grid_id = :grid"}) {
            String label = narrow.isEmpty() ? "" : " + grid filter";
            shapes.put("before: OR EXISTS" + label, () -> {
                named.queryForList("select t.id, t.name, t.created, t.due, t.title from gf_task t where " + visible
                        + narrow + " order by t.created desc, t.id desc limit 50", params);
                named.queryForObject("select count(*) from gf_task t where " + visible + narrow, params, Long.class);
                named.queryForObject("select count(*) from gf_task t where t.assignee = :me", params, Long.class);
                named.queryForObject("select count(*) from gf_task t where t.assignee is null and " + candidate,
                        params, Long.class);
                named.queryForObject("select count(*) from gf_task t where " + visible, params, Long.class);
                named.queryForObject("select count(*) from gf_task t where " + visible + " and t.grid_id = :grid",
                        params, Long.class);
                named.queryForObject("select count(*) from gf_task t where " + visible
                        + " and t.proc_def_key = 'grid-event'", params, Long.class);
            });
            shapes.put("now: TaskInbox" + label, () -> {
                inbox.page(user, criteria(TaskCriteria.Scope.all, narrow.isEmpty() ? null : grid, null), "created",
                        "desc", 0, 50);
                inbox.counts(user, List.of(criteria(TaskCriteria.Scope.mine, null, null),
                        criteria(TaskCriteria.Scope.group, null, null), criteria(TaskCriteria.Scope.all, null, null),
                        criteria(TaskCriteria.Scope.all, grid, null),
                        criteria(TaskCriteria.Scope.all, null, "grid-event")));
            });
        }
        // The check every claim and completion makes that the task is in the caller's inbox, for one task in it.
        String taskId = inbox.page(user, criteria(TaskCriteria.Scope.all, null, null), "created", "desc", 0, 1)
                .items().get(0).id();
        Map<String, Object> one = Map.of("me", USER, "groups", myGroups, "taskId", taskId);
        shapes.put("before: visibility of one task through the inbox's union", () -> named.queryForObject(
                "select count(*) from (select c.task_id from gf_task_candidate c where c.kind = 'U' and c.party_id"
                        + " = :me union select g.task_id from gf_task_candidate g where g.kind = 'G' and g.party_id"
                        + " in (:groups) union select a.id from gf_task a where a.assignee = :me) v join gf_task t"
                        + " on t.id = v.task_id where t.id = :taskId", one, Long.class));
        shapes.put("now: TaskInbox.isVisible", () -> inbox.isVisible(user, taskId));
        Map<String, Stats.Repeats> p95 = new LinkedHashMap<>();
        shapes.keySet().forEach(k -> p95.put(k, new Stats.Repeats()));
        shapes.values().forEach(Runnable::run);
        for (int r = 0; r < bench.options().repeat(); r++) {
            Map<String, List<Double>> times = new LinkedHashMap<>();
            shapes.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            for (int s = 0; s < samples; s++) {
                shapes.forEach((name, shape) -> {
                    long t0 = System.nanoTime();
                    shape.run();
                    times.get(name).add((System.nanoTime() - t0) / 1e6);
                });
            }
            times.forEach((name, list) -> p95.get(name).add(Stats.percentile(list, 95)));
        }
        return p95;
    }

    private static TaskCriteria criteria(TaskCriteria.Scope scope, String grid, String processKey) {
        return new TaskCriteria(scope, processKey, grid, null, null, null, null);
    }

    private Sample gridflow(AppClient me, String grid) {
        long t0 = System.nanoTime();
        AppClient.Reply page = me.get("/api/tasks?filter=all&size=50" + (grid == null ? "" : "&gridId=" + grid));
        long t1 = System.nanoTime();
        AppClient.Reply counts = me.get("/api/task-filters");
        long t2 = System.nanoTime();
        HappyPath.Http.expect(page, 200);
        HappyPath.Http.expect(counts, 200);
        if (page.json().path("items").size() == 0) {
            throw new IllegalStateException("the inbox is empty: " + page.body());
        }
        return new Sample((t1 - t0) / 1e6, (t2 - t1) / 1e6, page.json().path("total").asLong());
    }

    private Sample engine(AppClient admin, String grid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orQueries", List.of(Map.of("assignee", USER, "candidateGroups", myGroups,
                "includeAssignedTasks", true)));
        if (grid != null) {
            body.put("processVariables", List.of(Map.of("name", "gridId", "operator", "eq", "value", grid)));
        }
        Map<String, Object> pageBody = new LinkedHashMap<>(body);
        pageBody.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        long t0 = System.nanoTime();
        AppClient.Reply page = admin.post("/engine-rest/task?firstResult=0&maxResults=50", pageBody);
        long t1 = System.nanoTime();
        AppClient.Reply count = admin.post("/engine-rest/task/count", body);
        long t2 = System.nanoTime();
        HappyPath.Http.expect(page, 200);
        HappyPath.Http.expect(count, 200);
        return new Sample((t1 - t0) / 1e6, (t2 - t1) / 1e6, count.json().path("count").asLong());
    }
}
