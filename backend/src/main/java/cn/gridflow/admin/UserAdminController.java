package cn.gridflow.admin;

import cn.gridflow.admin.IdentityDirectory.Page;
import cn.gridflow.admin.IdentityDirectory.UserRow;
import cn.gridflow.admin.UserRequests.PasswordRequest;
import cn.gridflow.admin.UserRequests.UserRequest;
import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 系统管理 · 用户: administrators ({@code camunda-admin}) list, create and edit the people who sign in, and put them
 * in groups. Users live in Camunda's identity service, so the login, candidate groups and engine authorizations all
 * see a change at once (the user's next login). Passwords go in, never out.
 */
@RestController
@RequestMapping("/api/admin/users")
public class UserAdminController {

    private final IdentityDirectory directory;
    private final IdentityAdmin identity;

    public UserAdminController(IdentityDirectory directory, IdentityAdmin identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @GetMapping
    public Page<UserRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) String group,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        CurrentUser.admin();
        Paging.check(page, size);
        return directory.users(Paging.blankToNull(q), Paging.blankToNull(group), page, size);
    }

    @GetMapping("/{id}")
    public UserRow get(@PathVariable String id) {
        CurrentUser.admin();
        return found(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserRow create(@RequestBody UserRequest request) {
        CurrentUser.admin();
        IdentityAdmin.NewUser user = UserRequests.newUser(request);
        identity.create(user);
        return found(user.id());
    }

    /** Name and e-mail; with {@code groups}, the memberships become exactly those (in the same transaction). */
    @PutMapping("/{id}")
    public UserRow update(@PathVariable String id, @RequestBody UserRequest request) {
        CurrentUser.admin();
        IdentityAdmin.Profile profile = UserRequests.profile(request);
        identity.update(id, profile, UserRequests.groups(request));
        return found(id);
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void resetPassword(@PathVariable String id, @RequestBody PasswordRequest request) {
        CurrentUser.admin();
        identity.resetPassword(id, UserRequests.password(request));
    }

    @PutMapping("/{id}/groups/{groupId}")
    public UserRow addToGroup(@PathVariable String id, @PathVariable String groupId) {
        CurrentUser.admin();
        identity.addToGroup(id, groupId);
        return found(id);
    }

    @DeleteMapping("/{id}/groups/{groupId}")
    public UserRow removeFromGroup(@PathVariable String id, @PathVariable String groupId) {
        CurrentUser.admin();
        identity.removeFromGroup(id, groupId);
        return found(id);
    }

    private UserRow found(String id) {
        UserRow user = directory.user(id);
        if (user == null) {
            throw ApiException.notFound(IdentityAdmin.USER_NOT_FOUND, id);
        }
        return user;
    }
}
