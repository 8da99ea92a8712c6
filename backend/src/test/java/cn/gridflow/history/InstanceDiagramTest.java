package cn.gridflow.history;

import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one diagram payload behind the task's diagram tab and the event record's diagram. */
@GridFlowTest
class InstanceDiagramTest {

    @LocalServerPort
    int port;

    @Test
    void theTaskAndTheEventRecordDrawTheSameDiagram() {
        String text = uniqueText("巡查 井盖缺失");
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String key = Scenario.report(grid, "G0101", text);
        Scenario.complete(grid, Scenario.taskId(grid, "受理核实", text),
                Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
        String resolve = Scenario.taskId(grid, "网格内处置", text);

        JsonNode fromTask = grid.get("/api/tasks/" + resolve + "/diagram").json();
        JsonNode fromRecord = grid.get("/api/incidents/" + key).json().path("diagram");
        assertThat(fromTask).isEqualTo(fromRecord);
        assertThat(fromTask.path("activeActivityIds").toString()).contains("resolveInGrid");
        assertThat(fromTask.path("completedActivityIds").toString()).contains("verifyAndTriage")
                .doesNotContain("resolveInGrid");
    }
}
