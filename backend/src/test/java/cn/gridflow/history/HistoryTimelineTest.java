package cn.gridflow.history;

import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one timeline builder behind the task's history tab, the event record and the event archive. */
@GridFlowTest
class HistoryTimelineTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryTimeline timeline;

    @Autowired
    ManagementService managementService;

    private AppClient as(String user) {
        return AppClient.login(port, user, "demo");
    }

    /**
     * A report claimed and triaged, auto-dispatched to 城管执法, assigned there to a colleague, then left unsigned
     * until the signing deadline takes it back to the dispatcher: the task's history and the event record tell it
     * alike.
     */
    @Test
    void theTaskHistoryAndTheEventRecordTellTheSameStory() {
        String text = uniqueText("巡查 占道堆物");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);
        String triage = Scenario.taskId(grid, "受理核实", text);
        assertThat(grid.post("/api/tasks/" + triage + "/claim", Map.of()).status()).isEqualTo(204);
        Scenario.complete(grid, triage, Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE",
                "canSelfResolve", false));
        AppClient enforce = as("enforce");
        String sign = Scenario.taskId(enforce, "签收/回退", text);
        AppClient.Reply assigned = enforce.post("/api/tasks/" + sign + "/assign", Map.of("userId", "enforce2"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
        String instanceId = as("dispatcher").get("/api/incidents/" + key).json().path("summary")
                .path("processInstanceId").asText();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId)
                .activityId("signOverdue").singleResult().getId());

        AppClient dispatcher = as("dispatcher");
        JsonNode record = dispatcher.get("/api/incidents/" + key).json().path("timeline");
        JsonNode history = dispatcher.get("/api/tasks/" + Scenario.taskId(dispatcher, "受理分拨", text) + "/history")
                .json();
        assertThat(history).isEqualTo(record);

        List<String> types = record.findValuesAsText("type");
        // The handling subprocess has its own start event: it is not a second report, nor is the event over.
        assertThat(types.stream().filter("START"::equals)).hasSize(1);
        assertThat(types).doesNotContain("END");
        assertThat(record.get(0).path("userName").asText()).isEqualTo("张伟");

        JsonNode claim = only(record, "CLAIM");
        assertThat(claim.path("userId").asText()).isEqualTo("grid0101");
        assertThat(claim.path("message").isNull()).as("a claim is the user's own act").isTrue();
        JsonNode assignment = only(record, "ASSIGN");
        assertThat(assignment.path("userName").asText()).isEqualTo("许亮");
        assertThat(assignment.path("message").asText()).as("who assigned").isEqualTo("enforce");

        // The overdue signing step was cancelled by its deadline: opened, never completed.
        assertThat(named(record, "签收/回退")).extracting(e -> e.path("type").asText())
                .containsExactly("TASK_CREATED");
        assertThat(named(record, "受理核实")).extracting(e -> e.path("type").asText())
                .containsExactly("TASK_CREATED", "TASK_COMPLETED");
        assertThat(types.indexOf("AUTO_DISPATCH")).isGreaterThan(types.indexOf("TASK_COMPLETED"));

        // What the app adds (the record's photos) is named and sorted in with the engine's entries.
        Date late = new Date(System.currentTimeMillis() + 60_000);
        List<HistoryTimeline.Entry> withPhoto = timeline.entries(instanceId, HistoryTimeline.Options
                .startedBy("grid0101").withExtra(List.of(new HistoryTimeline.Entry(late, "PHOTO", null, null,
                        "grid0101", null, "现场.png"))));
        HistoryTimeline.Entry photo = withPhoto.get(withPhoto.size() - 1);
        assertThat(photo.type()).isEqualTo("PHOTO");
        assertThat(photo.userName()).isEqualTo("张伟");
        assertThat(photo.message()).isEqualTo("现场.png");
        assertThat(withPhoto).hasSize(record.size() + 1);
        assertThat(timeline.entries(instanceId, HistoryTimeline.Options.startedBy(null)).get(0).userId())
                .as("the start names whom the caller says").isNull();

        // A record of what was done (the HOA decision's): automatic steps in, the handling of the tasks out.
        List<String> recordTypes = timeline.entries(instanceId, HistoryTimeline.Options.startedBy("grid0101")
                .withSteps().withoutHandling()).stream().map(HistoryTimeline.Entry::type).toList();
        assertThat(recordTypes).contains("STEP", "AUTO_DISPATCH").doesNotContain("CLAIM", "ASSIGN", "COMMENT");
        assertThat(types).doesNotContain("STEP");
    }

    @Test
    void theArchiveKeepsOneRowAStepInTheOrderTheyStarted() {
        String text = uniqueText("巡查 小广告");
        AppClient grid = as("grid0101");
        String key = Scenario.report(grid, "G0101", text);
        Scenario.complete(grid, Scenario.taskId(grid, "受理核实", text),
                Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
        String instanceId = grid.get("/api/incidents/" + key).json().path("summary").path("processInstanceId")
                .asText();

        List<HistoryTimeline.Step> steps = timeline.steps(instanceId);
        assertThat(steps).extracting(HistoryTimeline.Step::type).doesNotContain("exclusiveGateway", "noneEndEvent");
        HistoryTimeline.Step triage = steps.stream().filter(s -> s.activityId().equals("verifyAndTriage"))
                .findFirst().orElseThrow();
        assertThat(triage.assignee()).isEqualTo("grid0101");
        assertThat(triage.end()).isNotNull();
        List<Date> starts = new ArrayList<>(steps.stream().map(HistoryTimeline.Step::start).toList());
        assertThat(starts).isSorted();
        assertThat(steps.get(0).type()).isEqualTo("startEvent");

        // What a page lists: every named step, no gateway.
        List<HistoryTimeline.Step> named = timeline.namedSteps(instanceId);
        assertThat(named).extracting(HistoryTimeline.Step::activityId).contains("verifyAndTriage");
        assertThat(named).extracting(HistoryTimeline.Step::name).doesNotContainNull();
        assertThat(named).extracting(HistoryTimeline.Step::type).noneMatch(t -> t.contains("Gateway"));
    }

    private static JsonNode only(JsonNode timeline, String type) {
        List<JsonNode> found = new ArrayList<>();
        timeline.forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                found.add(e);
            }
        });
        assertThat(found).as("%s in %s", type, timeline).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> named(JsonNode timeline, String activityName) {
        List<JsonNode> found = new ArrayList<>();
        timeline.forEach(e -> {
            if (e.path("activityName").asText().equals(activityName)) {
                found.add(e);
            }
        });
        return found;
    }
}
