package cn.gridflow.incidentview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.incident.AutoDispatchNote;
import cn.gridflow.security.UserNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who did what when on one event: start, each task opened and completed (by whom), claims and assignments,
 * comments, photos added, the end. Read as the system; the caller has already checked the event is visible.
 */
@Component
public class IncidentTimeline {

    /** Entries stamped with the same millisecond happen in this order (a completion creates the next task). */
    private static final List<String> SAME_INSTANT_ORDER = List.of("START", "PHOTO", "TASK_COMPLETED",
            "AUTO_DISPATCH", "END", "TASK_CREATED", "CLAIM", "ASSIGN", "COMMENT");

    private final HistoryService historyService;
    private final TaskService taskService;
    private final UserNames userNames;
    private final AutoDispatchNote autoDispatchNote;

    public IncidentTimeline(HistoryService historyService, TaskService taskService, UserNames userNames,
                            AutoDispatchNote autoDispatchNote) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.userNames = userNames;
        this.autoDispatchNote = autoDispatchNote;
    }

    public record Entry(Date time, String type, String activityName, String userId, String userName,
                        String message) {
    }

    /** Call inside {@code EngineSystemCalls#call}; photos are (uploader, time, file name) of the event's files. */
    List<Entry> of(String instanceId, String startUserId, List<IncidentRecords.AttachmentView> photos) {
        List<Entry> out = new ArrayList<>();
        for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).list()) {
            // Start and end events of embedded subprocesses are steps inside the event, not its report or its end.
            boolean topLevel = instanceId.equals(a.getParentActivityInstanceId());
            switch (a.getActivityType()) {
                case "startEvent", "messageStartEvent" -> {
                    if (topLevel) {
                        out.add(new Entry(a.getStartTime(), "START", a.getActivityName(), startUserId, null, null));
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
        List<HistoricIdentityLinkLog> assignments = new ArrayList<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()
                .forEach(t -> assignments.addAll(historyService.createHistoricIdentityLinkLogQuery()
                        .taskId(t.getId()).type(IdentityLinkType.ASSIGNEE).operationType("add").list()));
        for (HistoricIdentityLinkLog link : assignments) {
            boolean self = link.getUserId() != null && link.getUserId().equals(link.getAssignerId());
            // An assignment names who assigned; a claim is the user's own act.
            out.add(new Entry(link.getTime(), self ? "CLAIM" : "ASSIGN", null, link.getUserId(), null,
                    self ? null : link.getAssignerId()));
        }
        for (Comment c : taskService.getProcessInstanceComments(instanceId)) {
            out.add(new Entry(c.getTime(), "COMMENT", null, c.getUserId(), null, c.getFullMessage()));
        }
        for (IncidentRecords.AttachmentView photo : photos) {
            out.add(new Entry(photo.created(), "PHOTO", null, photo.uploadedBy(), null, photo.fileName()));
        }
        Map<String, String> names = userNames.of(out.stream().map(Entry::userId).toList());
        return out.stream()
                .sorted(Comparator.comparing(Entry::time).thenComparing(e -> SAME_INSTANT_ORDER.indexOf(e.type())))
                .map(e -> new Entry(e.time(), e.type(), e.activityName(), e.userId(),
                        e.userId() == null ? e.userName() : names.getOrDefault(e.userId(), e.userId()), e.message()))
                .toList();
    }
}
