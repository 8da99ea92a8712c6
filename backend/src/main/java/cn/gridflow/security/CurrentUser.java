package cn.gridflow.security;

import java.util.List;

import cn.gridflow.common.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, as the security chain established it: the user id and their Camunda group ids. */
public record CurrentUser(String id, List<String> groups) {

    public static final String ADMIN_GROUP = "camunda-admin";

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }
        return new CurrentUser(auth.getName(),
                auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    /** The caller, who must be an administrator (403 otherwise). */
    public static CurrentUser admin() {
        CurrentUser user = get();
        if (!user.isAdmin()) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return user;
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    public boolean hasRole(String role) {
        return groups.stream().anyMatch(g -> g.equals(role) || g.startsWith(role + ":"));
    }
}
