package cn.gridflow.hoa;

import java.util.List;
import java.util.Optional;

import cn.gridflow.org.Roles;
import cn.gridflow.process.Groups;
import cn.gridflow.process.hoa.VoteTallyService.Unit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Estates (小区), their unit register, and the estate-scoped groups ({@code hoa-chair:EST01}, …) of each. */
@Component
public class HoaEstates {

    private static final Logger log = LoggerFactory.getLogger(HoaEstates.class);

    public record Estate(String id, String name, String communityId, int committeeSize) {
    }

    public record UnitRow(String id, String unitNo, String ownerId, String ownerName, long areaCenti,
                          boolean developerUnsold) {
        Unit toUnit() {
            return new Unit(id, ownerId, areaCenti, developerUnsold);
        }
    }

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;

    public HoaEstates(JdbcTemplate jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    public List<Estate> all() {
        return jdbc.query("select id, name, community_id, committee_size from gf_hoa_estate order by id",
                (rs, i) -> new Estate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    public Optional<Estate> byId(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public List<UnitRow> units(String estateId) {
        return jdbc.query("select id, unit_no, owner_id, owner_name, area_centi, developer_unsold from gf_hoa_unit"
                        + " where estate_id = ? order by unit_no",
                (rs, i) -> new UnitRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getBoolean(6)), estateId);
    }

    /** The estates where the user owns a unit. */
    public List<String> estatesOwnedBy(String userId) {
        return jdbc.queryForList("select distinct estate_id from gf_hoa_unit where owner_id = ?", String.class, userId);
    }

    /** Creates the estate if it is new, and its scoped groups; safe to run at every start and on two nodes. */
    public void ensure(Estate estate) {
        if (byId(estate.id()).isEmpty()) {
            jdbc.update("insert into gf_hoa_estate (id, name, community_id, committee_size) values (?, ?, ?, ?)",
                    estate.id(), estate.name(), estate.communityId(), estate.committeeSize());
        }
        for (Roles.Role role : Roles.scopedTo(Roles.Scope.ESTATE)) {
            String id = Groups.scopedId(role.id(), estate.id());
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(role.nameZh() + " · " + estate.name());
                group.setType("estate");
                try {
                    identityService.saveGroup(group);
                } catch (RuntimeException e) {
                    log.debug("group {} not created here: {}", id, e.getMessage());
                }
            }
        }
    }

    public void addUnit(String estateId, UnitRow unit) {
        Integer exists = jdbc.queryForObject("select count(*) from gf_hoa_unit where id = ?", Integer.class, unit.id());
        if (exists != null && exists == 0) {
            jdbc.update("insert into gf_hoa_unit (id, estate_id, unit_no, owner_id, owner_name, area_centi,"
                            + " developer_unsold) values (?, ?, ?, ?, ?, ?, ?)", unit.id(), estateId, unit.unitNo(),
                    unit.ownerId(), unit.ownerName(), unit.areaCenti(), unit.developerUnsold());
        }
    }
}
