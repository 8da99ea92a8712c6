package cn.gridflow.tasklist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.forms.DeployedForms;
import cn.gridflow.forms.FormOptions;
import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.security.UserNames;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class TaskController {

    private final TaskInbox inbox;
    private final TaskFilters filters;
    private final TaskActions actions;
    private final TaskVariables taskVariables;
    private final DeployedForms forms;
    private final FormOptions formOptions;
    private final UserNames userNames;
    private final HistoryTimeline timeline;
    private final InstanceDiagram diagram;
    private final TaskService taskService;
    private final EngineSystemCalls system;

    public TaskController(TaskInbox inbox, TaskFilters filters, TaskActions actions, TaskVariables taskVariables,
                          DeployedForms forms, FormOptions formOptions, UserNames userNames, TaskService taskService,
                          EngineSystemCalls system, HistoryTimeline timeline, InstanceDiagram diagram) {
        this.inbox = inbox;
        this.filters = filters;
        this.actions = actions;
        this.taskVariables = taskVariables;
        this.forms = forms;
        this.formOptions = formOptions;
        this.userNames = userNames;
        this.timeline = timeline;
        this.taskService = taskService;
        this.diagram = diagram;
        this.system = system;
    }

    public record FilterView(String id, String name, String nameEn, boolean builtIn, TaskCriteria criteria,
                             long count) {
    }

    public record NewFilter(String name, TaskCriteria criteria) {
    }

    public record TaskSummary(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                              String processName, String processInstanceId, String businessKey, String title,
                              String assignee, String assigneeName, List<String> candidateGroups, Date created,
                              Date due, int priority, String gridId, String communityId, SlaState sla) {
    }

    public record TaskPage(List<TaskSummary> items, long total, int page, int size) {
    }

    public record TaskDetail(@JsonUnwrapped TaskSummary summary, String description, String formRef, boolean hasForm,
                             Map<String, Object> variables, boolean canClaim, boolean canUnclaim,
                             boolean canComplete) {
    }

    public record FormView(JsonNode schema, Map<String, Object> data) {
    }

    public record AssignRequest(String userId) {
    }

    public record CommentRequest(String message) {
    }

    public record Person(String id, String name) {
    }

    public record CommentView(String id, String userId, String userName, Date time, String message) {
    }

    @GetMapping("/task-filters")
    public List<FilterView> filters() {
        CurrentUser user = CurrentUser.get();
        List<TaskFilters.Filter> all = filters.of(user);
        List<Long> counts = inbox.counts(user, all.stream().map(TaskFilters.Filter::criteria).toList());
        List<FilterView> views = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TaskFilters.Filter f = all.get(i);
            views.add(new FilterView(f.id(), f.name(), f.nameEn(), f.builtIn(), f.criteria(), counts.get(i)));
        }
        return views;
    }

    @PostMapping("/task-filters")
    @ResponseStatus(HttpStatus.CREATED)
    public FilterView saveFilter(@RequestBody NewFilter request) {
        CurrentUser user = CurrentUser.get();
        TaskFilters.Filter saved = filters.save(user, request.name(), request.criteria());
        return new FilterView(saved.id(), saved.name(), saved.nameEn(), false, saved.criteria(),
                inbox.count(user, saved.criteria()));
    }

    @DeleteMapping("/task-filters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteFilter(@PathVariable String id) {
        filters.delete(CurrentUser.get(), id);
    }

    @GetMapping("/tasks")
    public TaskPage tasks(@RequestParam(defaultValue = "all") String filter,
                          @RequestParam(required = false) String processKey,
                          @RequestParam(required = false) String gridId,
                          @RequestParam(required = false) String communityId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          OffsetDateTime dueBefore,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          OffsetDateTime dueAfter,
                          @RequestParam(required = false) String text,
                          @RequestParam(defaultValue = "created") String sort,
                          @RequestParam(defaultValue = "desc") String order,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = CurrentUser.get();
        TaskCriteria criteria = filters.get(user, filter).criteria()
                .narrowedBy(new TaskCriteria(null, processKey, gridId, communityId, dueBefore, dueAfter, text));
        TaskInbox.Page result = inbox.page(user, criteria, sort, order, page, size);
        Map<String, String> names = userNames.of(result.items().stream().map(TaskInbox.Row::assignee).toList());
        Instant now = Instant.now();
        return new TaskPage(result.items().stream().map(row -> summary(row, names, now)).toList(),
                result.total(), result.page(), result.size());
    }

    @GetMapping("/tasks/{id}")
    public TaskDetail task(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        Task task = actions.visibleTask(user, id);
        Map<String, Object> variables = taskVariables.of(id);
        TaskInbox.Row row = inboxRow(user, task);
        boolean mine = user.id().equals(task.getAssignee());
        String formRef = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
        Map<String, String> names = task.getAssignee() == null ? Map.of() : userNames.of(List.of(task.getAssignee()));
        return new TaskDetail(summary(row, names, Instant.now()),
                task.getDescription(), formRef, formRef != null, variables,
                task.getAssignee() == null, mine, mine || task.getAssignee() == null);
    }

    @GetMapping("/tasks/{id}/form")
    public FormView form(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        JsonNode schema = forms.forTask(actions.visibleTask(user, id))
                .orElseThrow(() -> ApiException.notFound("NO_FORM"));
        Map<String, Object> data = new java.util.HashMap<>(formOptions.forUser(user));
        data.putAll(taskVariables.of(id));
        return new FormView(schema, data);
    }

    @PostMapping("/tasks/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void claim(@PathVariable String id) {
        actions.claim(CurrentUser.get(), id);
    }

    @PostMapping("/tasks/{id}/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unclaim(@PathVariable String id) {
        actions.unclaim(CurrentUser.get(), id);
    }

    @GetMapping("/tasks/{id}/candidates")
    public List<Person> candidates(@PathVariable String id) {
        actions.visibleTask(CurrentUser.get(), id);
        List<String> ids = actions.candidates(id);
        Map<String, String> names = userNames.of(ids);
        return ids.stream().map(uid -> new Person(uid, names.getOrDefault(uid, uid))).toList();
    }

    @PostMapping("/tasks/{id}/assign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void assign(@PathVariable String id, @RequestBody AssignRequest request) {
        actions.assign(CurrentUser.get(), id, request.userId());
    }

    public record CompleteRequest(Map<String, Object> variables) {
    }

    @PostMapping("/tasks/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void complete(@PathVariable String id, @RequestBody CompleteRequest request) {
        actions.complete(CurrentUser.get(), id, request.variables());
    }

    @GetMapping("/tasks/{id}/comments")
    public List<CommentView> comments(@PathVariable String id) {
        actions.visibleTask(CurrentUser.get(), id);
        List<Comment> comments = taskService.getTaskComments(id);
        Map<String, String> names = userNames.of(comments.stream().map(Comment::getUserId).toList());
        return comments.stream().sorted(Comparator.comparing(Comment::getTime))
                .map(c -> new CommentView(c.getId(), c.getUserId(), names.getOrDefault(c.getUserId(), c.getUserId()),
                        c.getTime(), c.getFullMessage()))
                .toList();
    }

    @PostMapping("/tasks/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public void addComment(@PathVariable String id, @RequestBody CommentRequest request) {
        actions.comment(CurrentUser.get(), id, request.message());
    }

    @GetMapping("/tasks/{id}/diagram")
    public InstanceDiagram.Diagram diagram(@PathVariable String id) {
        Task task = actions.visibleTask(CurrentUser.get(), id);
        // Visibility is settled by the task; the model and the instance's path are read as the system.
        return system.call(() -> diagram.of(task.getProcessInstanceId()));
    }

    @GetMapping("/tasks/{id}/history")
    public List<HistoryTimeline.Entry> history(@PathVariable String id) {
        Task task = actions.visibleTask(CurrentUser.get(), id);
        String instanceId = task.getProcessInstanceId();
        return system.call(() -> timeline.entries(instanceId,
                HistoryTimeline.Options.startedBy(timeline.startUserOf(instanceId))));
    }

    private TaskInbox.Row inboxRow(CurrentUser user, Task task) {
        return inbox.byId(task.getId())
                .orElseGet(() -> new TaskInbox.Row(task.getId(), task.getName(), task.getTaskDefinitionKey(), null,
                        task.getProcessDefinitionId(), null, task.getProcessInstanceId(), null, null,
                        task.getAssignee(), task.getCreateTime(), task.getDueDate(), task.getPriority(), null, null,
                        List.of(), null, null));
    }

    private static TaskSummary summary(TaskInbox.Row row, Map<String, String> names, Instant now) {
        return new TaskSummary(row.id(), row.name(), row.taskDefinitionKey(), row.processDefinitionKey(),
                row.processName(), row.processInstanceId(), row.businessKey(), row.title(), row.assignee(),
                row.assignee() == null ? null : names.getOrDefault(row.assignee(), row.assignee()),
                row.candidateGroups(), row.created(), row.due(), row.priority(), row.gridId(), row.communityId(),
                row.sla(now));
    }
}
