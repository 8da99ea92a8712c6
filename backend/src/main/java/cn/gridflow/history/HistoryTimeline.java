package cn.gridflow.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.security.UserNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who did what when on one process instance, read from the engine's history. One builder for the three places that
 * show it: the task's history tab, the event record's timeline (which adds the event's photos) and the event archive
 * (which stores one row a step, see {@link #steps}). Call as the system, or inside the engine's own command (the
 * archive's delegate): the caller has already decided the instance may be seen.
 */
@Component
public class HistoryTimeline {

    /** Entries stamped with the same millisecond happen in this order (a completion creates the next task). */
    private static final List<String> SAME_INSTANT_ORDER = List.of("START", "PHOTO", "TASK_COMPLETED",
            AutoDispatchNote.TYPE, "END", "TASK_CREATED", "CLAIM", "ASSIGN", "COMMENT");

    /** The steps an archive reader cares about; gateways and plumbing events are left out. */
    private static final Set<String> STEP_TYPES = Set.of("startEvent", "messageStartEvent", "userTask",
            "serviceTask", "businessRuleTask", "boundaryTimer", "boundaryMessage", "intermediateMessageCatch",
            "intermediateTimer", "callActivity");

    private final HistoryService historyService;
    private final TaskService taskService;
    private final UserNames userNames;
    private final AutoDispatchNote autoDispatchNote;

    public HistoryTimeline(HistoryService historyService, TaskService taskService, UserNames userNames,
                           AutoDispatchNote autoDispatchNote) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.userNames = userNames;
        this.autoDispatchNote = autoDispatchNote;
    }

    /** One happening; {@code userName} is filled in from {@code userId} (or says who, where no user did it). */
    public record Entry(Date time, String type, String activityName, String userId, String userName,
                        String message) {
    }

    /** One step as the archive stores it: when it started and ended, and who held it. */
    public record Step(String activityId, String name, String type, String assignee, Date start, Date end) {
    }

    /**
     * What a view shows beyond the engine's own history.
     *
     * @param startUserId who started the instance, named on the START entry
     * @param extra       entries the app knows of and the engine does not (the event's photos, type PHOTO), sorted
     *                    in with the rest and named like them
     */
    public record Options(String startUserId, List<Entry> extra) {

        public static Options startedBy(String startUserId) {
            return new Options(startUserId, List.of());
        }
    }

    /**
     * The instance's timeline, oldest first, users named: its start and end (not those of an embedded subprocess,
     * which are steps inside it), each user task opened and completed by its assignee (a cancelled task was not
     * completed by anyone), claims (the user's own act) and assignments (naming who assigned), the system's
     * auto-dispatch, comments and the options' extra entries.
     */
    public List<Entry> entries(String instanceId, Options options) {
        List<Entry> out = new ArrayList<>();
        for (HistoricActivityInstance a : activities(instanceId)) {
            boolean topLevel = instanceId.equals(a.getParentActivityInstanceId());
            switch (a.getActivityType()) {
                case "startEvent", "messageStartEvent" -> {
                    if (topLevel) {
                        out.add(new Entry(a.getStartTime(), "START", a.getActivityName(), options.startUserId(),
                                null, null));
                    }
                }
                case "noneEndEvent", "endEvent" -> {
                    if (topLevel) {
                        out.add(new Entry(a.getStartTime(), "END", a.getActivityName(), null, null, null));
                    }
                }
                case "userTask" -> {
                    out.add(new Entry(a.getStartTime(), "TASK_CREATED", a.getActivityName(), null, null, null));
                    if (a.getEndTime() != null && !a.isCanceled()) {
                        out.add(new Entry(a.getEndTime(), "TASK_COMPLETED", a.getActivityName(), a.getAssignee(),
                                null, null));
                    }
                }
                case "serviceTask" -> {
                    // 系统自动分拨 is a dispatch like the dispatcher's, done by the system (no user to name)
                    if (AutoDispatchNote.ACTIVITY_ID.equals(a.getActivityId()) && a.getEndTime() != null) {
                        out.add(new Entry(a.getEndTime(), AutoDispatchNote.TYPE, a.getActivityName(), null,
                                AutoDispatchNote.BY, autoDispatchNote.of(instanceId)));
                    }
                }
                default -> { }
            }
        }
        for (HistoricIdentityLinkLog link : assignments(instanceId)) {
            boolean self = link.getUserId() != null && link.getUserId().equals(link.getAssignerId());
            // An assignment names who assigned; a claim is the user's own act.
            out.add(new Entry(link.getTime(), self ? "CLAIM" : "ASSIGN", null, link.getUserId(), null,
                    self ? null : link.getAssignerId()));
        }
        for (Comment c : taskService.getProcessInstanceComments(instanceId)) {
            out.add(new Entry(c.getTime(), "COMMENT", null, c.getUserId(), null, c.getFullMessage()));
        }
        out.addAll(options.extra());
        Map<String, String> names = userNames.of(out.stream().map(Entry::userId).toList());
        return out.stream()
                .sorted(Comparator.comparing(Entry::time).thenComparing(e -> SAME_INSTANT_ORDER.indexOf(e.type())))
                .map(e -> new Entry(e.time(), e.type(), e.activityName(), e.userId(),
                        e.userId() == null ? e.userName() : names.getOrDefault(e.userId(), e.userId()), e.message()))
                .toList();
    }

    /** Who started the instance, for {@link Options#startedBy} where the caller does not know it already. */
    public String startUserOf(String instanceId) {
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        return instance == null ? null : instance.getStartUserId();
    }

    /** The instance's steps in the order they started, one row each, as the archive keeps them. */
    public List<Step> steps(String instanceId) {
        return activities(instanceId).stream()
                .filter(a -> STEP_TYPES.contains(a.getActivityType()))
                .map(a -> new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                        a.getStartTime(), a.getEndTime()))
                .toList();
    }

    private List<HistoricActivityInstance> activities(String instanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    private List<HistoricIdentityLinkLog> assignments(String instanceId) {
        List<HistoricIdentityLinkLog> out = new ArrayList<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()
                .forEach(t -> out.addAll(historyService.createHistoricIdentityLinkLogQuery()
                        .taskId(t.getId()).type(IdentityLinkType.ASSIGNEE).operationType("add").list()));
        return out;
    }
}
