package cn.gridflow.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox query over the read model: what a user may see is what the engine's default task permissions
 * grant (assignee, candidate user, or member of a candidate group); administrators see every task.
 */
@Component
public class TaskInbox {

    public static final int MAX_PAGE_SIZE = 200;

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "created", "t.created",
            "due", "case when t.due is null then 1 else 0 end, t.due",
            "priority", "t.priority");

    private final NamedParameterJdbcTemplate jdbc;

    public TaskInbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                      String processDefinitionId, String processName, String processInstanceId, String businessKey,
                      String title, String assignee, Date created, Date due, int priority, String gridId,
                      String communityId, List<String> candidateGroups, Date yellowAt, Date level3At) {

        public SlaState sla(Instant now) {
            return SlaState.of(created.toInstant(), instant(due), instant(yellowAt), instant(level3At), now);
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    public record Page(List<Row> items, long total, int page, int size) {
    }

    public Page page(CurrentUser user, TaskCriteria criteria, String sort, String order, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        String sortColumns = SORT_COLUMNS.get(sort == null ? "created" : sort);
        if (sortColumns == null) {
            throw ApiException.badRequest("SORT_INVALID", sort);
        }
        String direction = "asc".equalsIgnoreCase(order) ? "asc" : "desc";
        MapSqlParameterSource params = new MapSqlParameterSource();
        Query query = query(user, criteria, params);
        long total = count(query, params);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        String orderBy = String.join(", ", java.util.Arrays.stream(sortColumns.split(", "))
                .map(column -> column + " " + direction).toList()) + ", t.id";
        List<Row> rows = jdbc.query("""
                select t.id, t.name, t.task_def_key, t.proc_def_key, t.proc_def_id, t.proc_name, t.proc_inst_id,
                       t.business_key, t.title, t.assignee, t.created, t.due, t.priority, t.grid_id, t.community_id,
                       t.yellow_at, t.level3_at
                from\s""" + query.from() + " where " + query.where() + " order by " + orderBy
                        + " limit :limit offset :offset",
                params, TaskInbox::row);
        return new Page(withCandidateGroups(rows), total, page, size);
    }

    public java.util.Optional<Row> byId(String taskId) {
        List<Row> rows = jdbc.query("""
                select t.id, t.name, t.task_def_key, t.proc_def_key, t.proc_def_id, t.proc_name, t.proc_inst_id,
                       t.business_key, t.title, t.assignee, t.created, t.due, t.priority, t.grid_id, t.community_id,
                       t.yellow_at, t.level3_at
                from gf_task t where t.id = :id""", new MapSqlParameterSource("id", taskId), TaskInbox::row);
        return withCandidateGroups(rows).stream().findFirst();
    }

    public long count(CurrentUser user, TaskCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count(query(user, criteria, params), params);
    }

    /**
     * Whether the user may see this open task at all: the list's rule (everything for an administrator; otherwise
     * the assignee, a candidate user or a member of a candidate group) asked of the one task by its keys. Answering it
     * through the list's query collected the user's whole inbox first, on every claim and completion.
     */
    public boolean isVisible(CurrentUser user, String taskId) {
        MapSqlParameterSource params = new MapSqlParameterSource("taskId", taskId).addValue("me", user.id());
        String rule = "1 = 1";
        if (!user.isAdmin()) {
            String candidate = "c.kind = 'U' and c.party_id = :me";
            if (!user.groups().isEmpty()) {
                params.addValue("groups", user.groups());
                candidate = "(" + candidate + " or c.kind = 'G' and c.party_id in (:groups))";
            }
            rule = "(t.assignee = :me or exists (select 1 from gf_task_candidate c where c.task_id = t.id and "
                    + candidate + "))";
        }
        Long count = jdbc.queryForObject("select count(*) from gf_task t where t.id = :taskId and " + rule, params,
                Long.class);
        return count != null && count > 0;
    }

    private long count(Query query, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject("select count(*) from " + query.from() + " where " + query.where(), params,
                Long.class);
        return count == null ? 0 : count;
    }

    /** The rows a query reads ({@code t} is gf_task) and the conditions on them. */
    private record Query(String from, String where) {
    }

    /**
     * The visible tasks are collected first from the indexes that hold them (the user's candidate links, their
     * assigned tasks) and only those rows of gf_task are read: an OR of EXISTS over the whole table made every
     * count scan all open tasks (benchmark: 100,000 tasks, p95 far above the 50 ms target on MariaDB).
     */
    private static Query query(CurrentUser user, TaskCriteria criteria, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        params.addValue("me", user.id());
        String candidateIds = "select c.task_id from gf_task_candidate c where c.kind = 'U' and c.party_id = :me";
        if (!user.groups().isEmpty()) {
            params.addValue("groups", user.groups());
            candidateIds += " union select g.task_id from gf_task_candidate g where g.kind = 'G'"
                    + " and g.party_id in (:groups)";
        }
        String from = "gf_task t";
        switch (criteria.scope()) {
            case mine -> clauses.add("t.assignee = :me");
            case group -> {
                clauses.add("t.assignee is null");
                if (!user.isAdmin()) {
                    from = "(" + candidateIds + ") v join gf_task t on t.id = v.task_id";
                }
            }
            case all -> {
                if (!user.isAdmin()) {
                    from = "(" + candidateIds + " union select a.id from gf_task a where a.assignee = :me) v"
                            + " join gf_task t on t.id = v.task_id";
                }
            }
        }
        clauses.addAll(fieldClauses(criteria, params, ""));
        return new Query(from, clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses));
    }

    /** The criteria's field filters; {@code n} suffixes the parameter names so several criteria share a query. */
    private static List<String> fieldClauses(TaskCriteria criteria, MapSqlParameterSource params, String n) {
        List<String> clauses = new ArrayList<>();
        if (criteria.processKey() != null) {
            clauses.add("t.proc_def_key = :processKey" + n);
            params.addValue("processKey" + n, criteria.processKey());
        }
        if (criteria.gridId() != null) {
            clauses.add("t.grid_id = :gridId" + n);
            params.addValue("gridId" + n, criteria.gridId());
        }
        if (criteria.communityId() != null) {
            clauses.add("t.community_id = :communityId" + n);
            params.addValue("communityId" + n, criteria.communityId());
        }
        if (criteria.dueBefore() != null) {
            clauses.add("t.due < :dueBefore" + n);
            params.addValue("dueBefore" + n, Timestamp.from(criteria.dueBefore().toInstant()));
        }
        if (criteria.dueAfter() != null) {
            clauses.add("t.due >= :dueAfter" + n);
            params.addValue("dueAfter" + n, Timestamp.from(criteria.dueAfter().toInstant()));
        }
        if (criteria.text() != null) {
            String text = ":text" + n;
            clauses.add("(lower(t.title) like " + text + " escape '!' or lower(t.name) like " + text + " escape '!'"
                    + " or lower(t.business_key) like " + text + " escape '!')");
            params.addValue("text" + n, "%" + likeEscape(criteria.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return clauses;
    }

    /**
     * The counts of several filters in one statement: the user's visible tasks are collected once and each filter is
     * a sum over them (an inbox shows a count on every filter; one statement each collected them again each time).
     */
    public List<Long> counts(CurrentUser user, List<TaskCriteria> criteria) {
        if (criteria.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = query(user, new TaskCriteria(TaskCriteria.Scope.all, null, null, null, null, null, null), params)
                .from();
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            TaskCriteria c = criteria.get(i);
            List<String> clauses = new ArrayList<>();
            // the visible set already holds exactly the tasks assigned to the user or offered to them
            switch (c.scope()) {
                case mine -> clauses.add("t.assignee = :me");
                case group -> clauses.add("t.assignee is null");
                case all -> { }
            }
            clauses.addAll(fieldClauses(c, params, "_" + i));
            sums.add("sum(case when " + (clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses))
                    + " then 1 else 0 end)");
        }
        return jdbc.query("select " + String.join(", ", sums) + " from " + from, params, rs -> {
            List<Long> counts = new ArrayList<>();
            rs.next();
            for (int i = 1; i <= criteria.size(); i++) {
                counts.add(rs.getLong(i));
            }
            return counts;
        });
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<Row> withCandidateGroups(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> groupsByTask = new HashMap<>();
        jdbc.query("select task_id, party_id from gf_task_candidate where kind = 'G' and task_id in (:ids)"
                        + " order by party_id",
                new MapSqlParameterSource("ids", rows.stream().map(Row::id).toList()),
                rs -> {
                    groupsByTask.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, Row> ordered = new LinkedHashMap<>();
        for (Row r : rows) {
            ordered.put(r.id(), new Row(r.id(), r.name(), r.taskDefinitionKey(), r.processDefinitionKey(),
                    r.processDefinitionId(), r.processName(), r.processInstanceId(), r.businessKey(), r.title(),
                    r.assignee(), r.created(), r.due(), r.priority(), r.gridId(), r.communityId(),
                    List.copyOf(groupsByTask.getOrDefault(r.id(), List.of())), r.yellowAt(), r.level3At()));
        }
        return List.copyOf(ordered.values());
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("task_def_key"),
                rs.getString("proc_def_key"), rs.getString("proc_def_id"), rs.getString("proc_name"),
                rs.getString("proc_inst_id"), rs.getString("business_key"), rs.getString("title"),
                rs.getString("assignee"), date(rs.getTimestamp("created")), date(rs.getTimestamp("due")),
                rs.getInt("priority"), rs.getString("grid_id"), rs.getString("community_id"), List.of(),
                date(rs.getTimestamp("yellow_at")), date(rs.getTimestamp("level3_at")));
    }

    private static Date date(Timestamp ts) {
        return ts == null ? null : new Date(ts.getTime());
    }
}
