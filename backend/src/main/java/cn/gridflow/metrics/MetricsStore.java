package cn.gridflow.metrics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes the read model's three tables; called inside the engine's transaction or the rebuild's. */
@Component
public class MetricsStore {

    private final JdbcTemplate jdbc;

    public MetricsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- gf_metric_instance

    record Instance(String procInstId, String procDefKey, String procDefId, String businessKey, String communityId,
                    java.util.Date started, java.util.Date ended, String endActId, String state) {
    }

    void upsertInstance(Instance i) {
        int updated = jdbc.update("""
                update gf_metric_instance set proc_def_key = ?, proc_def_id = ?,
                       business_key = coalesce(?, business_key), started = coalesce(?, started),
                       ended = coalesce(?, ended), end_act_id = coalesce(?, end_act_id), state = coalesce(?, state)
                where proc_inst_id = ?""",
                i.procDefKey(), i.procDefId(), i.businessKey(), ts(i.started()), ts(i.ended()), i.endActId(),
                i.state(), i.procInstId());
        if (updated == 0) {
            // an end event does not carry the start time
            insertInstance(new Instance(i.procInstId(), i.procDefKey(), i.procDefId(), i.businessKey(),
                    i.communityId(), i.started() == null ? i.ended() : i.started(), i.ended(), i.endActId(),
                    i.state() == null ? "ACTIVE" : i.state()));
        }
    }

    void insertInstance(Instance i) {
        jdbc.update("""
                insert into gf_metric_instance (proc_inst_id, proc_def_key, proc_def_id, business_key, community_id,
                       started, ended, end_act_id, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                i.procInstId(), i.procDefKey(), i.procDefId(), i.businessKey(), i.communityId(), ts(i.started()),
                ts(i.ended()), i.endActId(), i.state());
    }

    /** The instance's community, for scoping; the variable may be set before the start event is seen. */
    void instanceCommunity(String procInstId, String procDefKey, String procDefId, java.util.Date now,
                           String communityId) {
        int updated = jdbc.update("update gf_metric_instance set community_id = ? where proc_inst_id = ?",
                communityId, procInstId);
        if (updated == 0) {
            insertInstance(new Instance(procInstId, procDefKey, procDefId, null, communityId, now, null, null,
                    "ACTIVE"));
        }
    }

    // ---- gf_metric_activity

    record Activity(String actInstId, String procInstId, String procDefKey, String procDefId, String actId,
                    String actName, String actType, java.util.Date started, java.util.Date ended, Long durationMs) {
    }

    void insertActivity(Activity a) {
        jdbc.update("""
                insert into gf_metric_activity (act_inst_id, proc_inst_id, proc_def_key, proc_def_id, act_id,
                       act_name, act_type, started, ended, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.actInstId(), a.procInstId(), a.procDefKey(), a.procDefId(), a.actId(), a.actName(), a.actType(),
                ts(a.started()), ts(a.ended()), a.durationMs());
    }

    void endActivity(Activity a) {
        if (a.durationMs() == null && a.ended() != null) {
            // user tasks and scopes end without the duration on the event: the history table computes it the same way
            java.util.Date started = a.started() != null ? a.started() : jdbc.query(
                    "select started from gf_metric_activity where act_inst_id = ?",
                    rs -> rs.next() ? rs.getTimestamp(1) : null, a.actInstId());
            a = new Activity(a.actInstId(), a.procInstId(), a.procDefKey(), a.procDefId(), a.actId(), a.actName(),
                    a.actType(), a.started(), a.ended(),
                    started == null ? null : a.ended().getTime() - started.getTime());
        }
        int updated = jdbc.update("update gf_metric_activity set ended = ?, duration_ms = ? where act_inst_id = ?",
                ts(a.ended()), a.durationMs(), a.actInstId());
        if (updated == 0) {
            insertActivity(new Activity(a.actInstId(), a.procInstId(), a.procDefKey(), a.procDefId(), a.actId(),
                    a.actName(), a.actType(), a.started() == null ? a.ended() : a.started(), a.ended(),
                    a.durationMs()));
        }
    }

    boolean activityExists(String actInstId) {
        Integer n = jdbc.queryForObject("select count(*) from gf_metric_activity where act_inst_id = ?",
                Integer.class, actInstId);
        return n != null && n > 0;
    }

    // ---- gf_metric_event

    private static final String EVENT_COLUMNS = """
            proc_inst_id, business_key, community_id, grid_id, lead_dept, category, source, city_mode, urgency,
            handling_level, admitted, reported_at, reported_day, sign_required, sign_due_at, signed_at, sign_overdue,
            signed_in_time, sla_due_at, handling_active, resolved_at, sla_breached, closed_at, closed_in_time,
            close_type, satisfaction, reopen_count, escalation_level, handling_ms, handling_min, sign_pending_due""";

    /** The event's row, locked until the engine's transaction ends, so two commands on one event do not lose updates. */
    EventFacts lockEvent(String procInstId) {
        List<EventFacts> rows = jdbc.query("select " + EVENT_COLUMNS
                + " from gf_metric_event where proc_inst_id = ? for update", MetricsStore::facts, procInstId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A new event row and its contribution to the daily aggregate, in the caller's transaction. */
    void insertEvent(EventFacts f) {
        insertEventRow(f);
        writeDaily(f);
    }

    /** The row alone (the rebuild recomputes the aggregate at the end, see {@link #rebuildDaily}). */
    void insertEventRow(EventFacts f) {
        jdbc.update("insert into gf_metric_event (" + EVENT_COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.procInstId, f.businessKey, f.communityId, f.gridId, f.leadDept, f.category, f.source, f.cityMode,
                f.urgency, f.handlingLevel, f.admitted, ts(f.reportedAt), Date.valueOf(f.reportedDay()),
                f.signRequired, ts(f.signDueAt), ts(f.signedAt), f.signOverdue, f.signedInTime(), ts(f.slaDueAt),
                f.handlingActive, ts(f.resolvedAt), f.slaBreached, ts(f.closedAt), f.closedInTime(), f.closeType,
                f.satisfaction, f.reopenCount, f.escalationLevel, f.handlingMs(), f.handlingMinutes(),
                ts(f.signPendingDue()));
    }

    /**
     * Many rows in JDBC batches (the benchmark's million events), without the daily aggregate: call
     * {@link #rebuildDaily} afterwards.
     */
    void insertEvents(List<EventFacts> rows) {
        jdbc.batchUpdate("insert into gf_metric_event (" + EVENT_COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(f -> new Object[] {f.procInstId, f.businessKey, f.communityId, f.gridId,
                        f.leadDept, f.category, f.source, f.cityMode, f.urgency, f.handlingLevel, f.admitted,
                        ts(f.reportedAt), Date.valueOf(f.reportedDay()), f.signRequired, ts(f.signDueAt),
                        ts(f.signedAt), f.signOverdue, f.signedInTime(), ts(f.slaDueAt), f.handlingActive,
                        ts(f.resolvedAt), f.slaBreached, ts(f.closedAt), f.closedInTime(), f.closeType,
                        f.satisfaction, f.reopenCount, f.escalationLevel, f.handlingMs(), f.handlingMinutes(),
                        ts(f.signPendingDue())}).toList());
    }

    void updateEvent(EventFacts f) {
        jdbc.update("""
                update gf_metric_event set business_key = ?, community_id = ?, grid_id = ?, lead_dept = ?,
                       category = ?, source = ?, city_mode = ?, urgency = ?, handling_level = ?, admitted = ?,
                       reported_at = ?, reported_day = ?, sign_required = ?, sign_due_at = ?, signed_at = ?,
                       sign_overdue = ?, signed_in_time = ?, sla_due_at = ?, handling_active = ?, resolved_at = ?,
                       sla_breached = ?, closed_at = ?, closed_in_time = ?, close_type = ?, satisfaction = ?,
                       reopen_count = ?, escalation_level = ?, handling_ms = ?, handling_min = ?,
                       sign_pending_due = ?
                where proc_inst_id = ?""",
                f.businessKey, f.communityId, f.gridId, f.leadDept, f.category, f.source, f.cityMode, f.urgency,
                f.handlingLevel, f.admitted, ts(f.reportedAt), Date.valueOf(f.reportedDay()), f.signRequired,
                ts(f.signDueAt), ts(f.signedAt), f.signOverdue, f.signedInTime(), ts(f.slaDueAt), f.handlingActive,
                ts(f.resolvedAt), f.slaBreached, ts(f.closedAt), f.closedInTime(), f.closeType, f.satisfaction,
                f.reopenCount, f.escalationLevel, f.handlingMs(), f.handlingMinutes(), ts(f.signPendingDue()),
                f.procInstId);
        writeDaily(f);
    }

    /** An event row and its contribution gone (fixtures; the engine never deletes an event's history here). */
    void deleteEvent(String procInstId) {
        EventFacts f = lockEvent(procInstId);
        if (f != null) {
            f.admitted = false;
            writeDaily(f);
            jdbc.update("delete from gf_metric_event where proc_inst_id = ?", procInstId);
        }
    }

    // ---- gf_metric_daily

    private static final String DAILY_KEY = "grain = ? and stat_day = ? and community_id = ? and grid_id = ?"
            + " and lead_dept = ? and category = ? and source = ? and city_mode = ?";
    private static final String DAILY_ADD = DailyCell.COLUMNS.stream().map(c -> c + " = " + c + " + ?")
            .collect(java.util.stream.Collectors.joining(", "));
    private static final String DAILY_INSERT = "insert into gf_metric_daily (grain, stat_day, community_id, grid_id,"
            + " lead_dept, category, source, city_mode, " + String.join(", ", DailyCell.COLUMNS) + ") values (?, ?, ?,"
            + " ?, ?, ?, ?, ?" + ", ?".repeat(DailyCell.COLUMNS.size()) + ")";
    private static final String DAILY_UPSERT_MYSQL = DAILY_INSERT + " on duplicate key update "
            + DailyCell.COLUMNS.stream().map(c -> c + " = " + c + " + values(" + c + ")")
            .collect(java.util.stream.Collectors.joining(", "));

    /**
     * Moves the event's contribution from what was last written to what its facts say now. The cells are written
     * in key order, so two transactions touching the same cells lock them in the same order.
     */
    private void writeDaily(EventFacts f) {
        DailyCell before = f.written;
        DailyCell after = DailyCell.of(f);
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        java.util.TreeMap<String, Object[]> keys = new java.util.TreeMap<>();
        java.util.Map<String, long[]> deltas = new java.util.HashMap<>();
        for (DailyCell.Grain grain : DailyCell.Grain.values()) {
            if (before != null) {
                add(grain, before.key(grain), before.counters(), -1, keys, deltas);
            }
            if (after != null) {
                add(grain, after.key(grain), after.counters(), 1, keys, deltas);
            }
        }
        keys.forEach((id, key) -> addDaily(key, deltas.get(id)));
        f.written = after;
    }

    private static void add(DailyCell.Grain grain, Object[] key, long[] counters, int sign,
                            java.util.Map<String, Object[]> keys, java.util.Map<String, long[]> deltas) {
        Object[] full = new Object[key.length + 1];
        full[0] = grain.name();
        System.arraycopy(key, 0, full, 1, key.length);
        String id = java.util.Arrays.toString(full);
        keys.put(id, full);
        long[] delta = deltas.computeIfAbsent(id, k -> new long[counters.length]);
        for (int i = 0; i < counters.length; i++) {
            delta[i] += sign * counters[i];
        }
    }

    private void addDaily(Object[] keyArgs, long[] delta) {
        if (java.util.Arrays.stream(delta).allMatch(v -> v == 0)) {
            return;
        }
        Object[] insertArgs = new Object[keyArgs.length + delta.length];
        System.arraycopy(keyArgs, 0, insertArgs, 0, keyArgs.length);
        for (int i = 0; i < delta.length; i++) {
            insertArgs[keyArgs.length + i] = delta[i];
        }
        if (mysql()) {
            // one statement that locks the cell once: an update that misses and then inserts would take a gap
            // lock under REPEATABLE READ, and two new cells in one gap would deadlock
            jdbc.update(DAILY_UPSERT_MYSQL, insertArgs);
        } else {
            Object[] updateArgs = new Object[delta.length + keyArgs.length];
            for (int i = 0; i < delta.length; i++) {
                updateArgs[i] = delta[i];
            }
            System.arraycopy(keyArgs, 0, updateArgs, delta.length, keyArgs.length);
            String update = "update gf_metric_daily set " + DAILY_ADD + " where " + DAILY_KEY;
            if (jdbc.update(update, updateArgs) == 0) {
                try {
                    jdbc.update(DAILY_INSERT, insertArgs);
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    // another transaction created the cell since our update: add to it
                    jdbc.update(update, updateArgs);
                }
            }
        }
        if (delta[0] < 0) {
            // a cell whose last event left holds nothing: drop it, as a rebuild would not create it
            jdbc.update("delete from gf_metric_daily where " + DAILY_KEY + " and total = 0", keyArgs);
        }
    }

    private volatile Boolean mysql;

    private boolean mysql() {
        if (mysql == null) {
            String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
                    c.getMetaData().getDatabaseProductName());
            mysql = product != null && (product.toLowerCase().contains("mysql")
                    || product.toLowerCase().contains("mariadb"));
        }
        return mysql;
    }

    /** Recomputes the whole aggregate from gf_metric_event (the rebuild; bulk loads). */
    void rebuildDaily() {
        jdbc.update("delete from gf_metric_daily");
        for (DailyCell.Grain grain : DailyCell.Grain.values()) {
            jdbc.update(DailyCell.rebuildSql(grain));
        }
    }

    void deleteAll() {
        jdbc.update("delete from gf_metric_daily");
        jdbc.update("delete from gf_metric_event");
        jdbc.update("delete from gf_metric_activity");
        jdbc.update("delete from gf_metric_instance");
    }

    private static EventFacts facts(ResultSet rs, int row) throws SQLException {
        EventFacts f = new EventFacts(rs.getString("proc_inst_id"), rs.getTimestamp("reported_at"));
        f.businessKey = rs.getString("business_key");
        f.communityId = rs.getString("community_id");
        f.gridId = rs.getString("grid_id");
        f.leadDept = rs.getString("lead_dept");
        f.category = rs.getString("category");
        f.source = rs.getString("source");
        f.cityMode = rs.getString("city_mode");
        f.urgency = rs.getString("urgency");
        f.handlingLevel = rs.getString("handling_level");
        f.admitted = rs.getBoolean("admitted");
        f.signRequired = rs.getBoolean("sign_required");
        f.signDueAt = rs.getTimestamp("sign_due_at");
        f.signedAt = rs.getTimestamp("signed_at");
        f.signOverdue = rs.getBoolean("sign_overdue");
        f.slaDueAt = rs.getTimestamp("sla_due_at");
        f.handlingActive = rs.getInt("handling_active");
        f.resolvedAt = rs.getTimestamp("resolved_at");
        f.slaBreached = rs.getBoolean("sla_breached");
        f.closedAt = rs.getTimestamp("closed_at");
        f.closeType = rs.getString("close_type");
        f.satisfaction = rs.getString("satisfaction");
        f.reopenCount = rs.getInt("reopen_count");
        f.escalationLevel = rs.getInt("escalation_level");
        f.written = DailyCell.of(f);
        return f;
    }

    static Timestamp ts(java.util.Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
