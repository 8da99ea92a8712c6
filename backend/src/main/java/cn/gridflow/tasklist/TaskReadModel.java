package cn.gridflow.tasklist;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the inbox's read model ({@code gf_task}, {@code gf_task_candidate}). Called inside the engine's
 * transaction, so a task and its row commit or roll back together.
 */
@Component
public class TaskReadModel {

    static final int TITLE_LENGTH = 200;

    private final JdbcTemplate jdbc;

    public TaskReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row as the engine's task is now; what the listener and the rebuild both write. */
    record Row(String id, String name, String taskDefinitionKey, String processDefinitionKey,
               String processDefinitionId, String processName, String processInstanceId, String businessKey,
               String title, String assignee, Date created, Date due, int priority, String gridId,
               String communityId, List<String> candidateGroups, List<String> candidateUsers, Date yellowAt,
               Date level3At) {
    }

    /** The SLA ladder points apply to a task whose due date is the process's resolution deadline. */
    static Date[] ladderPoints(Date due, Object slaDueAt, Object yellowAt, Object level3At) {
        if (due == null || !(slaDueAt instanceof Date sla) || sla.getTime() != due.getTime()) {
            return new Date[] {null, null};
        }
        return new Date[] {yellowAt instanceof Date y ? y : null, level3At instanceof Date l ? l : null};
    }

    static Row rowOf(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        String processKey = null;
        String processName = null;
        String businessKey = null;
        if (execution != null) {
            ProcessDefinitionEntity definition = execution.getProcessDefinition();
            processKey = definition.getKey();
            processName = definition.getName();
            businessKey = execution.getProcessBusinessKey();
        }
        Candidates candidates = Candidates.of(task.getCandidates());
        Date[] ladder = ladderPoints(task.getDueDate(), task.getVariable("slaDueAt"), task.getVariable("yellowAt"),
                task.getVariable("level3At"));
        return new Row(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
                task.getProcessDefinitionId(), processName, task.getProcessInstanceId(), businessKey,
                titleOf(task.getVariable("title"), task.getVariable("description")), task.getAssignee(),
                task.getCreateTime(), task.getDueDate(), task.getPriority(),
                stringOrNull(task.getVariable("gridId")), stringOrNull(task.getVariable("communityId")),
                candidates.groups(), candidates.users(), ladder[0], ladder[1]);
    }

    /** A task's candidate groups and users, from its identity links (assignee and owner links left out). */
    record Candidates(List<String> groups, List<String> users) {

        static Candidates of(Collection<? extends IdentityLink> links) {
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (IdentityLink link : links) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
            return new Candidates(groups, users);
        }
    }

    static String titleOf(Object title, Object description) {
        Object source = title != null ? title : description;
        if (source == null) {
            return null;
        }
        String text = source.toString().strip().replaceAll("\\s+", " ");
        return text.length() <= TITLE_LENGTH ? text : text.substring(0, TITLE_LENGTH - 1) + "…";
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    void insert(Row row) {
        delete(row.id());
        jdbc.update("""
                insert into gf_task (id, name, task_def_key, proc_def_key, proc_def_id, proc_name, proc_inst_id,
                    business_key, title, assignee, created, due, priority, grid_id, community_id, yellow_at, level3_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.id(), row.name(), row.taskDefinitionKey(), row.processDefinitionKey(), row.processDefinitionId(),
                row.processName(), row.processInstanceId(), row.businessKey(), row.title(), row.assignee(),
                timestamp(row.created()), timestamp(row.due()), row.priority(), row.gridId(), row.communityId(),
                timestamp(row.yellowAt()), timestamp(row.level3At()));
        insertCandidates(row.id(), "G", row.candidateGroups());
        insertCandidates(row.id(), "U", row.candidateUsers());
    }

    /** Refreshes a row after the task changed; a task not in the model yet is left to its create event. */
    void update(Row row) {
        int updated = jdbc.update("""
                update gf_task set name = ?, assignee = ?, due = ?, priority = ?, title = ?, grid_id = ?,
                    community_id = ?, yellow_at = ?, level3_at = ? where id = ?""",
                row.name(), row.assignee(), timestamp(row.due()), row.priority(), row.title(), row.gridId(),
                row.communityId(), timestamp(row.yellowAt()), timestamp(row.level3At()), row.id());
        if (updated > 0) {
            jdbc.update("delete from gf_task_candidate where task_id = ?", row.id());
            insertCandidates(row.id(), "G", row.candidateGroups());
            insertCandidates(row.id(), "U", row.candidateUsers());
        }
    }

    void updateAssignee(String taskId, String assignee) {
        jdbc.update("update gf_task set assignee = ? where id = ?", assignee, taskId);
    }

    void delete(String taskId) {
        jdbc.update("delete from gf_task_candidate where task_id = ?", taskId);
        jdbc.update("delete from gf_task where id = ?", taskId);
    }

    void deleteAll() {
        jdbc.update("delete from gf_task_candidate");
        jdbc.update("delete from gf_task");
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from gf_task", Long.class);
        return count == null ? 0 : count;
    }

    private void insertCandidates(String taskId, String kind, Collection<String> parties) {
        for (String party : parties.stream().distinct().toList()) {
            jdbc.update("insert into gf_task_candidate (task_id, kind, party_id) values (?, ?, ?)", taskId, kind, party);
        }
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
