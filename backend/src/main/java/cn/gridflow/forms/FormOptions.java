package cn.gridflow.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.org.CommunityRepository;
import cn.gridflow.org.DepartmentRepository;
import cn.gridflow.org.Grid;
import cn.gridflow.org.GridRepository;
import cn.gridflow.process.Groups;
import cn.gridflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Option lists that forms take from the server ({@code valuesKey}): the grids a user may report for and the
 * departments. The same lists validate the submission, so a grid worker cannot report into another grid.
 */
@Component
public class FormOptions {

    public record Option(String label, String value) {
    }

    private static final Set<String> GRID_ROLES = Set.of("grid-staff", "grid-parttime", "grid-leader",
            "grid-instructor");
    private static final Set<String> COMMUNITY_ROLES = Set.of("community-staff", "community-head");

    private final GridRepository grids;
    private final CommunityRepository communities;
    private final DepartmentRepository departments;

    public FormOptions(GridRepository grids, CommunityRepository communities, DepartmentRepository departments) {
        this.grids = grids;
        this.communities = communities;
        this.departments = departments;
    }

    public Map<String, Object> forUser(CurrentUser user) {
        Map<String, Object> data = new HashMap<>();
        data.put("gridOptions", gridOptions(user));
        data.put("communityOptions", communities.findAll().stream()
                .sorted(java.util.Comparator.comparing(c -> c.getId()))
                .map(c -> new Option(c.getName(), c.getId())).toList());
        data.put("deptOptions", departments.findAllByOrderBySortOrderAscIdAsc().stream()
                .map(d -> new Option(d.getName(), d.getId())).toList());
        return data;
    }

    /**
     * Grid workers report for their own grids (and micro-grids), community staff and heads for their community's
     * grids; everyone else may choose any grid.
     */
    List<Option> gridOptions(CurrentUser user) {
        Set<String> ownGrids = scopesOf(user, GRID_ROLES);
        Set<String> ownCommunities = scopesOf(user, COMMUNITY_ROLES);
        Map<String, String> communityNames = new HashMap<>();
        communities.findAll().forEach(c -> communityNames.put(c.getId(), c.getName()));
        return grids.findAllByOrderBySortOrderAscIdAsc().stream()
                .filter(g -> ownGrids.isEmpty() && ownCommunities.isEmpty() || ownGrids.contains(g.getId())
                        || (g.isMicroGrid() && ownGrids.contains(g.getParentId()))
                        || ownCommunities.contains(g.getCommunityId()))
                .map(g -> new Option(label(g, communityNames), g.getId()))
                .toList();
    }

    private static Set<String> scopesOf(CurrentUser user, Set<String> roles) {
        return user.groups().stream()
                .filter(g -> roles.contains(Groups.roleOf(g)) && Groups.scopeOf(g) != null)
                .map(Groups::scopeOf)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String label(Grid grid, Map<String, String> communityNames) {
        return communityNames.getOrDefault(grid.getCommunityId(), grid.getCommunityId()) + " / " + grid.getName();
    }
}
