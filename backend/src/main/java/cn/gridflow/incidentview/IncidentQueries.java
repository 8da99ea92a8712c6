package cn.gridflow.incidentview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gridflow.tasklist.SlaState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grid events as the engine's history records them: one row per instance of {@code grid-event} with its
 * process-level variables pivoted into columns, narrowed to the caller's {@link IncidentScope} in SQL so that
 * paging and counts are right. The engine stays the only source; nothing is copied.
 */
@Component
public class IncidentQueries {

    static final String PROCESS_KEY = "grid-event";

    /** Process variables shown in the list; the column alias is the variable name. */
    private static final Map<String, String> TEXT_VARIABLES = new LinkedHashMap<>();
    private static final List<String> LONG_VARIABLES = List.of("slaDueAt", "yellowAt", "level3At", "slaBreached",
            "escalationLevel");

    static {
        for (String name : List.of("gridId", "communityId", "category", "leadDept", "cityMode", "urgency",
                "description", "closeType", "handlingLevel", "reporterId")) {
            TEXT_VARIABLES.put(name, "v_" + name);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public IncidentQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Criteria(String category, String communityId, String gridId, String leadDept, String status,
                           String text, String sort, String order) {
    }

    public record Summary(String id, String processInstanceId, String category, String gridId, String communityId,
                          String leadDept, String urgency, String description, String status, List<String> stage,
                          Date started, Date ended, Date slaDueAt, SlaState sla, boolean slaBreached,
                          int escalationLevel, String cityMode, String closeType, String handlingLevel,
                          String reporterId, String startUserId) {
    }

    public record Page(List<Summary> items, long total, int page, int size) {
    }

    public Page list(IncidentScope scope, Criteria criteria, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("processKey", PROCESS_KEY);
        String where = where(scope, criteria, params);
        Long total = jdbc.queryForObject("select count(*) " + from() + where, params, Long.class);
        String orderColumn = "due".equals(criteria.sort()) ? "v_slaDueAt.LONG_" : "p.START_TIME_";
        String direction = "asc".equals(criteria.order()) ? "asc" : "desc";
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Summary> rows = jdbc.query(select() + from() + where + " order by " + orderColumn + " " + direction
                + ", p.ID_ limit :limit offset :offset", params, (rs, i) -> row(rs));
        return new Page(withStages(rows), total == null ? 0 : total, page, size);
    }

    /** The event with this business key, if it is a grid event (whoever may see it: the caller checks). */
    public Optional<Summary> byBusinessKey(String businessKey) {
        MapSqlParameterSource params = new MapSqlParameterSource("processKey", PROCESS_KEY)
                .addValue("businessKey", businessKey);
        List<Summary> rows = jdbc.query(select() + from()
                + " where p.PROC_DEF_KEY_ = :processKey and p.BUSINESS_KEY_ = :businessKey order by p.START_TIME_ desc",
                params, (rs, i) -> row(rs));
        return withStages(rows.isEmpty() ? rows : rows.subList(0, 1)).stream().findFirst();
    }

    private static String select() {
        StringBuilder sql = new StringBuilder("select p.ID_ as pid, p.BUSINESS_KEY_ as bk, p.START_TIME_ as started,"
                + " p.END_TIME_ as ended, p.STATE_ as state, p.START_USER_ID_ as start_user,"
                + " (select max(e.ACT_NAME_) from ACT_HI_ACTINST e where e.PROC_INST_ID_ = p.ID_"
                + " and e.ACT_ID_ = p.END_ACT_ID_) as end_name");
        TEXT_VARIABLES.forEach((name, alias) -> sql.append(", ").append(alias).append(".TEXT_ as ").append(alias));
        LONG_VARIABLES.forEach(name -> sql.append(", v_").append(name).append(".LONG_ as v_").append(name));
        return sql.append(' ').toString();
    }

    private static String from() {
        StringBuilder sql = new StringBuilder("from ACT_HI_PROCINST p");
        List<String> names = new ArrayList<>(TEXT_VARIABLES.keySet());
        names.addAll(LONG_VARIABLES);
        for (String name : names) {
            String alias = "v_" + name;
            // Process-level variables only: task-local copies (form fields) carry a TASK_ID_ or another execution.
            sql.append(" left join ACT_HI_VARINST ").append(alias).append(" on ").append(alias)
                    .append(".PROC_INST_ID_ = p.ID_ and ").append(alias).append(".EXECUTION_ID_ = p.ID_ and ")
                    .append(alias).append(".TASK_ID_ is null and ").append(alias).append(".NAME_ = '")
                    .append(name).append("' and ").append(alias).append(".STATE_ = 'CREATED'");
        }
        return sql.append(' ').toString();
    }

    private static String where(IncidentScope scope, Criteria c, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" where p.PROC_DEF_KEY_ = :processKey");
        if (!scope.all()) {
            List<String> visible = new ArrayList<>();
            params.addValue("me", scope.userId());
            visible.add("p.START_USER_ID_ = :me");
            if (!scope.grids().isEmpty()) {
                params.addValue("scopeGrids", scope.grids());
                visible.add("v_gridId.TEXT_ in (:scopeGrids)");
            }
            if (!scope.communities().isEmpty()) {
                params.addValue("scopeCommunities", scope.communities());
                visible.add("v_communityId.TEXT_ in (:scopeCommunities)");
            }
            if (!scope.departments().isEmpty()) {
                params.addValue("scopeDepartments", scope.departments());
                visible.add("v_leadDept.TEXT_ in (:scopeDepartments)");
            }
            sql.append(" and (").append(String.join(" or ", visible)).append(')');
        }
        equal(sql, params, "v_category.TEXT_", "category", c.category());
        equal(sql, params, "v_communityId.TEXT_", "communityId", c.communityId());
        equal(sql, params, "v_gridId.TEXT_", "gridId", c.gridId());
        equal(sql, params, "v_leadDept.TEXT_", "leadDept", c.leadDept());
        if ("ACTIVE".equals(c.status())) {
            sql.append(" and p.END_TIME_ is null");
        } else if ("COMPLETED".equals(c.status())) {
            sql.append(" and p.END_TIME_ is not null");
        }
        if (c.text() != null && !c.text().isBlank()) {
            params.addValue("text", "%" + c.text().strip().toLowerCase() + "%");
            sql.append(" and (lower(p.BUSINESS_KEY_) like :text or lower(v_description.TEXT_) like :text)");
        }
        return sql.toString();
    }

    private static void equal(StringBuilder sql, MapSqlParameterSource params, String column, String name,
                              String value) {
        if (value != null && !value.isBlank()) {
            params.addValue(name, value.strip());
            sql.append(" and ").append(column).append(" = :").append(name);
        }
    }

    private static Summary row(ResultSet rs) throws SQLException {
        Date started = date(rs.getTimestamp("started"));
        Date ended = date(rs.getTimestamp("ended"));
        Date slaDueAt = epoch(rs, "v_slaDueAt");
        Date yellowAt = epoch(rs, "v_yellowAt");
        Date level3At = epoch(rs, "v_level3At");
        long breached = rs.getLong("v_slaBreached");
        SlaState sla = ended != null || slaDueAt == null ? SlaState.NONE
                : SlaState.of(started.toInstant(), slaDueAt.toInstant(), instant(yellowAt), instant(level3At),
                        Instant.now());
        String status = ended == null ? "ACTIVE" : "COMPLETED".equals(rs.getString("state")) ? "COMPLETED"
                : rs.getString("state");
        List<String> stage = ended == null ? List.of() : nameList(rs.getString("end_name"));
        return new Summary(rs.getString("bk"), rs.getString("pid"), rs.getString("v_category"),
                rs.getString("v_gridId"), rs.getString("v_communityId"), rs.getString("v_leadDept"),
                rs.getString("v_urgency"), rs.getString("v_description"), status, stage, started, ended, slaDueAt,
                sla, breached == 1, (int) rs.getLong("v_escalationLevel"), rs.getString("v_cityMode"),
                rs.getString("v_closeType"), rs.getString("v_handlingLevel"), rs.getString("v_reporterId"),
                rs.getString("start_user"));
    }

    /** Where each running event stands: the names of its open waiting activities (tasks, timers, messages). */
    private List<Summary> withStages(List<Summary> rows) {
        List<String> running = rows.stream().filter(r -> r.ended() == null).map(Summary::processInstanceId).toList();
        if (running.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> stages = new LinkedHashMap<>();
        jdbc.query("select PROC_INST_ID_, ACT_NAME_, ACT_ID_ from ACT_HI_ACTINST where PROC_INST_ID_ in (:ids)"
                        + " and END_TIME_ is null and ACT_TYPE_ not in ('subProcess', 'multiInstanceBody')"
                        + " order by START_TIME_, SEQUENCE_COUNTER_",
                new MapSqlParameterSource("ids", running), rs -> {
                    String name = rs.getString(2) != null ? rs.getString(2) : rs.getString(3);
                    List<String> names = stages.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                });
        return rows.stream().map(r -> r.ended() != null ? r : new Summary(r.id(), r.processInstanceId(),
                r.category(), r.gridId(), r.communityId(), r.leadDept(), r.urgency(), r.description(), r.status(),
                stages.getOrDefault(r.processInstanceId(), List.of()), r.started(), r.ended(), r.slaDueAt(), r.sla(),
                r.slaBreached(), r.escalationLevel(), r.cityMode(), r.closeType(), r.handlingLevel(), r.reporterId(),
                r.startUserId())).toList();
    }

    private static List<String> nameList(String name) {
        return name == null ? List.of() : List.of(name);
    }

    private static Date epoch(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : new Date(value);
    }

    private static Date date(Timestamp ts) {
        return ts == null ? null : new Date(ts.getTime());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
