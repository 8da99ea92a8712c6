package cn.gridflow.metrics;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Operators' counters on /actuator/prometheus, checked against the engine and the task read model. */
@GridFlowTest
class EngineMetersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void prometheusShowsEngineAndBusinessCounters() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply before = manager.get("/actuator/prometheus", "text/plain");
        assertThat(before.status()).isEqualTo(200);
        String started = "gridflow_process_instances_started_total{process=\"grid-event\"}";
        double startedBefore = value(before.body(), started);

        report(AppClient.login(port, "grid0201", "demo"), "G0201", uniqueText("电动车充电"));

        String after = manager.get("/actuator/prometheus", "text/plain").body();
        assertThat(value(after, started)).isEqualTo(startedBefore + 1);
        assertThat(value(after, "gridflow_tasks_open"))
                .isEqualTo(jdbc.queryForObject("select count(*) from gf_task", Long.class).doubleValue());
        assertThat(value(after, "gridflow_jobs_failed"))
                .isEqualTo(managementService.createJobQuery().noRetriesLeft().count());
        assertThat(value(after, "gridflow_incidents_open"))
                .isEqualTo(runtimeService.createIncidentQuery().count());
        assertThat(value(after, "gridflow_tasks_overdue")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "gridflow_events_open"))
                .isEqualTo(jdbc.queryForObject("select count(*) from gf_metric_event where closed_at is null"
                        + " and admitted = true", Long.class).doubleValue());
    }

    @Test
    void aCompletedInstanceIsCountedOnceItCommits() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        String completed = "gridflow_process_instances_completed_total{process=\"grid-event\"}";
        String scrape = manager.get("/actuator/prometheus", "text/plain").body();
        double before = scrape.contains(completed) ? value(scrape, completed) : 0;

        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("井盖缺失");
        report(grid, "G0101", text);
        complete(grid, taskId(grid, "受理核实", text), Map.of("category", "FACILITY_DAMAGE", "urgency", "ROUTINE",
                "canSelfResolve", true, "complex", false));
        complete(grid, taskId(grid, "网格内处置", text), Map.of("resolutionNote", "已处理"));
        complete(grid, taskId(grid, "现场核查", text), Map.of("verifyResult", "PASS"));

        assertThat(value(manager.get("/actuator/prometheus", "text/plain").body(), completed)).isEqualTo(before + 1);
    }

    @Test
    void onlyOperatorsMayScrape() {
        assertThat(AppClient.anonymous(port).get("/actuator/prometheus", "text/plain").status()).isEqualTo(401);
        assertThat(AppClient.login(port, "grid0101", "demo").get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
    }
}
