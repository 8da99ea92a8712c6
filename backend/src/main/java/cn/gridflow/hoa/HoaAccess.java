package cn.gridflow.hoa;

import java.util.List;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.process.Groups;
import cn.gridflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who sees which estate's decisions: its committee, supervisors, agent, property company and owners (estate
 * groups or owning a unit), and the community's party organisation, filing officer, staff and head.
 */
@Component
public class HoaAccess {

    static final Set<String> ESTATE_ROLES = Set.of("owner", "hoa-member", "hoa-chair", "hoa-supervisor",
            "fin-agent", "property-company");
    static final Set<String> COMMUNITY_ROLES = Set.of("party-org", "community-filing", "community-staff",
            "community-head");

    private final HoaEstates estates;

    public HoaAccess(HoaEstates estates) {
        this.estates = estates;
    }

    public List<HoaEstates.Estate> visibleEstates(CurrentUser user) {
        if (user.isAdmin()) {
            return estates.all();
        }
        List<String> owned = estates.estatesOwnedBy(user.id());
        return estates.all().stream().filter(e -> owned.contains(e.id()) || user.groups().stream().anyMatch(g ->
                (ESTATE_ROLES.contains(Groups.roleOf(g)) && e.id().equals(Groups.scopeOf(g)))
                        || (COMMUNITY_ROLES.contains(Groups.roleOf(g)) && e.communityId().equals(Groups.scopeOf(g)))))
                .toList();
    }

    public void requireVisible(CurrentUser user, String estateId) {
        if (visibleEstates(user).stream().noneMatch(e -> e.id().equals(estateId))) {
            throw ApiException.notFound("NOT_FOUND");
        }
    }

    /** The committee of the estate (chair or member) records paper ballots and requests payments. */
    public boolean isCommittee(CurrentUser user, String estateId) {
        return user.groups().contains(Groups.scopedId("hoa-chair", estateId))
                || user.groups().contains(Groups.scopedId("hoa-member", estateId));
    }

    public boolean isChair(CurrentUser user, String estateId) {
        return user.groups().contains(Groups.scopedId("hoa-chair", estateId));
    }
}
