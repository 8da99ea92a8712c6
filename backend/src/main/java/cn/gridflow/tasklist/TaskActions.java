package cn.gridflow.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.forms.DeployedForms;
import cn.gridflow.forms.FormOptions;
import cn.gridflow.forms.FormValidator;
import cn.gridflow.forms.VariableValues;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.security.UserNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * What a user does with a task. The engine checks its authorizations on every call (the caller's Camunda
 * authentication is set by the security filter); this class adds the rules the engine leaves to applications:
 * only the holder completes or releases a task, and a conflict is reported by name.
 */
@Service
public class TaskActions {

    public static final int MAX_COMMENT_LENGTH = 2000;

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TaskInbox inbox;
    private final DeployedForms forms;
    private final FormValidator formValidator;
    private final FormOptions formOptions;
    private final VariableValues variableValues;
    private final UserNames userNames;
    private final EngineSystemCalls system;
    private final ProcessEngineConfigurationImpl engine;
    private final TransactionTemplate transaction;

    public TaskActions(TaskService taskService, IdentityService identityService, TaskInbox inbox,
                       DeployedForms forms, FormValidator formValidator, FormOptions formOptions,
                       VariableValues variableValues, UserNames userNames, EngineSystemCalls system,
                       ProcessEngineConfigurationImpl engine, TransactionTemplate transaction) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.inbox = inbox;
        this.forms = forms;
        this.formValidator = formValidator;
        this.formOptions = formOptions;
        this.variableValues = variableValues;
        this.userNames = userNames;
        this.system = system;
        this.engine = engine;
        this.transaction = transaction;
    }

    /** The open task, if this user may see it; otherwise 404, so that ids of others' tasks reveal nothing. */
    public Task visibleTask(CurrentUser user, String taskId) {
        Task task = visibleOpenTask(user, taskId);
        if (task == null) {
            throw ApiException.notFound("TASK_NOT_FOUND");
        }
        return task;
    }

    public void claim(CurrentUser user, String taskId) {
        boolean open;
        try {
            open = inOneCommand(context -> {
                Task task = visibleOpenTask(context, user, taskId);
                if (task != null && !user.id().equals(task.getAssignee())) {
                    taskService.claim(taskId, user.id());
                }
                return task != null;
            });
        } catch (TaskAlreadyClaimedException e) {
            throw claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            // Two claims at the same moment: the other one committed first.
            throw claimedBy(currentAssignee(taskId));
        } catch (AuthorizationException e) {
            throw notWorkable();
        }
        if (!open) {
            throw ApiException.notFound("TASK_NOT_FOUND");
        }
    }

    public void unclaim(CurrentUser user, String taskId) {
        Task task = visibleTask(user, taskId);
        requireHeldBy(user, task);
        taskService.setAssignee(taskId, null);
    }

    public void assign(CurrentUser user, String taskId, String assignee) {
        Task task = visibleTask(user, taskId);
        if (task.getAssignee() != null) {
            requireHeldBy(user, task);
        }
        if (assignee == null || assignee.isBlank()) {
            throw ApiException.badRequest("USER_NOT_FOUND", String.valueOf(assignee));
        }
        boolean exists = system.call(() -> identityService.createUserQuery().userId(assignee).count() > 0);
        if (!exists) {
            throw ApiException.badRequest("USER_NOT_FOUND", assignee);
        }
        if (candidates(taskId).stream().noneMatch(id -> id.equals(assignee))) {
            throw ApiException.badRequest("ASSIGNEE_NOT_CANDIDATE", userNames.of(assignee));
        }
        taskService.setAssignee(taskId, assignee);
    }

    /** Users who may take the task over: members of its candidate groups and its candidate users. */
    public List<String> candidates(String taskId) {
        return system.call(() -> {
            List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
            return links.stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .flatMap(link -> link.getUserId() != null ? java.util.stream.Stream.of(link.getUserId())
                            : identityService.createUserQuery().memberOfGroup(link.getGroupId())
                                    .orderByUserId().asc().listPage(0, 500).stream().map(u -> u.getId()))
                    .distinct()
                    .toList();
        });
    }

    /**
     * Validates against the task's Camunda Form (or the generic rules when it has none), then claims an
     * unassigned task and completes it in one transaction: either both happen or neither.
     */
    public void complete(CurrentUser user, String taskId, Map<String, Object> submitted) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                Outcome checked = inOneCommand(context -> {
                    Task task = visibleOpenTask(context, user, taskId);
                    if (task == null) {
                        return Outcome.refused(ApiException.notFound("TASK_NOT_FOUND"));
                    }
                    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
                        return Outcome.heldBy(task.getAssignee());
                    }
                    VariableMap variables;
                    try {
                        variables = forms.forTask(task)
                                .map(schema -> formValidator.validate(schema, values, () -> formOptions.forUser(user)))
                                .orElseGet(() -> variableValues.fromJson(values));
                    } catch (ApiException invalid) {
                        // returned, not thrown: nothing is written yet, and the engine would log it as a failure
                        return Outcome.refused(invalid);
                    }
                    if (task.getAssignee() == null) {
                        return Outcome.claimFirst(variables);
                    }
                    taskService.complete(taskId, variables);
                    return Outcome.DONE;
                });
                if (checked.claimFirst() != null) {
                    // claim and completion stay separate engine commands: in one, the completion's history would
                    // overwrite the assignee the claim just recorded on the activity instance
                    taskService.claim(taskId, user.id());
                    taskService.complete(taskId, checked.claimFirst());
                }
                return checked;
            });
        } catch (TaskAlreadyClaimedException e) {
            throw claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("CONCURRENT_UPDATE");
        } catch (AuthorizationException e) {
            throw notWorkable();
        }
        if (outcome.heldBy() != null) {
            throw ApiException.conflict("TASK_HELD_BY_OTHER", userNames.of(outcome.heldBy()));
        }
        if (outcome.problem() != null) {
            throw outcome.problem();
        }
    }

    /** What the checks of a completion found before anything was written. */
    private record Outcome(ApiException problem, String heldBy, VariableMap claimFirst) {

        static final Outcome DONE = new Outcome(null, null, null);

        static Outcome refused(ApiException problem) {
            return new Outcome(problem, null, null);
        }

        static Outcome heldBy(String assignee) {
            return new Outcome(null, assignee, null);
        }

        static Outcome claimFirst(VariableMap variables) {
            return new Outcome(null, null, variables);
        }
    }

    /**
     * The visibility check, the task read and the claim (or the completion of a task the caller holds) as one engine
     * command, whose service calls join it: one transaction, the caller's authorization groups and the revoke check
     * looked up once instead of once per call, and the claim or completion finds the task already read. The engine
     * checks the caller's authorizations on every call inside as before.
     */
    private <T> T inOneCommand(Function<CommandContext, T> work) {
        return engine.getCommandExecutorTxRequired().execute(work::apply);
    }

    /** The open task if this user may see it, else null. */
    private Task visibleOpenTask(CurrentUser user, String taskId) {
        if (!user.isAdmin() && !inbox.isVisible(user, taskId)) {
            return null;
        }
        return taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    }

    /**
     * The open task if it is in this user's inbox, else null, read by its id inside an engine command (the claim or
     * completion then finds it in the command's cache). Camunda's own check is left to the claim or completion that
     * follows: TASK_WORK (or UPDATE) on the task or its process definition, which the engine grants with READ to the
     * task's candidates and assignee and which {@link #notWorkable} turns into the same 404. A separate READ check
     * here cost a second authorization statement per request: the benchmark's profile put it at ~9 % of a task
     * step's server CPU and ~6 % of its database time.
     */
    private Task visibleOpenTask(CommandContext context, CurrentUser user, String taskId) {
        if (!user.isAdmin() && !inbox.isVisible(user, taskId)) {
            return null;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return null;
        }
        task.initializeFormKey();
        return task;
    }

    /**
     * The engine refused the claim or completion: the user is a candidate in GridFlow's inbox but Camunda no longer
     * lets them work the task (its authorization was withdrawn). Answered like a task they cannot see, so that ids of
     * others' tasks reveal nothing; the refusal has written nothing.
     */
    private static ApiException notWorkable() {
        return ApiException.notFound("TASK_NOT_FOUND");
    }

    public void comment(CurrentUser user, String taskId, String message) {
        Task task = visibleTask(user, taskId);
        if (message == null || message.isBlank()) {
            throw ApiException.badRequest("COMMENT_EMPTY");
        }
        if (message.length() > MAX_COMMENT_LENGTH) {
            throw ApiException.badRequest("COMMENT_TOO_LONG", MAX_COMMENT_LENGTH);
        }
        taskService.createComment(taskId, task.getProcessInstanceId(), message.strip());
    }

    private void requireHeldBy(CurrentUser user, Task task) {
        if (!Objects.equals(task.getAssignee(), user.id()) && !user.isAdmin()) {
            throw ApiException.conflict("TASK_HELD_BY_OTHER", userNames.of(task.getAssignee()));
        }
    }

    private String currentAssignee(String taskId) {
        Task now = system.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        return now == null ? null : now.getAssignee();
    }

    private ApiException claimedBy(String assignee) {
        return ApiException.conflict("TASK_CLAIMED", assignee == null ? "?" : userNames.of(assignee));
    }
}
