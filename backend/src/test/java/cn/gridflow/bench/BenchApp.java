package cn.gridflow.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.GridFlowApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A GridFlow node: in this JVM (so the engine's Java API and the HTTP API share one engine and one database), or as a
 * second JVM on the same classpath for the scale-out measurement.
 */
final class BenchApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final SqlCounter sql;
    final int port;

    private BenchApp(ConfigurableApplicationContext context, SqlCounter sql, int port) {
        this.context = context;
        this.sql = sql;
        this.port = port;
    }

    /** The product's settings for this database, with the benchmark's database, port, admin and demo org. */
    static Map<String, String> properties(BenchDb db, String url, int port) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(port));
        p.put("spring.datasource.url", url);
        if (db.mysql()) {
            p.put("spring.datasource.username", BenchDb.USER);
            p.put("spring.datasource.password", BenchDb.PASSWORD);
        }
        // the demo org and users (grid G0101, grid0101, the bridge account) carry the happy path
        p.put("gridflow.demo.enabled", "true");
        p.put("gridflow.admin.user", "admin");
        p.put("gridflow.admin.password", "admin");
        p.put("gridflow.data-dir", System.getProperty("java.io.tmpdir") + "/gridflow-bench-data");
        p.put("spring.jmx.enabled", "false");
        // the logging notification channel would otherwise print one line per notice into the measurement
        p.put("logging.level.root", "warn");
        p.put("logging.level.org.camunda.bpm.engine.context", "off");
        p.put("logging.level.org.camunda.bpm.engine.jobexecutor", "error");
        return p;
    }

    static BenchApp start(BenchDb db, String url, int port, Map<String, String> overrides) {
        Map<String, String> p = properties(db, url, port);
        p.putAll(overrides);
        SqlCounter counter = new SqlCounter();
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GridFlowApplication.class)
                .profiles(db.mysql() ? "mysql" : "default")
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(counter))
                .run(args.toArray(String[]::new));
        System.out.printf("[bench] node on :%d up in %.1f s (%s)%n", port, (System.nanoTime() - t0) / 1e9,
                url.replaceAll("\\?.*", ""));
        return new BenchApp(context, counter, port);
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Heap in use after a full collection, in MB (this JVM: the app plus the benchmark's own small state). */
    static double heapAfterGcMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    static double heapNowMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    /** A second node: the same jar's classes in a new JVM against the same database. */
    static final class Child implements AutoCloseable {

        final Process process;
        final int port;

        private Child(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Child start(BenchDb db, String url, int port, Map<String, String> overrides, String heap) {
            Map<String, String> p = properties(db, url, port);
            p.putAll(overrides);
            List<String> command = new ArrayList<>(List.of(
                    System.getProperty("java.home") + "/bin/java", "-Xmx" + heap,
                    "-cp", System.getProperty("java.class.path"), GridFlowApplication.class.getName(),
                    "--spring.profiles.active=" + (db.mysql() ? "mysql" : "default")));
            p.forEach((k, v) -> command.add("--" + k + "=" + v));
            File log = new File(System.getProperty("java.io.tmpdir"), "gridflow-bench-node-" + port + ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log).start();
                Child child = new Child(process, port);
                Runtime.getRuntime().addShutdownHook(new Thread(child::close, "bench-node-" + port));
                long t0 = System.nanoTime();
                child.awaitHealthy(Duration.ofMinutes(5), log);
                System.out.printf("[bench] second node on :%d up in %.1f s (log %s)%n", port,
                        (System.nanoTime() - t0) / 1e9, log);
                return child;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void awaitHealthy(Duration timeout, File log) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("second node died at start; see " + log);
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("second node not healthy in " + timeout + "; see " + log);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
