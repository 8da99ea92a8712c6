package cn.gridflow.admin;

import java.util.List;

import cn.gridflow.admin.IdentityDirectory.GroupRow;
import cn.gridflow.admin.IdentityDirectory.Page;
import cn.gridflow.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 系统管理 · 用户组: the groups with their type (role, grid, community, department, estate, provider, SYSTEM) and
 * how many members each has. Read-only: groups follow the roles and the org master data ({@code OrgGroups}).
 */
@RestController
@RequestMapping("/api/admin/groups")
public class GroupAdminController {

    private final IdentityDirectory directory;

    public GroupAdminController(IdentityDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    public Page<GroupRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        CurrentUser.admin();
        Paging.check(page, size);
        return directory.groups(Paging.blankToNull(q), Paging.blankToNull(type), page, size);
    }

    @GetMapping("/types")
    public List<String> types() {
        CurrentUser.admin();
        return directory.groupTypes();
    }
}
