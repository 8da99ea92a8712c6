package cn.gridflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import cn.gridflow.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The outbox as a user sees it: what was sent to them or to their groups; administrators see everything. */
@Component
public class NotificationQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public NotificationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<Notification> items, long total) {
    }

    /** Optional narrowing for the outbox screen; null fields do not narrow. status: PENDING or SENT. */
    public record Filter(String kind, String status, String text) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    public Page forUser(CurrentUser user, int page, int size) {
        return forUser(user, Filter.NONE, page, size);
    }

    public Page forUser(CurrentUser user, Filter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", user.id())
                .addValue("limit", size).addValue("offset", (long) page * size);
        String where = "(n.recipient_kind = 'USER' and n.recipient = :me)";
        if (!user.groups().isEmpty()) {
            params.addValue("groups", user.groups());
            where = "(" + where + " or (n.recipient_kind = 'GROUP' and n.recipient in (:groups)))";
        }
        if (user.isAdmin()) {
            where = "1 = 1";
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            params.addValue("kind", filter.kind().strip());
            where += " and n.kind = :kind";
        }
        if ("PENDING".equals(filter.status())) {
            where += " and n.sent_at is null";
        } else if ("SENT".equals(filter.status())) {
            where += " and n.sent_at is not null";
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            params.addValue("text", "%" + filter.text().strip().toLowerCase() + "%");
            where += " and (lower(n.business_key) like :text or lower(n.subject) like :text"
                    + " or lower(n.recipient) like :text)";
        }
        Long total = jdbc.queryForObject("select count(*) from gf_notification n where " + where, params, Long.class);
        List<Notification> items = jdbc.query("select * from gf_notification n where " + where
                + " order by n.created desc, n.id limit :limit offset :offset", params, NotificationQueries::row);
        return new Page(items, total == null ? 0 : total);
    }

    static Notification row(ResultSet rs, int i) throws SQLException {
        return new Notification(rs.getString("id"), rs.getString("kind"),
                Notification.RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("business_key"),
                rs.getString("proc_inst_id"), date(rs.getTimestamp("created")), date(rs.getTimestamp("sent_at")));
    }

    private static Date date(Timestamp ts) {
        return ts == null ? null : new Date(ts.getTime());
    }
}
