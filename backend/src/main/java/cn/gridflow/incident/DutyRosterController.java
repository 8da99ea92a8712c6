package cn.gridflow.incident;

import java.util.List;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
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
 * 微网格值守名单: administrators ({@code camunda-admin}, {@code governance-admin}) keep the rosters; everyone signed in
 * sees who is on duty now (the mode panel of the 事件 page), since in an emergency residents' helpers must be
 * reachable.
 */
@RestController
@RequestMapping("/api/duty-rosters")
public class DutyRosterController {

    static final String INVALID = "DUTY_ROSTER_INVALID";
    static final String MICRO_GRID_UNKNOWN = "DUTY_ROSTER_MICRO_GRID_UNKNOWN";
    static final String USER_UNKNOWN = "DUTY_ROSTER_USER_UNKNOWN";
    static final String PHONE_INVALID = "DUTY_ROSTER_PHONE_INVALID";
    static final String NOT_FOUND = "DUTY_ROSTER_NOT_FOUND";

    private final DutyRosters rosters;
    private final IdentityService identityService;

    public DutyRosterController(DutyRosters rosters, IdentityService identityService) {
        this.rosters = rosters;
        this.identityService = identityService;
    }

    /** Who is on duty now, in the communities at war footing. */
    @GetMapping("/active")
    public List<DutyRosters.OnDuty> active() {
        CurrentUser.get();
        return rosters.active();
    }

    @GetMapping
    public List<DutyRosters.Entry> list(@RequestParam(required = false) String microGridId) {
        maintainer();
        return rosters.list(microGridId == null || microGridId.isBlank() ? null : microGridId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DutyRosters.Entry create(@RequestBody DutyRosters.Draft draft) {
        CurrentUser user = maintainer();
        return rosters.create(checked(draft), user.id());
    }

    @PutMapping("/{id}")
    public DutyRosters.Entry update(@PathVariable String id, @RequestBody DutyRosters.Draft draft) {
        CurrentUser user = maintainer();
        DutyRosters.Draft valid = checked(draft);
        return rosters.update(id, valid, user.id()).orElseThrow(() -> ApiException.notFound(NOT_FOUND, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        maintainer();
        if (!rosters.delete(id)) {
            throw ApiException.notFound(NOT_FOUND, id);
        }
    }

    private static CurrentUser maintainer() {
        CurrentUser user = CurrentUser.get();
        if (!user.isAdmin() && !user.hasRole("governance-admin")) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return user;
    }

    /** Trimmed and checked; a bad entry is refused as a whole. */
    private DutyRosters.Draft checked(DutyRosters.Draft draft) {
        if (draft == null) {
            throw ApiException.badRequest(INVALID);
        }
        String microGridId = trim(draft.microGridId());
        String personName = trim(draft.personName());
        String role = trim(draft.role());
        String shift = trim(draft.shift());
        String userId = trim(draft.userId());
        String phone = trim(draft.phone());
        if (personName == null || role == null || shift == null || personName.length() > 64 || role.length() > 64
                || shift.length() > 64) {
            throw ApiException.badRequest(INVALID);
        }
        if (!rosters.isMicroGrid(microGridId)) {
            throw ApiException.badRequest(MICRO_GRID_UNKNOWN, String.valueOf(microGridId));
        }
        if (userId != null && identityService.createUserQuery().userId(userId).count() == 0) {
            throw ApiException.badRequest(USER_UNKNOWN, userId);
        }
        if (phone != null && !phone.matches("[0-9+\\-]{5,20}")) {
            throw ApiException.badRequest(PHONE_INVALID, phone);
        }
        return new DutyRosters.Draft(microGridId, personName, userId, role, shift, phone);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
