package cn.gridflow.promotion;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.security.UserNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Where a round, or one candidate in it, stands: the diagram with its active and completed steps, and the timeline
 * of who did what when. Callers check who may see it; the engine is read on the app's behalf.
 */
@Component
public class RoundProcessView {

    /** One step; {@code assigneeName} is the holder's name (their id where the user is gone). */
    public record Step(String time, String endTime, String activityId, String activityName, String activityType,
                       String assignee, String assigneeName) {
    }

    public record View(String processInstanceId, String processKey, String xml, List<String> activeActivityIds,
                       List<String> completedActivityIds, List<Step> timeline, Map<String, Object> variables) {
    }

    private final EngineSystemCalls system;
    private final HistoryService history;
    private final InstanceDiagram diagram;
    private final HistoryTimeline timeline;
    private final UserNames userNames;

    public RoundProcessView(EngineSystemCalls system, HistoryService history, InstanceDiagram diagram,
                            HistoryTimeline timeline, UserNames userNames) {
        this.system = system;
        this.history = history;
        this.diagram = diagram;
        this.timeline = timeline;
        this.userNames = userNames;
    }

    public View ofRound(String instanceId) {
        return system.call(() -> view(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult()));
    }

    /** Any process instance of the promotion feature, e.g. one commendation. */
    public View ofInstance(String instanceId) {
        return ofRound(instanceId);
    }

    /** The candidate's appointment if it began, otherwise their screening. */
    public View ofCandidate(String roundKey, String applicantId) {
        return system.call(() -> {
            List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(roundKey + "-" + applicantId).list();
            HistoricProcessInstance chosen = found.stream()
                    .max(Comparator.comparing((HistoricProcessInstance p) -> p.getProcessDefinitionKey()
                            .equals("candidate-appointment")).thenComparing(HistoricProcessInstance::getStartTime))
                    .orElseThrow(() -> ApiException.notFound("PROMOTION_CANDIDATE_NOT_STARTED", applicantId));
            return view(chosen);
        });
    }

    private View view(HistoricProcessInstance pi) {
        if (pi == null) {
            throw ApiException.notFound("NOT_FOUND");
        }
        InstanceDiagram.Diagram drawn = diagram.of(pi.getId());
        // Times as ISO instants (UTC), the form the promotion pages have always been sent.
        List<HistoryTimeline.Step> named = timeline.namedSteps(pi.getId());
        // UserNames skips a step without holder; getOrDefault gives such a step no name
        Map<String, String> names = userNames.of(named.stream().map(HistoryTimeline.Step::assignee).toList());
        List<Step> steps = named.stream()
                .map(s -> new Step(s.start().toInstant().toString(),
                        s.end() == null ? null : s.end().toInstant().toString(),
                        s.activityId(), s.name(), s.type(), s.assignee(),
                        names.getOrDefault(s.assignee(), s.assignee())))
                .toList();
        Map<String, Object> variables = new LinkedHashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().forEach(v -> {
            Object value = v.getValue();
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                variables.put(v.getName(), value);
            } else if (value instanceof java.util.Date d) {
                variables.put(v.getName(), d.toInstant().toString());
            }
        });
        return new View(pi.getId(), pi.getProcessDefinitionKey(), drawn.xml(), drawn.activeActivityIds(),
                drawn.completedActivityIds(), steps, variables);
    }
}
