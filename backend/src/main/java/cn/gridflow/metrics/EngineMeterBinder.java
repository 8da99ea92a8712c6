package cn.gridflow.metrics;

import java.sql.Timestamp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Engine and business figures for operators on {@code /actuator/prometheus} (no Camunda binder exists on Central).
 * Instance starts and ends are counters fed by the history projection, counted only once their transaction
 * commits; the rest are gauges read at scrape time from the task read model and the engine.
 */
@Component
public class EngineMeterBinder implements MeterBinder {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<ManagementService> managementService;
    private final ObjectProvider<RuntimeService> runtimeService;

    public EngineMeterBinder(MeterRegistry registry, JdbcTemplate jdbc,
                             ObjectProvider<ManagementService> managementService,
                             ObjectProvider<RuntimeService> runtimeService) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gridflow.tasks.open", () -> count("select count(*) from gf_task"))
                .description("Open user tasks").register(registry);
        Gauge.builder("gridflow.tasks.overdue", () -> count("select count(*) from gf_task where due < ?", now()))
                .description("Open user tasks past their due date").register(registry);
        Gauge.builder("gridflow.jobs.failed", () -> managementService.getObject().createJobQuery().noRetriesLeft().count())
                .description("Jobs whose retries are used up").register(registry);
        Gauge.builder("gridflow.incidents.open", () -> runtimeService.getObject().createIncidentQuery().count())
                .description("Open incidents").register(registry);
        Gauge.builder("gridflow.events.open", () -> count("select count(*) from gf_metric_event where closed_at is null"
                        + " and admitted = true"))
                .description("Open grid events").register(registry);
        Gauge.builder("gridflow.events.overdue", () -> count("select count(*) from gf_metric_event where closed_at is null"
                        + " and handling_active > 0 and sla_due_at < ?", now()))
                .description("Grid events in handling past their SLA").register(registry);
    }

    void started(String processKey) {
        afterCommit(() -> Counter.builder("gridflow.process.instances.started").tag("process", processKey)
                .description("Process instances started").register(registry).increment());
    }

    void ended(String processKey, String state) {
        String name = "COMPLETED".equals(state) ? "gridflow.process.instances.completed"
                : "gridflow.process.instances.terminated";
        afterCommit(() -> Counter.builder(name).tag("process", processKey)
                .description("Process instances that ended").register(registry).increment());
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }
}
