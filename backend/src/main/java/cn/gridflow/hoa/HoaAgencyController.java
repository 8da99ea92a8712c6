package cn.gridflow.hoa;

import java.util.List;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 业财代理 for the app: the engagements of the estates the user may see (as the decisions are scoped), and one
 * engagement's monthly statements and the payments against the approved budgets.
 */
@RestController
@RequestMapping("/api/hoa/agencies")
public class HoaAgencyController {

    private final HoaAccess access;
    private final HoaAgencyBoard board;
    private final EngineSystemCalls system;

    public HoaAgencyController(HoaAccess access, HoaAgencyBoard board, EngineSystemCalls system) {
        this.access = access;
        this.board = board;
        this.system = system;
    }

    @GetMapping
    public List<HoaAgencyBoard.Agency> list() {
        List<String> estateIds = access.visibleEstates(CurrentUser.get()).stream().map(HoaEstates.Estate::id).toList();
        // the app has scoped the estates; the engine's history is read without the caller's task rights
        return system.call(() -> board.of(estateIds));
    }

    @GetMapping("/{id}")
    public HoaAgencyBoard.AgencyDetail detail(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        return system.call(() -> {
            HoaAgencyBoard.Agency agency = board.byId(id).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
            access.requireVisible(user, agency.estateId());
            return board.detail(agency);
        });
    }
}
