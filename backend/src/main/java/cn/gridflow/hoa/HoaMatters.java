package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import cn.gridflow.process.BusinessKeys;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.process.Groups;
import cn.gridflow.process.hoa.HoaRules.RuleViolation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code ${hoaMatters}}: the record of each major decision (one per hoa-major-decision instance). */
@ProcessBean
@Component("hoaMatters")
public class HoaMatters {

    public record Matter(String id, String processInstanceId, String estateId, String estateName, String communityId,
                         String title, String matterType, Long budgetFen, String fundSource, String proposerId,
                         String outcome, Instant createdAt, Instant closedAt) {
    }

    private static final String SELECT = "select m.id, m.proc_inst_id, m.estate_id, e.name, m.community_id, m.title,"
            + " m.matter_type, m.budget_fen, m.fund_source, m.proposer_id, m.outcome, m.created_at, m.closed_at"
            + " from gf_hoa_matter m join gf_hoa_estate e on e.id = m.estate_id";

    private static final RowMapper<Matter> ROW = (rs, i) -> new Matter(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            (Long) rs.getObject(8, Long.class), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getTimestamp(12).toInstant(), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;
    private final HoaEstates estates;
    private final IdentityService identityService;
    private final BusinessKeys businessKeys;

    public HoaMatters(JdbcTemplate jdbc, HoaEstates estates, IdentityService identityService,
                      BusinessKeys businessKeys) {
        this.jdbc = jdbc;
        this.estates = estates;
        this.identityService = identityService;
        this.businessKeys = businessKeys;
    }

    /**
     * Registers a new proposal: the estate is the proposer's own (their committee group) unless given; only a
     * committee member of that estate may propose. Sets communityId and membersTotal from the estate register.
     */
    public void register(DelegateExecution execution) {
        String proposer = (String) execution.getVariable("proposerId");
        String estateId = (String) execution.getVariable("propertyAreaId");
        // The proposer's groups as the engine authenticated them for this start; a start without an authenticated
        // user (a system start) or by an administrator (engine-rest contract tests) names the estate itself.
        Authentication auth = identityService.getCurrentAuthentication();
        boolean checked = auth != null && auth.getUserId() != null && auth.getUserId().equals(proposer)
                && (auth.getGroupIds() == null || !auth.getGroupIds().contains(CurrentUser.ADMIN_GROUP));
        List<String> committeeOf = checked ? committeeEstates(auth.getGroupIds()) : List.of();
        if (estateId == null && committeeOf.size() == 1) {
            estateId = committeeOf.get(0);
        }
        if (estateId == null) {
            throw new RuleViolation("hoa.estate.unknown", "which estate is this proposal for? (propertyAreaId)");
        }
        String id = estateId;
        HoaEstates.Estate estate = estates.byId(id)
                .orElseThrow(() -> new RuleViolation("hoa.estate.unknown", "unknown estate " + id));
        if (checked && !committeeOf.contains(estate.id())) {
            throw new RuleViolation("hoa.proposer.not-committee", proposer + " is not on the committee of " + id);
        }
        Object title = execution.getVariable("title");
        if (title == null || title.toString().isBlank()) {
            throw new RuleViolation("hoa.title.missing", "a proposal needs a title");
        }
        String matterId = (String) execution.getVariable("matterId");
        if (matterId == null) {
            matterId = businessKeys.next("HOA");
            execution.setProcessBusinessKey(matterId);
            execution.setVariable("matterId", matterId);
        }
        execution.setVariable("propertyAreaId", estate.id());
        execution.setVariable("communityId", estate.communityId());
        execution.setVariable("membersTotal", estate.committeeSize());
        if (byId(matterId).isEmpty()) {
            Object budget = execution.getVariable("budgetFen");
            jdbc.update("insert into gf_hoa_matter (id, proc_inst_id, estate_id, community_id, title, matter_type,"
                            + " budget_fen, fund_source, proposer_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    matterId, execution.getProcessInstanceId(), estate.id(), estate.communityId(), title.toString(),
                    execution.getVariable("matterType"), budget instanceof Number n ? n.longValue() : null,
                    execution.getVariable("fundSource"), proposer, now());
        }
    }

    public void close(DelegateExecution execution, String outcome) {
        execution.setVariable("outcome", outcome);
        jdbc.update("update gf_hoa_matter set outcome = ?, closed_at = ? where id = ?", outcome, now(),
                execution.getVariable("matterId"));
    }

    public Optional<Matter> byId(String id) {
        return jdbc.query(SELECT + " where m.id = ?", ROW, id).stream().findFirst();
    }

    public List<Matter> page(List<String> estateIds, int page, int size) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(estateIds);
        args.add(size);
        args.add(page * size);
        return jdbc.query(SELECT + " where m.estate_id in (" + marks(estateIds.size()) + ")"
                + " order by m.created_at desc, m.id desc limit ? offset ?", ROW, args.toArray());
    }

    public long count(List<String> estateIds) {
        if (estateIds.isEmpty()) {
            return 0;
        }
        Long n = jdbc.queryForObject("select count(*) from gf_hoa_matter where estate_id in (" + marks(estateIds.size())
                + ")", Long.class, estateIds.toArray());
        return n == null ? 0 : n;
    }

    private static List<String> committeeEstates(List<String> groups) {
        return (groups == null ? List.<String>of() : groups).stream()
                .filter(g -> "hoa-chair".equals(Groups.roleOf(g)) || "hoa-member".equals(Groups.roleOf(g)))
                .map(Groups::scopeOf).filter(s -> s != null).distinct().toList();
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static Timestamp now() {
        // The engine clock, so that model time and record time agree (tests move it).
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }
}
