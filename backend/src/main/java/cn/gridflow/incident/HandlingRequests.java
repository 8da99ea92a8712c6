package cn.gridflow.incident;

import java.util.Date;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.tasklist.TaskActions;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a department handler may ask for while handling a grid event (domain-spec §1.2 step 8): an extension (延期),
 * once per event, before the deadline, of 1–10 working days, for the SGC supervisor to approve; and joint
 * coordination (跨部门协调) of a cross-department matter. Both are messages to the handling step of the event.
 */
@Service
public class HandlingRequests {

    public static final int MAX_EXTENSION_WORKDAYS = 10;
    public static final int MAX_REASON_LENGTH = 1000;
    static final String HANDLING_TASK = "deptHandle";

    private final TaskActions taskActions;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineSystemCalls system;
    private final ProcessEngineConfigurationImpl engine;
    private final TransactionTemplate transaction;

    public HandlingRequests(TaskActions taskActions, TaskService taskService, RuntimeService runtimeService,
                            EngineSystemCalls system, ProcessEngineConfigurationImpl engine,
                            TransactionTemplate transaction) {
        this.taskActions = taskActions;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.system = system;
        this.engine = engine;
        this.transaction = transaction;
    }

    public void requestExtension(CurrentUser user, String taskId, Integer workdays, String reason) {
        Task task = handlingTaskHeldBy(user, taskId);
        if (workdays == null || workdays < 1 || workdays > MAX_EXTENSION_WORKDAYS) {
            throw ApiException.badRequest("EXTENSION_WORKDAYS_INVALID", MAX_EXTENSION_WORKDAYS);
        }
        String why = requireReason(reason);
        String instanceId = task.getProcessInstanceId();
        system.call(() -> {
            Object slaDueAt = runtimeService.getVariable(instanceId, "slaDueAt");
            if (slaDueAt instanceof Date due && !ClockUtil.getCurrentTime().before(due)) {
                throw ApiException.conflict("EXTENSION_TOO_LATE");
            }
            // Taking the one extension and sending the message commit together: a failed correlation leaves the
            // extension unused, and a second request at the same moment loses on the taken flag.
            transaction.executeWithoutResult(status -> {
                try {
                    engine.getCommandExecutorTxRequired().execute(takeTheOneExtension(instanceId));
                } catch (OptimisticLockingException e) {
                    throw ApiException.conflict("EXTENSION_ALREADY_USED");
                }
                correlate(() -> runtimeService.createMessageCorrelation("MSG_EXTENSION_REQUESTED")
                        .processInstanceId(instanceId).setVariable("extensionWorkdays", workdays)
                        .setVariable("extensionReason", why).setVariable("extensionRequestedBy", user.id())
                        .correlate());
            });
            return null;
        });
    }

    /**
     * Reads and sets {@code extensionUsed} (created false by computeDueDates) in one command, so the row read is
     * the row written: a request that took the extension in between makes this update fail its optimistic lock.
     */
    private static Command<Void> takeTheOneExtension(String instanceId) {
        return context -> {
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(instanceId);
            if (Boolean.TRUE.equals(instance.getVariable("extensionUsed"))) {
                throw ApiException.conflict("EXTENSION_ALREADY_USED");
            }
            instance.setVariable("extensionUsed", true);
            return null;
        };
    }

    public void requestCoordination(CurrentUser user, String taskId, String reason) {
        Task task = handlingTaskHeldBy(user, taskId);
        String why = requireReason(reason);
        String instanceId = task.getProcessInstanceId();
        system.call(() -> {
            long open = taskService.createTaskQuery().processInstanceId(instanceId)
                    .taskDefinitionKeyIn("jointCoordination", "coHandle").count();
            if (open > 0) {
                throw ApiException.conflict("COORDINATION_OPEN");
            }
            correlate(() -> runtimeService.createMessageCorrelation("MSG_COORDINATION_REQUESTED")
                    .processInstanceId(instanceId).setVariable("coordinationReason", why)
                    .setVariable("coordinationRequestedBy", user.id()).correlate());
            return null;
        });
    }

    private Task handlingTaskHeldBy(CurrentUser user, String taskId) {
        Task task = taskActions.visibleTask(user, taskId);
        if (!HANDLING_TASK.equals(task.getTaskDefinitionKey())) {
            throw ApiException.conflict("NOT_A_HANDLING_TASK");
        }
        if (!user.id().equals(task.getAssignee())) {
            throw ApiException.conflict("HANDLING_CLAIM_FIRST");
        }
        return task;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("REQUEST_REASON_REQUIRED");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.badRequest("REQUEST_REASON_TOO_LONG", MAX_REASON_LENGTH);
        }
        return reason.strip();
    }

    private static void correlate(Runnable correlation) {
        try {
            correlation.run();
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("CONCURRENT_UPDATE");
        }
    }
}
