package cn.gridflow.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The administrator's reads of Camunda's identity tables. Plain SQL because the engine's user query cannot search
 * "id or name or e-mail" in one go, has no member counts, and would cost one membership query per row. Reads only
 * (writes go through the identity service, see {@link IdentityAdmin}); the password hash column is never selected.
 */
@Component
public class IdentityDirectory {

    /** One page of a list. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** A user as the admin pages show them: never with a password. */
    public record UserRow(String id, String firstName, String lastName, String name, String email,
                          List<String> groups) {
    }

    public record GroupRow(String id, String name, String type, long members) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public IdentityDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The members of a group, read with row locks held to the end of the caller's transaction: two administrators
     * removing each other at the same moment are serialized here, and the second sees the first one's removal
     * (a locking read sees the latest committed rows whatever the isolation level).
     */
    public List<String> lockMembers(String groupId) {
        return jdbc.queryForList("select m.USER_ID_ from ACT_ID_MEMBERSHIP m where m.GROUP_ID_ = :groupId for update",
                new MapSqlParameterSource("groupId", groupId), String.class);
    }

    /** Users whose id, name (姓名 either way round) or e-mail contain the text, optionally only members of a group. */
    public Page<UserRow> users(String text, String groupId, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" from ACT_ID_USER u where 1 = 1");
        if (text != null) {
            params.addValue("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
            where.append(" and (lower(u.ID_) like :text escape '!' or lower(coalesce(u.EMAIL_, '')) like :text escape '!'")
                    .append(" or lower(concat(coalesce(u.LAST_, ''), coalesce(u.FIRST_, ''))) like :text escape '!'")
                    .append(" or lower(concat(coalesce(u.FIRST_, ''), coalesce(u.LAST_, ''))) like :text escape '!')");
        }
        if (groupId != null) {
            params.addValue("groupId", groupId);
            where.append(" and exists (select 1 from ACT_ID_MEMBERSHIP m where m.USER_ID_ = u.ID_"
                    + " and m.GROUP_ID_ = :groupId)");
        }
        Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<String[]> rows = jdbc.query("select u.ID_, u.FIRST_, u.LAST_, u.EMAIL_" + where
                        + " order by u.ID_ limit :limit offset :offset", params,
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        Map<String, List<String>> groups = groupsOf(rows.stream().map(r -> r[0]).toList());
        List<UserRow> items = rows.stream().map(r -> row(r, groups.getOrDefault(r[0], List.of()))).toList();
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    public UserRow user(String userId) {
        List<String[]> rows = jdbc.query("select ID_, FIRST_, LAST_, EMAIL_ from ACT_ID_USER where ID_ = :id",
                Map.of("id", userId),
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        return rows.isEmpty() ? null : row(rows.get(0), groupsOf(List.of(userId)).getOrDefault(userId, List.of()));
    }

    /**
     * Whether an id is taken, ignoring case: MySQL compares ids case-insensitively, so "Zhang" and "zhang" would
     * collide there even though H2 would store both.
     */
    public boolean userIdTaken(String userId) {
        Long n = jdbc.queryForObject("select count(*) from ACT_ID_USER where lower(ID_) = :id",
                Map.of("id", userId.toLowerCase(Locale.ROOT)), Long.class);
        return n != null && n > 0;
    }

    /** Groups of a type (all types when null) whose id or name contain the text, with their member counts. */
    public Page<GroupRow> groups(String text, String type, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" from ACT_ID_GROUP g where 1 = 1");
        if (text != null) {
            params.addValue("text", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
            where.append(" and (lower(g.ID_) like :text escape '!'"
                    + " or lower(coalesce(g.NAME_, '')) like :text escape '!')");
        }
        if (type != null) {
            params.addValue("type", type.toLowerCase(Locale.ROOT));
            where.append(" and lower(g.TYPE_) = :type");
        }
        Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<GroupRow> items = jdbc.query("select g.ID_, g.NAME_, g.TYPE_, (select count(*) from ACT_ID_MEMBERSHIP m"
                        + " where m.GROUP_ID_ = g.ID_) members" + where + " order by g.TYPE_, g.ID_ limit :limit offset :offset",
                params, (rs, i) -> new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    /** The group types there are, for the filter of the groups page. */
    public List<String> groupTypes() {
        return jdbc.queryForList("select distinct TYPE_ from ACT_ID_GROUP where TYPE_ is not null order by TYPE_",
                Map.of(), String.class);
    }

    private Map<String, List<String>> groupsOf(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.query("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ in (:ids) order by GROUP_ID_",
                Map.of("ids", userIds),
                rs -> {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return groups;
    }

    private static UserRow row(String[] r, List<String> groups) {
        String name = ((r[2] == null ? "" : r[2]) + (r[1] == null ? "" : r[1])).trim();
        return new UserRow(r[0], r[1], r[2], name.isEmpty() ? r[0] : name, r[3], groups);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
