package cn.gridflow.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the read model from the engine: at start when the model is empty but the engine has open tasks
 * (a database that predates the model), and on an administrator's request.
 */
@Component
public class TaskReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(TaskReadModelRebuild.class);
    private static final int PAGE = 500;
    private static final List<String> ROW_VARIABLES = List.of("title", "description", "gridId", "communityId",
            "slaDueAt", "yellowAt", "level3At");

    private final TaskReadModel readModel;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public TaskReadModelRebuild(TaskReadModel readModel, TaskService taskService,
                                RepositoryService repositoryService, RuntimeService runtimeService) {
        this.readModel = readModel;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void rebuildIfEmpty() {
        if (readModel.count() == 0 && taskService.createTaskQuery().count() > 0) {
            log.info("task read model is empty but the engine has open tasks: rebuilding");
            rebuild();
        }
    }

    @Transactional
    public long rebuild() {
        readModel.deleteAll();
        long written = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = taskService.createTaskQuery().orderByTaskCreateTime().asc().orderByTaskId().asc()
                    .listPage(first, PAGE);
            page.forEach(task -> readModel.insert(rowOf(task)));
            written += page.size();
            if (page.size() < PAGE) {
                return written;
            }
        }
    }

    private TaskReadModel.Row rowOf(Task task) {
        Map<String, Object> vars = taskService.getVariables(task.getId(), ROW_VARIABLES);
        String processKey = null;
        String processName = null;
        String businessKey = null;
        if (task.getProcessDefinitionId() != null) {
            ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
            processKey = definition.getKey();
            processName = definition.getName();
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            businessKey = instance == null ? null : instance.getBusinessKey();
        }
        java.util.Date[] ladder = TaskReadModel.ladderPoints(task.getDueDate(), vars.get("slaDueAt"),
                vars.get("yellowAt"), vars.get("level3At"));
        TaskReadModel.Candidates candidates = TaskReadModel.Candidates.of(
                taskService.getIdentityLinksForTask(task.getId()));
        return new TaskReadModel.Row(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
                task.getProcessDefinitionId(), processName, task.getProcessInstanceId(), businessKey,
                TaskReadModel.titleOf(vars.get("title"), vars.get("description")), task.getAssignee(),
                task.getCreateTime(), task.getDueDate(), task.getPriority(),
                vars.get("gridId") == null ? null : vars.get("gridId").toString(),
                vars.get("communityId") == null ? null : vars.get("communityId").toString(), candidates.groups(), candidates.users(),
                ladder[0], ladder[1]);
    }
}
