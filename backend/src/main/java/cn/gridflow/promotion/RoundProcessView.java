package cn.gridflow.promotion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Where a round, or one candidate in it, stands: the diagram with its active and completed steps, and the timeline
 * of who did what when. Callers check who may see it; the engine is read on the app's behalf.
 */
@Component
public class RoundProcessView {

    /** Steps worth a line in the timeline (gateways and flows are noise to HR and candidates). */
    private static final Set<String> SHOWN = Set.of("startEvent", "endEvent", "userTask", "serviceTask",
            "businessRuleTask", "callActivity", "receiveTask", "intermediateTimer", "messageStartEvent",
            "signalStartEvent", "errorEndEvent", "signalEndEvent", "boundaryTimer", "boundaryError", "startTimerEvent");

    public record Step(String time, String endTime, String activityId, String activityName, String activityType,
                       String assignee) {
    }

    public record View(String processInstanceId, String processKey, String xml, List<String> activeActivityIds,
                       List<String> completedActivityIds, List<Step> timeline, Map<String, Object> variables) {
    }

    private final EngineSystemCalls system;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    public RoundProcessView(EngineSystemCalls system, HistoryService history, RuntimeService runtime,
                            RepositoryService repository) {
        this.system = system;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
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
        String xml;
        try (InputStream in = repository.getProcessModel(pi.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
        List<String> active = running ? runtime.getActiveActivityIds(pi.getId()) : List.of();
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
        Set<String> completed = new LinkedHashSet<>();
        List<Step> timeline = new ArrayList<>();
        for (HistoricActivityInstance step : steps) {
            if (step.getEndTime() != null) {
                completed.add(step.getActivityId());
            }
            if (SHOWN.contains(step.getActivityType()) && step.getActivityName() != null) {
                timeline.add(new Step(step.getStartTime().toInstant().toString(),
                        step.getEndTime() == null ? null : step.getEndTime().toInstant().toString(),
                        step.getActivityId(), step.getActivityName(), step.getActivityType(), step.getAssignee()));
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().forEach(v -> {
            Object value = v.getValue();
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                variables.put(v.getName(), value);
            } else if (value instanceof java.util.Date d) {
                variables.put(v.getName(), d.toInstant().toString());
            }
        });
        return new View(pi.getId(), pi.getProcessDefinitionKey(), xml, active, List.copyOf(completed), timeline,
                variables);
    }
}
