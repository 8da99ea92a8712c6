package cn.gridflow.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The SLA ladder's timers (yellow, red, 通报 on the handling subprocess) drained by the job executor. Grid events
 * are started and triaged through the Java API until they wait in 网格内处置 with their three ladder timers; those
 * timer rows are kept aside and put back, due, before each drain, so every drain runs the same jobs (the outbox
 * rows they wrote are cleared too, so each drain sends its notices again).
 */
final class TimerDrain {

    /** Job executor settings compared here. */
    record Config(String name, int core, int max, int queue, int perAcquisition, int waitMs, long maxWaitMs,
                  int lockMs) {

        /** What the Camunda Spring Boot starter and the engine use when nothing is configured. */
        static Config defaults() {
            JobExecutionProperty starter = new JobExecutionProperty();
            JobExecutor engine = new DefaultJobExecutor();
            return new Config("starter defaults", starter.getCorePoolSize(), starter.getMaxPoolSize(),
                    starter.getQueueCapacity(), engine.getMaxJobsPerAcquisition(), engine.getWaitTimeInMillis(),
                    engine.getMaxWait(), engine.getLockTimeInMillis());
        }

        /** GridFlow's configuration (application.yml), or --tuned=core,max,queue,perAcquisition,waitMs,maxWaitMs. */
        static Config product(CamundaBpmProperties properties, String override) {
            Config d = defaults();
            if (override != null) {
                String[] v = override.split(",");
                return new Config("tuned (" + override + ")", Integer.parseInt(v[0]), Integer.parseInt(v[1]),
                        Integer.parseInt(v[2]), Integer.parseInt(v[3]), Integer.parseInt(v[4]), Long.parseLong(v[5]),
                        d.lockMs());
            }
            JobExecutionProperty p = properties.getJobExecution();
            return new Config("GridFlow (application.yml)", p.getCorePoolSize(), p.getMaxPoolSize(),
                    p.getQueueCapacity(), orElse(p.getMaxJobsPerAcquisition(), d.perAcquisition()),
                    orElse(p.getWaitTimeInMillis(), d.waitMs()), p.getMaxWait() == null ? d.maxWaitMs() : p.getMaxWait(),
                    orElse(p.getLockTimeInMillis(), d.lockMs()));
        }

        private static int orElse(Integer value, int fallback) {
            return value == null ? fallback : value;
        }

        String describe() {
            return String.format(Locale.ROOT, "threads %d–%d, queue %d, %d jobs per acquisition, idle wait %d ms "
                    + "(max %d ms)", core, max, queue, perAcquisition, waitMs, maxWaitMs);
        }

        Map<String, String> asProperties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("camunda.bpm.job-execution.core-pool-size", String.valueOf(core));
            p.put("camunda.bpm.job-execution.max-pool-size", String.valueOf(max));
            p.put("camunda.bpm.job-execution.queue-capacity", String.valueOf(queue));
            p.put("camunda.bpm.job-execution.max-jobs-per-acquisition", String.valueOf(perAcquisition));
            p.put("camunda.bpm.job-execution.wait-time-in-millis", String.valueOf(waitMs));
            p.put("camunda.bpm.job-execution.max-wait", String.valueOf(maxWaitMs));
            return p;
        }
    }

    private final Bench bench;
    private final BenchApp app;
    private final String url;
    private final JdbcTemplate jdbc;
    private final JobExecutor executor;
    private ThreadPoolTaskExecutor pool;
    private int jobs;

    TimerDrain(Bench bench, BenchApp app, String url) {
        this.bench = bench;
        this.app = app;
        this.url = url;
        this.jdbc = app.bean(JdbcTemplate.class);
        this.executor = ((ProcessEngineConfigurationImpl) app.engine().getProcessEngineConfiguration())
                .getJobExecutor();
    }

    void run() throws Exception {
        Bench.Options o = bench.options();
        Report report = bench.report();
        int wanted = o.raw().containsKey("timers") ? Integer.parseInt(o.raw().get("timers"))
                : o.scaled(10_000, 300);
        stopExecutor();
        long t0 = System.nanoTime();
        generate((wanted + 2) / 3);
        System.out.printf(Locale.ROOT, "[bench] timers: %d ladder timers on %d events generated in %.0f s%n", jobs,
                (wanted + 2) / 3, (System.nanoTime() - t0) / 1e9);
        Config defaults = Config.defaults();
        Config tuned = Config.product(app.bean(CamundaBpmProperties.class), o.raw().get("tuned"));
        Stats.Repeats d = new Stats.Repeats();
        Stats.Repeats t = new Stats.Repeats();
        // a first drain warms the JIT and the database's caches; it is not counted
        drain(tuned, 1);
        if (o.wants("jobs")) {
            for (int r = 0; r < o.repeat(); r++) {
                if (r % 2 == 0) {
                    d.add(drain(defaults, 1));
                    t.add(drain(tuned, 1));
                } else {
                    t.add(drain(tuned, 1));
                    d.add(drain(defaults, 1));
                }
            }
            report.section("4. Job executor: SLA-ladder timers drained",
                    String.format(Locale.ROOT, "%,d due timers (yellow, red, 通报 of %,d grid events waiting in 网格内处置) "
                            + "per drain, one node; jobs/s from the moment they fall due until none is left. "
                            + "Median [min–max] over %d repeats, the two settings alternating.", jobs, (jobs + 2) / 3,
                            o.repeat()));
            report.table("settings", "jobs per second", "vs defaults");
            report.row(defaults.name() + ": " + defaults.describe(), d.show(0), "100 %");
            report.row(tuned.name() + ": " + tuned.describe(), t.show(0), Stats.ratio(t, d));
        }
        if (o.wants("scaleout")) {
            scaleOut(tuned, t);
        }
    }

    private void scaleOut(Config tuned, Stats.Repeats oneNodeSoFar) throws Exception {
        Bench.Options o = bench.options();
        Report report = bench.report();
        report.section("5. Scale-out: one node vs two nodes on one database (timers, HTTP happy path)", null);
        if (!bench.db().mysql()) {
            report.text("Not measured on H2: its in-memory database belongs to one JVM. Run with --db=mysql.");
            return;
        }
        Stats.Repeats one = new Stats.Repeats();
        oneNodeSoFar.values().forEach(one::add);
        while (one.values().size() < o.repeat()) {
            one.add(drain(tuned, 1));
        }
        Stats.Repeats two = new Stats.Repeats();
        HttpScaleOut.Figures http;
        try (BenchApp.Child child = BenchApp.Child.start(bench.db(), url, o.port2(), tuned.asProperties(), "768m")) {
            for (int r = 0; r < o.repeat(); r++) {
                two.add(drain(tuned, 2));
            }
            // the timers are drained and this node's job executor is stopped: the HTTP load runs alone
            http = new HttpScaleOut(bench, app, o.port2()).run();
        }
        report.text(String.format(Locale.ROOT, "Both nodes share the machine's %d cores, so this shows what the "
                + "database lets two nodes do together, not what two machines would. The second node is a second JVM "
                + "(the same classes, -Xmx768m) on the same MariaDB. Median [min–max] over %d repeats.",
                Runtime.getRuntime().availableProcessors(), o.repeat()));
        report.text("");
        report.text(String.format(Locale.ROOT, "**Timers**: the same %,d due ladder timers, drained by this node "
                + "alone, then by this node and the second (job executors: %s).", jobs, tuned.describe()));
        report.text("");
        report.table("nodes", "jobs per second", "vs one node");
        report.row("1", one.show(0), "100 %");
        report.row("2", two.show(0), Stats.ratio(two, one));
        int events = o.scaled(200, 10);
        report.text("");
        report.text(String.format(Locale.ROOT, "**HTTP happy path**: %d grid events (report → triage → handle → "
                + "verify → rate → close through GridFlow's API, as in section 1) per repeat, through node 1 alone "
                + "with %d client threads, then %d through each node with %d client threads each, at the same "
                + "time; a node's figure is its events over its own time, the total is all events over the time "
                + "until both are done.", events, 2 * o.threads(), events / 2, o.threads()));
        report.text("");
        report.table("nodes", "node 1 events/s", "node 2 events/s", "total events/s", "vs one node");
        report.row("1", http.one().show(1), "—", http.one().show(1), "100 %");
        report.row("2", http.twoFirst().show(1), http.twoSecond().show(1), http.twoTotal().show(1),
                Stats.ratio(http.twoTotal(), http.one()));
    }

    // ------------------------------------------------------------------------------------------ data

    private void generate(int events) throws Exception {
        ProcessEngine engine = app.engine();
        jdbc.execute("create table bench_timer_pi (id varchar(64) not null primary key)");
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        int threads = Math.max(1, bench.options().threads());
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = events / threads + (t < events % threads ? 1 : 0);
            done.add(workers.submit(() -> {
                for (int i = 0; i < share; i++) {
                    ids.add(startAndTriage(engine));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        jdbc.batchUpdate("insert into bench_timer_pi (id) values (?)", ids.stream().map(id -> new Object[] {id})
                .toList());
        jdbc.execute("create table bench_timer_job as select j.* from ACT_RU_JOB j where j.TYPE_ = 'timer' and"
                + " j.PROCESS_INSTANCE_ID_ in (select id from bench_timer_pi)");
        Integer n = jdbc.queryForObject("select count(*) from bench_timer_job", Integer.class);
        jobs = n == null ? 0 : n;
        if (jobs != events * 3) {
            throw new IllegalStateException("expected 3 ladder timers per event, found " + jobs + " for " + events);
        }
    }

    private static String startAndTriage(ProcessEngine engine) {
        String key = "BENCH-T-" + UUID.randomUUID();
        VariableMap variables = Variables.createVariables();
        HappyPath.report(UUID.randomUUID().toString()).forEach(variables::putValue);
        variables.putValue("eventId", key).putValue("reporterId", null).putValue("lat", null).putValue("lng", null)
                .putValueTyped("attachmentIds", SpinValues.jsonValue("[]").create());
        String instance = engine.getRuntimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                .processInstanceBusinessKey(key).setVariables(variables).correlateStartMessage().getId();
        Task triage = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().complete(triage.getId(), HappyPath.TRIAGE);
        return instance;
    }

    /** Puts the ladder timers back, all due now, and returns jobs per second until they are all done. */
    private double drain(Config config, int nodes) throws InterruptedException {
        stopExecutor();
        jdbc.update("delete from ACT_RU_JOB where ID_ in (select ID_ from bench_timer_job)");
        jdbc.update("delete from gf_notification where proc_inst_id in (select id from bench_timer_pi)");
        jdbc.update("insert into ACT_RU_JOB select * from bench_timer_job");
        startExecutor(config);
        long t0 = System.nanoTime();
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where ID_ in (select ID_ from bench_timer_job)",
                new Timestamp(System.currentTimeMillis() - 60_000));
        long deadline = t0 + 15L * 60 * 1_000_000_000;
        while (true) {
            Integer left = jdbc.queryForObject("select count(*) from ACT_RU_JOB where ID_ in"
                    + " (select ID_ from bench_timer_job)", Integer.class);
            if (left == null || left == 0) {
                break;
            }
            // a job that failed once is retried (two nodes can collide on one instance's timers); only a job out
            // of retries is a failure
            Integer failed = jdbc.queryForObject("select count(*) from ACT_RU_JOB where ID_ in"
                    + " (select ID_ from bench_timer_job) and RETRIES_ = 0", Integer.class);
            if (failed != null && failed > 0) {
                String message = jdbc.queryForObject("select max(EXCEPTION_MSG_) from ACT_RU_JOB where ID_ in"
                        + " (select ID_ from bench_timer_job) and RETRIES_ = 0", String.class);
                throw new IllegalStateException(failed + " ladder timer jobs failed: " + message);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left + " timer jobs still due after 15 minutes");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopExecutor();
        System.out.printf(Locale.ROOT, "[bench] drain (%s, %d node%s): %d jobs in %.1f s = %.0f jobs/s%n",
                config.name(), nodes, nodes > 1 ? "s" : "", jobs, seconds, jobs / seconds);
        return jobs / seconds;
    }

    private void startExecutor(Config c) {
        pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(c.core());
        pool.setMaxPoolSize(c.max());
        pool.setQueueCapacity(c.queue());
        pool.setThreadNamePrefix("bench-job-");
        pool.initialize();
        ((SpringJobExecutor) executor).setTaskExecutor(pool);
        executor.setMaxJobsPerAcquisition(c.perAcquisition());
        executor.setWaitTimeInMillis(c.waitMs());
        executor.setMaxWait(c.maxWaitMs());
        executor.setLockTimeInMillis(c.lockMs());
        executor.start();
    }

    private void stopExecutor() {
        if (executor.isActive()) {
            executor.shutdown();
        }
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }
}
