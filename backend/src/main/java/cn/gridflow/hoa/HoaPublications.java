package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import cn.gridflow.notification.Notifications;
import cn.gridflow.process.BusinessKeys;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${hoaPublications}}: 两公开 — each notice is a stored record (text, time, audience) that the owners of the
 * estate see in the app; the notice board, app push and WeChat channels read the same records. Publishing is
 * idempotent per activity instance, so a job that runs twice publishes once.
 */
@ProcessBean
@Component("hoaPublications")
public class HoaPublications {

    public record Publication(String id, String matterId, String estateId, String kind, String title, String body,
                              String audience, Instant publishedAt) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final BusinessKeys businessKeys;
    private final Notifications notifications;

    public HoaPublications(JdbcTemplate jdbc, BusinessKeys businessKeys, Notifications notifications) {
        this.jdbc = jdbc;
        this.businessKeys = businessKeys;
        this.notifications = notifications;
    }

    public void publish(DelegateExecution execution, String kind) {
        String matterId = (String) execution.getVariable("matterId");
        String estateId = (String) execution.getVariable("propertyAreaId");
        if ("RESOLUTION".equals(kind) && execution.getVariable("resolutionNo") == null) {
            execution.setVariable("resolutionNo", businessKeys.next("JY"));
        }
        String title = execution.getVariable("title") + " · " + heading(kind);
        String body = body(execution, kind);
        try {
            if (jdbc.queryForObject("select count(*) from gf_hoa_publication where act_inst_id = ? and kind = ?",
                    Integer.class, execution.getActivityInstanceId(), kind) == 0) {
                jdbc.update("insert into gf_hoa_publication (id, matter_id, estate_id, kind, title, body, audience,"
                                + " published_at, act_inst_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID().toString(), matterId, estateId, kind,
                        title, body, "ESTATE_OWNERS:" + estateId, HoaMatters.now(), execution.getActivityInstanceId());
            }
        } catch (DuplicateKeyException raced) {
            // the same notice was stored by the other run of this job
        }
        // The property company (§2.1: informed) carries out what the owners resolve: it is told of each resolution
        // and implementation result of its estate, besides seeing every publication there (once per step).
        if ("RESOLUTION".equals(kind) || "IMPLEMENTATION_RESULT".equals(kind)) {
            notifications.toGroup(execution, "HOA_" + kind, Groups.scopedId("property-company", estateId), title);
        }
    }

    static String heading(String kind) {
        return switch (kind) {
            case "MEETING_NOTICE" -> "业委会会议通知";
            case "PROPOSAL" -> "表决方案公示";
            case "VOTE_EXTENSION" -> "表决期延长公告";
            case "VOTE_RESULT" -> "表决结果公告";
            case "RESOLUTION" -> "业主大会决议公告";
            case "IMPLEMENTATION_STATUS" -> "实施情况月度公示";
            case "IMPLEMENTATION_RESULT" -> "实施结果公示";
            case "FINANCIAL_STATEMENT" -> "业财代理月度账目公示";
            default -> kind;
        };
    }

    private static String body(DelegateExecution execution, String kind) {
        List<String> lines = new ArrayList<>();
        switch (kind) {
            case "MEETING_NOTICE" -> {
                lines.add("业委会定于 " + time(execution.getVariable("committeeMeetingAt")) + " 在 "
                        + execution.getVariable("meetingPlace") + " 召开会议，审议本议案。");
                lines.add("议案：" + execution.getVariable("proposalText"));
            }
            case "PROPOSAL" -> {
                lines.add("议案：" + execution.getVariable("proposalText"));
                if (execution.getVariable("budgetFen") instanceof Number budget) {
                    lines.add("预算：" + yuan(budget.longValue()) + " 元");
                }
                lines.add("表决时间：" + time(execution.getVariable("voteOpenAt")) + " 至 "
                        + time(execution.getVariable("voteCloseAt")) + "（第 " + execution.getVariable("voteRound") + " 轮）");
            }
            case "VOTE_EXTENSION" -> lines.add("参与表决的业主人数或专有部分面积未达三分之二，表决期延长至 "
                    + time(execution.getVariable("voteCloseAt")) + "。");
            case "VOTE_RESULT", "RESOLUTION" -> {
                lines.add("参与表决：" + execution.getVariable("participatingCount") + " / "
                        + execution.getVariable("totalOwnerCount") + " 人，面积 "
                        + area(execution.getVariable("participatingAreaCenti")) + " / "
                        + area(execution.getVariable("totalAreaCenti")) + " 平方米");
                lines.add("同意：" + execution.getVariable("yesCount") + " 人，面积 "
                        + area(execution.getVariable("yesAreaCenti")) + " 平方米");
                lines.add(Boolean.TRUE.equals(execution.getVariable("passed")) ? "结果：通过" : "结果：未通过");
                if ("RESOLUTION".equals(kind)) {
                    lines.add("决议编号：" + execution.getVariable("resolutionNo"));
                }
            }
            case "IMPLEMENTATION_STATUS" -> lines.add("截至 " + time(new Date(HoaMatters.now().getTime()))
                    + "，决议 " + execution.getVariable("resolutionNo") + " 正在实施；付款状态："
                    + (execution.getVariable("paymentStatus") == null ? "无" : execution.getVariable("paymentStatus")));
            case "IMPLEMENTATION_RESULT" -> lines.add("实施情况：" + execution.getVariable("implementationReport"));
            case "FINANCIAL_STATEMENT" -> {
                lines.add("所属月份：" + execution.getVariable("statementPeriod"));
                lines.add("收入：" + (execution.getVariable("incomeFen") instanceof Number n ? yuan(n.longValue()) : "-")
                        + " 元；支出：" + (execution.getVariable("expenseFen") instanceof Number n ? yuan(n.longValue()) : "-")
                        + " 元");
                lines.add(String.valueOf(execution.getVariable("statementText")));
            }
            default -> { }
        }
        String text = String.join("\n", lines);
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    static String yuan(long fen) {
        return new DecimalFormat("#,##0.00").format(fen / 100.0);
    }

    static String area(Object centi) {
        return centi instanceof Number n ? new DecimalFormat("#,##0.00").format(n.longValue() / 100.0) : "-";
    }

    private static String time(Object date) {
        return date instanceof Date d ? ZonedDateTime.ofInstant(d.toInstant(), BusinessKeys.CITY_ZONE).format(DAY) : "-";
    }

    public List<Publication> forEstates(List<String> estateIds, String matterId, int page, int size) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(estateIds);
        String where = " where estate_id in (" + HoaMatters.marks(estateIds.size()) + ")";
        if (matterId != null) {
            where += " and matter_id = ?";
            args.add(matterId);
        }
        args.add(size);
        args.add(page * size);
        return jdbc.query("select id, matter_id, estate_id, kind, title, body, audience, published_at"
                        + " from gf_hoa_publication" + where + " order by published_at desc, id desc limit ? offset ?",
                (rs, i) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
                args.toArray());
    }

    public long count(List<String> estateIds, String matterId) {
        if (estateIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(estateIds);
        String where = " where estate_id in (" + HoaMatters.marks(estateIds.size()) + ")";
        if (matterId != null) {
            where += " and matter_id = ?";
            args.add(matterId);
        }
        Long n = jdbc.queryForObject("select count(*) from gf_hoa_publication" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }
}
