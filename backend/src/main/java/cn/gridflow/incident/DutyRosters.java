package cn.gridflow.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gridflow.org.Grid;
import cn.gridflow.org.GridRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 微网格值守名单 as data: who stands duty in each micro-grid (person, duty role and shift, phone optional), kept by
 * administrators, and the activations a mode switch makes of them (domain-spec §1.6b step 4).
 */
@Component
public class DutyRosters {

    public record Entry(String id, String microGridId, String communityId, String personName, String userId,
                        String role, String shift, String phone, String updatedBy, Date updatedAt) {
    }

    /** What an administrator sends for one roster entry. */
    public record Draft(String microGridId, String personName, String userId, String role, String shift,
                        String phone) {
    }

    /** One person on duty now, because the community is at war footing. */
    public record OnDuty(String communityId, String microGridId, String microGridName, String personName,
                         String userId, String role, String shift, String phone, Date activatedAt, String switchId) {
    }

    private final JdbcTemplate jdbc;
    private final GridRepository grids;

    public DutyRosters(JdbcTemplate jdbc, GridRepository grids) {
        this.jdbc = jdbc;
        this.grids = grids;
    }

    public List<Entry> list(String microGridId) {
        Map<String, Grid> byId = microGrids();
        String sql = "select * from gf_duty_roster" + (microGridId == null ? "" : " where micro_grid_id = ?")
                + " order by micro_grid_id, duty_role, person_name, id";
        RowMapper<Entry> rows = (rs, n) -> new Entry(rs.getString("id"), rs.getString("micro_grid_id"),
                Optional.ofNullable(byId.get(rs.getString("micro_grid_id"))).map(Grid::getCommunityId).orElse(null),
                rs.getString("person_name"), rs.getString("user_id"), rs.getString("duty_role"),
                rs.getString("shift"), rs.getString("phone"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at"));
        return microGridId == null ? jdbc.query(sql, rows) : jdbc.query(sql, rows, microGridId);
    }

    public Optional<Entry> find(String id) {
        return list(null).stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Entry create(Draft draft, String by) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into gf_duty_roster (id, micro_grid_id, person_name, user_id, duty_role, shift, phone,
                    updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, draft.microGridId(), draft.personName(), draft.userId(), draft.role(), draft.shift(),
                draft.phone(), by, Timestamp.from(Instant.now()));
        return find(id).orElseThrow();
    }

    /** @return the entry as saved, or empty when there is no such entry */
    public Optional<Entry> update(String id, Draft draft, String by) {
        int changed = jdbc.update("""
                update gf_duty_roster set micro_grid_id = ?, person_name = ?, user_id = ?, duty_role = ?, shift = ?,
                    phone = ?, updated_by = ?, updated_at = ? where id = ?""",
                draft.microGridId(), draft.personName(), draft.userId(), draft.role(), draft.shift(), draft.phone(),
                by, Timestamp.from(Instant.now()), id);
        return changed == 0 ? Optional.empty() : find(id);
    }

    public boolean delete(String id) {
        return jdbc.update("delete from gf_duty_roster where id = ?", id) > 0;
    }

    public boolean isMicroGrid(String gridId) {
        return gridId != null && microGrids().containsKey(gridId);
    }

    /**
     * Activates, for the given mode switch, the roster of every micro-grid of the communities: one stored row per
     * entry; entries this switch already activated are left alone.
     *
     * @return the entries activated by this call (none when it ran before)
     */
    @Transactional
    public List<OnDuty> activate(String switchId, List<String> communityIds) {
        Timestamp now = Timestamp.from(Instant.now());
        List<OnDuty> activated = new ArrayList<>();
        for (Entry entry : list(null)) {
            if (entry.communityId() == null || !communityIds.contains(entry.communityId())) {
                continue;
            }
            Integer done = jdbc.queryForObject("select count(*) from gf_duty_activation where proc_inst_id = ?"
                    + " and roster_id = ?", Integer.class, switchId, entry.id());
            if (done != null && done > 0) {
                continue;
            }
            jdbc.update("""
                    insert into gf_duty_activation (proc_inst_id, roster_id, community_id, micro_grid_id, person_name,
                        user_id, duty_role, shift, phone, activated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    switchId, entry.id(), entry.communityId(), entry.microGridId(), entry.personName(),
                    entry.userId(), entry.role(), entry.shift(), entry.phone(), now);
            activated.add(new OnDuty(entry.communityId(), entry.microGridId(), nameOf(entry.microGridId()),
                    entry.personName(), entry.userId(), entry.role(), entry.shift(), entry.phone(), now, switchId));
        }
        return activated;
    }

    /** @return how many activations of this switch were still active and are now ended */
    public int deactivate(String switchId, List<String> communityIds) {
        int ended = 0;
        Timestamp now = Timestamp.from(Instant.now());
        for (String communityId : communityIds) {
            ended += jdbc.update("update gf_duty_activation set deactivated_at = ? where proc_inst_id = ?"
                    + " and community_id = ? and deactivated_at is null", now, switchId, communityId);
        }
        return ended;
    }

    /** Everyone on duty now, by community and micro-grid. */
    public List<OnDuty> active() {
        return jdbc.query("""
                select * from gf_duty_activation where deactivated_at is null
                order by community_id, micro_grid_id, duty_role, person_name""",
                (rs, n) -> new OnDuty(rs.getString("community_id"), rs.getString("micro_grid_id"),
                        nameOf(rs.getString("micro_grid_id")), rs.getString("person_name"), rs.getString("user_id"),
                        rs.getString("duty_role"), rs.getString("shift"), rs.getString("phone"),
                        rs.getTimestamp("activated_at"), rs.getString("proc_inst_id")));
    }

    private Map<String, Grid> microGrids() {
        return grids.findAll().stream().filter(Grid::isMicroGrid).collect(Collectors.toMap(Grid::getId,
                Function.identity()));
    }

    private String nameOf(String gridId) {
        return grids.findById(gridId).map(Grid::getName).orElse(gridId);
    }
}
