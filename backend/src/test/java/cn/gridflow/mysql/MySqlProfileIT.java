package cn.gridflow.mysql;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.GridFlowApplication;
import cn.gridflow.support.AppClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile against the real MariaDB server of this machine (standing in for MySQL 8):
 * Flyway and Camunda create their schemas in a fresh database, work survives a restart, and start-up
 * steps are idempotent. The database is created and dropped by the test.
 */
class MySqlProfileIT {

    static final String HOST = System.getenv().getOrDefault("GRIDFLOW_IT_DB_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("GRIDFLOW_IT_DB_PORT", "3306");
    static final String USER = System.getenv().getOrDefault("GRIDFLOW_IT_DB_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("GRIDFLOW_IT_DB_PASSWORD", "");
    static final String DATABASE = "gridflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void createDatabase() throws SQLException {
        sql("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        sql("drop database if exists " + DATABASE);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT
                + "/?useSSL=false&allowPublicKeyRetrieval=true", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static ConfigurableApplicationContext startApp() {
        return startApp(DATABASE, true);
    }

    private static ConfigurableApplicationContext startApp(String database, boolean demo) {
        return new SpringApplicationBuilder(GridFlowApplication.class).profiles("mysql").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:mysql://" + HOST + ":" + PORT + "/" + database
                        + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false"
                        + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&characterEncoding=UTF-8",
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--gridflow.demo.enabled=" + demo,
                "--gridflow.admin.user=itadmin",
                "--gridflow.admin.password=it-secret",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void createsItsSchemaRunsWorkAndKeepsItAcrossARestart() {
        String text = uniqueText("MariaDB 持久化");
        long instancesBefore;
        long usersBefore;
        ConfigurableApplicationContext first = startApp();
        try {
            int port = port(first);
            AppClient admin = AppClient.basic(port, "itadmin", "it-secret");
            assertThat(admin.get("/engine-rest/process-definition/count").json().path("count").asLong())
                    .isGreaterThanOrEqualTo(1);

            AppClient grid = AppClient.login(port, "grid0101", "demo");
            report(grid, "G0101", text);
            complete(grid, taskId(grid, "受理核实", text),
                    Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
            assertThat(findTask(grid, "网格内处置", text)).isNotNull();

            instancesBefore = admin.get("/engine-rest/process-instance/count").json().path("count").asLong();
            usersBefore = admin.get("/engine-rest/user/count").json().path("count").asLong();
            assertThat(instancesBefore).isGreaterThanOrEqualTo(6);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = startApp();
        try {
            int port = port(second);
            AppClient admin = AppClient.basic(port, "itadmin", "it-secret");
            assertThat(admin.get("/engine-rest/process-instance/count").json().path("count").asLong())
                    .as("demo work is not started twice").isEqualTo(instancesBefore);
            assertThat(admin.get("/engine-rest/user/count").json().path("count").asLong()).isEqualTo(usersBefore);

            AppClient grid = AppClient.login(port, "grid0101", "demo");
            String resolveId = taskId(grid, "网格内处置", text);
            assertThat(grid.get("/api/tasks/" + resolveId + "/history").json().findValuesAsText("type"))
                    .contains("START", "TASK_COMPLETED");
            complete(grid, resolveId, Map.of("resolutionNote", "重启后继续处置"));
            complete(grid, taskId(grid, "现场核查", text), Map.of("verifyResult", "PASS"));
            assertThat(findTask(grid, "现场核查", text)).isNull();
            assertThat(admin.get("/engine-rest/history/process-instance?finished=true&maxResults=50").body())
                    .contains("\"state\":\"COMPLETED\"");

            // the dashboards' daily aggregate, kept event by event on MariaDB, equals its rebuild from history
            assertThat(AppClient.login(port, "manager", "demo").get("/api/metrics/overview?communityId=C01").json()
                    .path("closed").asLong()).isGreaterThanOrEqualTo(1);
            org.springframework.jdbc.core.JdbcTemplate jdbc =
                    second.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            String daily = "select * from gf_metric_daily order by grain, stat_day, community_id, grid_id, lead_dept,"
                    + " category, source, city_mode";
            java.util.List<Map<String, Object>> live = jdbc.queryForList(daily);
            assertThat(live).isNotEmpty();
            assertThat(live).extracting(row -> row.get("grain")).contains("C", "D", "G", "K", "X", "F");
            assertThat(AppClient.login(port, "manager", "demo").get("/api/metrics/overview?gridId=G0101").json()
                    .path("closed").asLong()).isGreaterThanOrEqualTo(1);
            second.getBean(cn.gridflow.metrics.MetricsRebuild.class).rebuild();
            assertThat(jdbc.queryForList(daily)).isEqualTo(live);
        } finally {
            second.close();
        }
    }

    @Test
    void productionStartsWithNoUserButTheAdministratorFromTheEnvironment() throws SQLException {
        String database = DATABASE + "_prod";
        sql("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        ConfigurableApplicationContext app = startApp(database, false);
        try {
            int port = port(app);
            AppClient admin = AppClient.basic(port, "itadmin", "it-secret");
            assertThat(admin.get("/engine-rest/user?maxResults=50").json().findValuesAsText("id"))
                    .containsExactly("itadmin");
            assertThat(AppClient.anonymous(port).tryLogin("grid0101", "demo").status()).isEqualTo(401);
            assertThat(admin.get("/engine-rest/process-instance/count").json().path("count").asLong()).isZero();
            assertThat(admin.get("/engine-rest/process-definition/count").json().path("count").asLong())
                    .isGreaterThanOrEqualTo(1);
            assertThat(AppClient.login(port, "itadmin", "it-secret").get("/api/org/tree").json()
                    .path("communities").size()).isZero();
        } finally {
            app.close();
            sql("drop database if exists " + database);
        }
    }
}
