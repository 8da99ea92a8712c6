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
 * Who did what when on one process instance, read from the engine's history. One builder for the places that show
 * it: the task's history tab, the event record's timeline (which adds the event's photos), the HOA decision's record
 * (which adds the automatic steps and leaves out the handling), the event archive (which stores one row a step, see
 * {@link #steps}) and the pages that list an instance's steps (procurement, promotion, see {@link #namedSteps}). Call
 * as the system, or inside the engine's own command (the archive's delegate): the caller has already decided the
 * instance may be seen.
 */
@Component
public class HistoryTimeline {

    /** Entries stamped with the same millisecond happen in this order (a completion creates the next task). */
    private static final List<String> SAME_INSTANT_ORDER = List.of("START", "PHOTO", "TASK_COMPLETED",
            AutoDispatchNote.TYPE, "STEP", "END", "TASK_CREATED", "CLAIM", "ASSIGN", "COMMENT");

    /** The steps an archive reader cares about; gateways and plumbing events are left out. */
    private static final Set<String> STEP_TYPES = Set.of("startEvent", "messageStartEvent", "userTask",
            "serviceTask", "businessRuleTask", "boundaryTimer", "boundaryMessage", "intermediateMessageCatch",
            "intermediateTimer", "callActivity");

    /** Scopes around other steps: their steps are listed, the scope itself would say nothing more. */
    private static final Set<String> SCOPES = Set.of("subProcess", "adHocSubProcess", "transaction",
            "multiInstanceBody");

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

    /**
     * One happening; {@code userName} is filled in from {@code userId} (or says who, where no user did it).
     * {@code activityId} is the model's step, where the entry is one.
     */
    public record Entry(Date time, String type, String activityId, String activityName, String userId,
                        String userName, String message) {
    }

    /** One step as the archive stores it: when it started and ended, and who held it. */
    public record Step(String activityId, String name, String type, String assignee, Date start, Date end) {
    }

    /**
     * What a view shows beyond the engine's user tasks, start and end.
     *
     * @param startUserId who started the instance, named on the START entry
     * @param extra       entries the app knows of and the engine does not (the event's photos, type PHOTO), sorted
     *                    in with the rest and named like them
     * @param steps       the named automatic steps and events (service, rule and call steps, timers, messages, the
     *                    ends of subprocesses) as STEP entries, for a record that tells what was done as well as who
     *                    did it
     * @param handling    claims, assignments and comments: how the tasks were handled, which the task's own pages
     *                    show and the HOA decision's record (read by the whole committee) never did
     */
    public record Options(String startUserId, List<Entry> extra, boolean steps, boolean handling) {

        public static Options startedBy(String startUserId) {
            return new Options(startUserId, List.of(), false, true);
        }

        public Options withExtra(List<Entry> entries) {
            return new Options(startUserId, entries, steps, handling);
        }

        public Options withSteps() {
            return new Options(startUserId, extra, true, handling);
        }

        public Options withoutHandling() {
            return new Options(startUserId, extra, steps, false);
        }
    }

    /**
     * The instance's timeline, oldest first, users named: its start and end (not those of an embedded subprocess,
     * which are steps inside it), each user task opened and completed by its assignee (a cancelled task was not
     * completed by anyone), the system's auto-dispatch, the options' steps, handling and extra entries.
     */
    public List<Entry> entries(String instanceId, Options options) {
        List<Entry> out = new ArrayList<>();
        for (HistoricActivityInstance a : activities(instanceId)) {
            Entry entry = entryOf(instanceId, a, options);
            if (entry != null) {
                out.add(entry);
            }
            if ("userTask".equals(a.getActivityType()) && a.getEndTime() != null && !a.isCanceled()) {
                out.add(new Entry(a.getEndTime(), "TASK_COMPLETED", a.getActivityId(), a.getActivityName(),
                        a.getAssignee(), null, null));
            }
        }
        if (options.handling()) {
            for (HistoricIdentityLinkLog link : assignments(instanceId)) {
                boolean self = link.getUserId() != null && link.getUserId().equals(link.getAssignerId());
                // An assignment names who assigned; a claim is the user's own act.
                out.add(new Entry(link.getTime(), self ? "CLAIM" : "ASSIGN", null, null, link.getUserId(), null,
                        self ? null : link.getAssignerId()));
            }
            for (Comment c : taskService.getProcessInstanceComments(instanceId)) {
                out.add(new Entry(c.getTime(), "COMMENT", null, null, c.getUserId(), null, c.getFullMessage()));
            }
        }
        out.addAll(options.extra());
        Map<String, String> names = userNames.of(out.stream().map(Entry::userId).toList());
        return out.stream()
                .sorted(Comparator.comparing(Entry::time).thenComparing(e -> SAME_INSTANT_ORDER.indexOf(e.type())))
                .map(e -> new Entry(e.time(), e.type(), e.activityId(), e.activityName(), e.userId(),
                        e.userId() == null ? e.userName() : names.getOrDefault(e.userId(), e.userId()), e.message()))
                .toList();
    }

    /** The entry an activity opens with, or null (a user task's completion is added beside it). */
    private Entry entryOf(String instanceId, HistoricActivityInstance a, Options options) {
        String type = a.getActivityType();
        boolean topLevel = instanceId.equals(a.getParentActivityInstanceId());
        if (topLevel && isStart(type)) {
            return entry(a, a.getStartTime(), "START", options.startUserId());
        }
        if (topLevel && type.endsWith("EndEvent")) {
            return entry(a, a.getStartTime(), "END", null);
        }
        if ("userTask".equals(type)) {
            return entry(a, a.getStartTime(), "TASK_CREATED", null);
        }
        if (AutoDispatchNote.ACTIVITY_ID.equals(a.getActivityId()) && "serviceTask".equals(type)) {
            // 系统自动分拨 is a dispatch like the dispatcher's, done by the system (no user to name)
            return a.getEndTime() == null ? null : new Entry(a.getEndTime(), AutoDispatchNote.TYPE,
                    a.getActivityId(), a.getActivityName(), null, AutoDispatchNote.BY, autoDispatchNote.of(instanceId));
        }
        if (!options.steps() || a.getActivityName() == null || type.contains("Gateway") || SCOPES.contains(type)) {
            return null;
        }
        // A catch event (会议日期到, 公示期满) happens when what it waited for comes, not when the wait began.
        if (isCatch(type)) {
            return a.getEndTime() == null ? null : entry(a, a.getEndTime(), "STEP", null);
        }
        return entry(a, a.getStartTime(), "STEP", null);
    }

    /** An intermediate event that waits (timer, message, signal, condition); boundary events start as they fire. */
    private static boolean isCatch(String type) {
        return type.startsWith("intermediate") && !type.contains("Throw");
    }

    private static Entry entry(HistoricActivityInstance a, Date time, String type, String userId) {
        return new Entry(time, type, a.getActivityId(), a.getActivityName(), userId, null, null);
    }

    /** Every kind of start event: none, message, timer, signal, … */
    private static boolean isStart(String type) {
        return "startEvent".equals(type) || "startTimerEvent".equals(type) || type.endsWith("StartEvent");
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
                .map(HistoryTimeline::step)
                .toList();
    }

    /**
     * The steps a page lists for an instance, in the order they started: every named activity except gateways
     * (plumbing to the reader) and the scopes around other steps.
     */
    public List<Step> namedSteps(String instanceId) {
        return activities(instanceId).stream()
                .filter(a -> a.getActivityName() != null && !a.getActivityType().contains("Gateway")
                        && !SCOPES.contains(a.getActivityType()))
                .map(HistoryTimeline::step)
                .toList();
    }

    private static Step step(HistoricActivityInstance a) {
        return new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                a.getStartTime(), a.getEndTime());
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
