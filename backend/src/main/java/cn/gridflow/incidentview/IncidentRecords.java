package cn.gridflow.incidentview;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.incident.Attachments;
import cn.gridflow.incident.CommunityModes;
import cn.gridflow.incident.PhotoChecks;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.security.UserNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One grid event as its record page shows it: where it stands on the diagram, its timeline, photos, the
 * notifications sent for it and what the caller can do now. Visibility is {@link IncidentScope}; the engine is
 * read as the system once the app has decided the caller may see the event.
 */
@Service
public class IncidentRecords {

    private final IncidentQueries queries;
    private final HistoryTimeline timeline;
    private final InstanceDiagram diagram;
    private final CommunityModes modes;
    private final JdbcTemplate jdbc;
    private final Attachments attachments;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final UserNames userNames;
    private final EngineSystemCalls system;
    private final ObjectMapper json;

    public IncidentRecords(IncidentQueries queries, HistoryTimeline timeline, InstanceDiagram diagram,
                           CommunityModes modes, JdbcTemplate jdbc, Attachments attachments, RuntimeService runtimeService,
                           HistoryService historyService, TaskService taskService, UserNames userNames,
                           EngineSystemCalls system, ObjectMapper json) {
        this.queries = queries;
        this.timeline = timeline;
        this.diagram = diagram;
        this.modes = modes;
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.userNames = userNames;
        this.system = system;
        this.json = json;
    }

    public record AttachmentView(String id, String fileName, String contentType, long size, String uploadedBy,
                                 String uploadedByName, Date created) {
    }

    public record NotificationView(String id, String kind, String recipientKind, String recipient, String subject,
                                   String body, Date created, Date sentAt) {
    }

    public record TaskView(String id, String name, String taskDefinitionKey, String assignee, String assigneeName,
                           List<String> candidateGroups, Date created, Date due, boolean canAct) {
    }

    public record Detail(IncidentQueries.Summary summary, String communityMode, Map<String, Object> variables,
                         InstanceDiagram.Diagram diagram, List<HistoryTimeline.Entry> timeline,
                         List<AttachmentView> attachments, List<NotificationView> notifications, List<TaskView> tasks,
                         boolean canAddPhotos) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** The event if the caller may see it; 404 alike for "no such event" and "not yours" (no probing). */
    public IncidentQueries.Summary visible(CurrentUser user, String businessKey) {
        IncidentQueries.Summary event = queries.byBusinessKey(businessKey)
                .orElseThrow(() -> ApiException.notFound("INCIDENTVIEW_NOT_FOUND", businessKey));
        if (!IncidentScope.of(user).covers(event.startUserId(), event.gridId(), event.communityId(), event.leadDept())) {
            throw ApiException.notFound("INCIDENTVIEW_NOT_FOUND", businessKey);
        }
        return event;
    }

    public Detail detail(CurrentUser user, String businessKey) {
        IncidentQueries.Summary event = visible(user, businessKey);
        String instanceId = event.processInstanceId();
        List<AttachmentView> files = attachmentsOf(event.id());
        List<TaskView> tasks = openTasks(user, instanceId);
        return system.call(() -> new Detail(event,
                event.communityId() == null ? null : modes.of(event.communityId()),
                variables(instanceId), diagram.of(instanceId),
                timeline.entries(instanceId,
                        HistoryTimeline.Options.startedBy(event.startUserId()).withExtra(photoEntries(files))),
                files, notificationsOf(event), tasks,
                event.ended() == null && mayAddPhotos(user, event, tasks)));
    }

    public Content content(CurrentUser user, String businessKey, String attachmentId) {
        IncidentQueries.Summary event = visible(user, businessKey);
        List<Content> found = jdbc.query("select file_name, content_type, content from gf_attachment"
                        + " where id = ? and business_key = ?",
                (rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), attachmentId, event.id());
        if (found.isEmpty()) {
            throw ApiException.notFound("INCIDENTVIEW_ATTACHMENT_NOT_FOUND", attachmentId);
        }
        return found.get(0);
    }

    /**
     * Photos added in the app (the patrol report's photos, a handler's or verifier's pictures): checked like the
     * intake's, stored and appended to the event's {@code attachmentIds} in one transaction. The reporter and the
     * holders of the event's open tasks may add them; the app has checked that, so the variable is written as the
     * system (users have no update right on instances).
     */
    @Transactional
    public List<String> addPhotos(CurrentUser user, String businessKey, List<Attachments.Photo> photos) {
        IncidentQueries.Summary event = visible(user, businessKey);
        if (event.ended() != null) {
            throw ApiException.conflict("INCIDENTVIEW_CLOSED", businessKey);
        }
        if (!mayAddPhotos(user, event, openTasks(user, event.processInstanceId()))) {
            throw ApiException.forbidden("INCIDENTVIEW_PHOTO_NOT_ALLOWED");
        }
        List<Attachments.CheckedPhoto> checked = PhotoChecks.check(photos, "INCIDENTVIEW_PHOTOS_INVALID");
        List<String> ids = attachments.store(event.id(), user.id(), checked);
        try {
            system.call(() -> {
                Object current = runtimeService.getVariable(event.processInstanceId(), "attachmentIds");
                ArrayNode all = json.createArrayNode();
                if (current != null) {
                    JsonNode earlier = readJson(current.toString(), businessKey);
                    if (earlier.isArray()) {
                        earlier.forEach(all::add);
                    }
                }
                ids.forEach(all::add);
                runtimeService.setVariable(event.processInstanceId(), "attachmentIds",
                        SpinValues.jsonValue(all.toString()).create());
                return null;
            });
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("INCIDENTVIEW_CONCURRENT_CHANGE", businessKey);
        }
        return ids;
    }

    private JsonNode readJson(String text, String businessKey) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("attachmentIds of " + businessKey + " is not JSON", e);
        }
    }

    private boolean mayAddPhotos(CurrentUser user, IncidentQueries.Summary event, List<TaskView> tasks) {
        return user.id().equals(event.startUserId()) || user.id().equals(event.reporterId())
                || tasks.stream().anyMatch(TaskView::canAct);
    }

    private List<AttachmentView> attachmentsOf(String businessKey) {
        List<AttachmentView> rows = jdbc.query("select id, file_name, content_type, size_bytes, uploaded_by, created"
                        + " from gf_attachment where business_key = ? order by created, id",
                (rs, i) -> new AttachmentView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), null, date(rs.getTimestamp(6))), businessKey);
        Map<String, String> names = userNames.of(rows.stream().map(AttachmentView::uploadedBy).toList());
        return rows.stream().map(a -> new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(),
                a.uploadedBy(), a.uploadedBy() == null ? null : names.getOrDefault(a.uploadedBy(), a.uploadedBy()),
                a.created())).toList();
    }

    /** The event's photos as timeline entries: who added which file when. */
    private static List<HistoryTimeline.Entry> photoEntries(List<AttachmentView> files) {
        return files.stream()
                .map(f -> new HistoryTimeline.Entry(f.created(), "PHOTO", null, null, f.uploadedBy(), null,
                        f.fileName()))
                .toList();
    }

    private List<NotificationView> notificationsOf(IncidentQueries.Summary event) {
        return jdbc.query("select id, kind, recipient_kind, recipient, subject, body, created, sent_at"
                        + " from gf_notification where proc_inst_id = ? or business_key = ? order by created, id",
                (rs, i) -> new NotificationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), date(rs.getTimestamp(7)), date(rs.getTimestamp(8))),
                event.processInstanceId(), event.id());
    }

    /** Open tasks of the event; canAct when the caller holds the task or may claim it through a group. */
    private List<TaskView> openTasks(CurrentUser user, String instanceId) {
        Set<String> groups = new HashSet<>(user.groups());
        List<TaskView> out = new ArrayList<>();
        system.call(() -> {
            for (Task task : taskService.createTaskQuery().processInstanceId(instanceId).orderByTaskCreateTime()
                    .asc().list()) {
                List<String> candidateGroups = new ArrayList<>();
                boolean candidateUser = false;
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        if (link.getGroupId() != null) {
                            candidateGroups.add(link.getGroupId());
                        } else if (user.id().equals(link.getUserId())) {
                            candidateUser = true;
                        }
                    }
                }
                boolean canAct = task.getAssignee() != null ? task.getAssignee().equals(user.id())
                        : candidateUser || candidateGroups.stream().anyMatch(groups::contains);
                out.add(new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getAssignee(),
                        null, candidateGroups, task.getCreateTime(), task.getDueDate(), canAct));
            }
            return null;
        });
        Map<String, String> names = userNames.of(out.stream().map(TaskView::assignee).toList());
        return out.stream().map(t -> new TaskView(t.id(), t.name(), t.taskDefinitionKey(), t.assignee(),
                t.assignee() == null ? null : names.getOrDefault(t.assignee(), t.assignee()), t.candidateGroups(),
                t.created(), t.due(), t.canAct())).toList();
    }

    /** The event's own (process-level) values of plain types, for the record's facts panel. */
    private Map<String, Object> variables(String instanceId) {
        Map<String, Object> out = new TreeMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            if (!instanceId.equals(v.getExecutionId()) || v.getTaskId() != null) {
                continue;
            }
            Object value = v.getValue();
            if (value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Date) {
                out.put(v.getName(), value);
            }
        }
        return new LinkedHashMap<>(out);
    }

    private static Date date(Timestamp ts) {
        return ts == null ? null : new Date(ts.getTime());
    }
}
