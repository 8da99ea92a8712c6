package cn.gridflow.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gridflow.common.ApiException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * One process instance as a diagram viewer draws it: its model, the steps it stands on now and the steps it has done.
 * One builder for every page that shows where an instance stands (task, event record, contract, HOA decision,
 * promotion). Call as the system: the caller has already decided the instance may be seen.
 */
@Component
public class InstanceDiagram {

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    public InstanceDiagram(HistoryService historyService, RuntimeService runtimeService,
                           RepositoryService repositoryService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /** The instance's diagram; key and version name the definition, for the link to its read-only viewer. */
    public record Diagram(String xml, List<String> activeActivityIds, List<String> completedActivityIds,
                          String definitionKey, int definitionVersion) {
    }

    /** @throws ApiException NOT_FOUND when the engine has no history of the instance */
    public Diagram of(String instanceId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        if (instance == null) {
            throw ApiException.notFound("NOT_FOUND");
        }
        // An ended instance has no active steps (and the runtime would reject the question).
        List<String> active = instance.getEndTime() == null ? runtimeService.getActiveActivityIds(instanceId)
                : List.of();
        Set<String> completed = new LinkedHashSet<>(); // in the order they were done, the same on every page
        historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> completed.add(a.getActivityId()));
        return new Diagram(model(instance.getProcessDefinitionId()), active, List.copyOf(completed),
                instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion());
    }

    /** The BPMN XML of one deployed definition (also the dashboard heatmap's, drawn for a definition). */
    public String model(String processDefinitionId) {
        try (InputStream in = repositoryService.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
