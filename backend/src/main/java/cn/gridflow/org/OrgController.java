package cn.gridflow.org;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.gridflow.incident.CommunityModes;
import cn.gridflow.process.Groups;
import cn.gridflow.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The org tree every logged-in user may read: it names places, not people. */
@RestController
@RequestMapping("/api/org")
public class OrgController {

    private final CommunityRepository communities;
    private final GridRepository grids;
    private final DepartmentRepository departments;
    private final CommunityModes modes;

    public OrgController(CommunityRepository communities, GridRepository grids, DepartmentRepository departments,
                         CommunityModes modes) {
        this.communities = communities;
        this.grids = grids;
        this.departments = departments;
        this.modes = modes;
    }

    public record Node(String id, String name) {
    }

    public record GridNode(String id, String name, List<Node> microGrids) {
    }

    public record CommunityNode(String id, String name, List<GridNode> grids) {
    }

    public record OrgTree(List<CommunityNode> communities, List<Node> departments) {
    }

    /** 平战转换: the communities currently in war mode (absent ones are at peace). */
    @GetMapping("/modes")
    public Map<String, String> modes() {
        return modes.all();
    }

    /**
     * The mode the header shows the caller: of the communities they work in (a grid's community counts), or of the
     * city for everyone else — war as soon as one community there is at war.
     */
    public record MyMode(String mode, String scope, List<Node> communities, List<Node> warCommunities) {
    }

    @GetMapping("/my-mode")
    public MyMode myMode() {
        CurrentUser user = CurrentUser.get();
        Set<String> mine = new TreeSet<>();
        for (String group : user.groups()) {
            String scope = Groups.scopeOf(group);
            if (scope == null) {
                continue;
            }
            if (communities.existsById(scope)) {
                mine.add(scope);
            } else {
                grids.findById(scope).ifPresent(grid -> mine.add(grid.getCommunityId()));
            }
        }
        Map<String, String> current = modes.all();
        List<Node> considered = communities.findAllByOrderBySortOrderAscIdAsc().stream()
                .filter(c -> mine.isEmpty() || mine.contains(c.getId()))
                .map(c -> new Node(c.getId(), c.getName())).toList();
        List<Node> war = considered.stream().filter(c -> CommunityModes.WAR.equals(current.get(c.id()))).toList();
        return new MyMode(war.isEmpty() ? CommunityModes.PEACE : CommunityModes.WAR,
                mine.isEmpty() ? "CITY" : "COMMUNITY", considered, war);
    }

    @GetMapping("/tree")
    public OrgTree tree() {
        List<Grid> allGrids = grids.findAllByOrderBySortOrderAscIdAsc();
        Map<String, List<Grid>> microByParent = allGrids.stream().filter(Grid::isMicroGrid)
                .collect(Collectors.groupingBy(Grid::getParentId));
        Map<String, List<Grid>> gridsByCommunity = allGrids.stream().filter(g -> !g.isMicroGrid())
                .collect(Collectors.groupingBy(Grid::getCommunityId));
        List<CommunityNode> tree = communities.findAllByOrderBySortOrderAscIdAsc().stream()
                .map(c -> new CommunityNode(c.getId(), c.getName(),
                        gridsByCommunity.getOrDefault(c.getId(), List.of()).stream()
                                .map(g -> new GridNode(g.getId(), g.getName(),
                                        microByParent.getOrDefault(g.getId(), List.of()).stream()
                                                .map(m -> new Node(m.getId(), m.getName())).toList()))
                                .toList()))
                .toList();
        List<Node> depts = departments.findAllByOrderBySortOrderAscIdAsc().stream()
                .map(d -> new Node(d.getId(), d.getName())).toList();
        return new OrgTree(tree, depts);
    }
}
