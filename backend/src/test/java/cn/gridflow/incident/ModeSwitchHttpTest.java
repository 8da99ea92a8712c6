package cn.gridflow.incident;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 平战转换 through the app: the commander switches a community to war, new events there run on war-mode SLAs. */
@GridFlowTest
class ModeSwitchHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    /** The job executor is off in tests: run the recomputations the switch left as jobs. */
    private void runRecomputations() {
        runJobs("redetermineSla");
    }

    /** Runs the jobs waiting before the given activity (duty rosters, SLA recomputation). */
    private void runJobs(String activityId) {
        for (Job job : managementService.createJobQuery().activityId(activityId).list()) {
            managementService.executeJob(job.getId());
        }
    }

    private static String processTask(AppClient user, String name) {
        JsonNode page = user.get("/api/tasks?filter=all&processKey=mode-switch&size=200").json();
        for (JsonNode item : page.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no task " + name + " in " + page);
    }

    @Test
    void theCommanderSwitchesACommunityToWarAndNewEventsThereCountNaturalHours() {
        AppClient commander = AppClient.login(port, "commander", "demo");
        AppClient grid = AppClient.login(port, "grid0201", "demo");
        assertThat(grid.get("/api/processes/startable").json().findValuesAsText("key")).doesNotContain("mode-switch");

        // an event waiting for a department to sign when the switch comes (G5's second half)
        String unsigned = uniqueText("战前 无证摊贩");
        report(grid, "G0201", unsigned);
        complete(grid, taskId(grid, "受理核实", unsigned),
                Map.of("category", "MARKET_ORDER", "urgency", "ROUTINE", "canSelfResolve", false));
        // 市场秩序 goes to MARKET by itself (系统自动分拨)
        AppClient market = AppClient.login(port, "market", "demo");
        String signTask = taskId(market, "签收/回退", unsigned);
        JsonNode beforeSwitch = market.get("/api/tasks/" + signTask).json();
        assertThat(beforeSwitch.path("variables").path("calendar").asText()).isEqualTo("WORKDAY");

        AppClient.Reply started = commander.post("/api/processes/mode-switch/start", Map.of("variables",
                Map.of("warningType", "TYPHOON", "warningLevel", "RED", "scopeCommunityIds", "C02")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        complete(commander, processTask(commander, "确认平战转换"), Map.of("targetMode", "WAR", "switchNote", "防台"));
        runJobs("activateDutyRosters");
        try {
            assertThat(commander.get("/api/org/modes").json().path("C02").asText()).isEqualTo("WAR");
            // the header's badge: a worker of 湖前社区 is at war, one of 华中社区 is not, the city-level centre is
            JsonNode gridMode = grid.get("/api/org/my-mode").json();
            assertThat(gridMode.path("mode").asText()).isEqualTo("WAR");
            assertThat(gridMode.path("scope").asText()).isEqualTo("COMMUNITY");
            assertThat(gridMode.path("warCommunities").findValuesAsText("name")).containsExactly("湖前社区");
            assertThat(AppClient.login(port, "grid0101", "demo").get("/api/org/my-mode").json().path("mode").asText())
                    .isEqualTo("PEACE");
            JsonNode cityMode = AppClient.login(port, "dispatcher", "demo").get("/api/org/my-mode").json();
            assertThat(cityMode.path("scope").asText()).isEqualTo("CITY");
            assertThat(cityMode.path("mode").asText()).isEqualTo("WAR");
            assertThat(grid.get("/api/notifications?size=200").body()).contains("转入战时状态");

            runRecomputations();
            JsonNode afterSwitch = market.get("/api/tasks/" + signTask).json();
            assertThat(afterSwitch.path("variables").path("cityMode").asText()).isEqualTo("WAR");
            assertThat(afterSwitch.path("variables").path("calendar").asText()).isEqualTo("NATURAL");
            Instant signedFrom = Instant.parse(afterSwitch.path("variables").path("signStartedAt").asText());
            assertThat(Instant.parse(afterSwitch.path("due").asText()))
                    .as("halved signing window, natural hours").isEqualTo(signedFrom.plus(Duration.ofHours(12)));

            String text = uniqueText("战时 围墙倾斜");
            report(grid, "G0201", text);
            complete(grid, taskId(grid, "受理核实", text),
                    Map.of("category", "SAFETY_HAZARD", "urgency", "ROUTINE", "canSelfResolve", true));
            JsonNode variables = grid.get("/api/tasks/" + taskId(grid, "网格内处置", text)).json().path("variables");
            assertThat(variables.path("cityMode").asText()).isEqualTo("WAR");
            assertThat(variables.path("calendar").asText()).isEqualTo("NATURAL");
            assertThat(variables.path("resolveWithin").asText()).isEqualTo("PT12H");

            AppClient neighbour = AppClient.login(port, "grid0101", "demo");
            String peaceText = uniqueText("平时 楼道堆物");
            report(neighbour, "G0101", peaceText);
            complete(neighbour, taskId(neighbour, "受理核实", peaceText),
                    Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
            assertThat(neighbour.get("/api/tasks/" + taskId(neighbour, "网格内处置", peaceText)).json()
                    .path("variables").path("cityMode").asText()).as("outside the scope").isEqualTo("PEACE");
        } finally {
            complete(commander, processTask(commander, "宣布解除战时状态"), Map.of("endNote", "台风已过境"));
            runJobs("deactivateDutyRosters");
        }
        assertThat(commander.get("/api/org/modes").json().path("C02").asText()).isEqualTo("PEACE");
        assertThat(grid.get("/api/org/my-mode").json().path("mode").asText()).isEqualTo("PEACE");
        AppClient govadmin = AppClient.login(port, "govadmin", "demo");
        complete(govadmin, processTask(govadmin, "复盘评估"), Map.of("reviewSummary", "响应及时"));
    }
}
