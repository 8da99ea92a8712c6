package cn.gridflow.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;

/** Checks what an administrator sends for a user, all fields at once, so the form can mark every mistake. */
final class UserRequests {

    static final String INVALID = "ADMIN_USER_INVALID";

    /** Camunda's user id whitelist (application.yml) within the 64 characters of ACT_ID_USER.ID_. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int NAME_LENGTH = 64;
    static final int EMAIL_LENGTH = 255;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;

    /** The body of create and update; id and password only count on create. */
    record UserRequest(String id, String firstName, String lastName, String email, String password,
                       List<String> groups) {
    }

    record PasswordRequest(String password) {
    }

    private UserRequests() {
    }

    static IdentityAdmin.NewUser newUser(UserRequest request) {
        if (request == null) {
            throw ApiException.badRequest("BAD_REQUEST");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String id = trim(request.id());
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "admin.user.id"));
        }
        IdentityAdmin.Profile profile = profile(request, problems);
        String password = request.password();
        passwordProblem(password, problems);
        List<String> groups = groups(request.groups(), problems);
        throwIfAny(problems);
        return new IdentityAdmin.NewUser(id, profile.firstName(), profile.lastName(), profile.email(), password,
                groups == null ? List.of() : groups);
    }

    static IdentityAdmin.Profile profile(UserRequest request) {
        if (request == null) {
            throw ApiException.badRequest("BAD_REQUEST");
        }
        List<FieldProblem> problems = new ArrayList<>();
        IdentityAdmin.Profile profile = profile(request, problems);
        groups(request.groups(), problems);
        throwIfAny(problems);
        return profile;
    }

    /** The groups of an update: null keeps the memberships as they are. */
    static List<String> groups(UserRequest request) {
        return request.groups() == null ? null : groups(request.groups(), new ArrayList<>());
    }

    static String password(PasswordRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String password = request == null ? null : request.password();
        passwordProblem(password, problems);
        throwIfAny(problems);
        return password;
    }

    private static IdentityAdmin.Profile profile(UserRequest request, List<FieldProblem> problems) {
        String firstName = trim(request.firstName());
        String lastName = trim(request.lastName());
        if (firstName == null && lastName == null) {
            problems.add(new FieldProblem("lastName", "admin.user.name"));
        }
        if (tooLong(firstName, NAME_LENGTH)) {
            problems.add(new FieldProblem("firstName", "admin.user.nameLength", NAME_LENGTH));
        }
        if (tooLong(lastName, NAME_LENGTH)) {
            problems.add(new FieldProblem("lastName", "admin.user.nameLength", NAME_LENGTH));
        }
        String email = trim(request.email());
        if (email != null && (tooLong(email, EMAIL_LENGTH) || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "admin.user.email", email));
        }
        return new IdentityAdmin.Profile(firstName, lastName, email);
    }

    private static void passwordProblem(String password, List<FieldProblem> problems) {
        if (password == null || password.isBlank() || password.length() < PASSWORD_MIN
                || password.length() > PASSWORD_MAX) {
            problems.add(new FieldProblem("password", "admin.user.password", PASSWORD_MIN, PASSWORD_MAX));
        }
    }

    private static List<String> groups(List<String> groups, List<FieldProblem> problems) {
        if (groups == null) {
            return null;
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String group : groups) {
            String id = trim(group);
            if (id == null) {
                problems.add(new FieldProblem("groups", "admin.user.groups"));
                return null;
            }
            distinct.add(id);
        }
        return List.copyOf(distinct);
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, INVALID, problems);
        }
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
