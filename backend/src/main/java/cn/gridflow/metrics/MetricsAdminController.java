package cn.gridflow.metrics;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.security.CurrentUser;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rebuild the metrics read model from the engine's history, e.g. after restoring a backup. */
@RestController
@RequestMapping("/api/admin/metrics")
public class MetricsAdminController {

    private final MetricsRebuild rebuild;
    private final EngineSystemCalls system;

    public MetricsAdminController(MetricsRebuild rebuild, EngineSystemCalls system) {
        this.rebuild = rebuild;
        this.system = system;
    }

    @PostMapping("/rebuild")
    public MetricsRebuild.Result rebuild() {
        CurrentUser.admin();
        try {
            return system.call(rebuild::rebuild);
        } catch (DataIntegrityViolationException | CannotAcquireLockException e) {
            // another rebuild (or live work on the same rows) got there first; this one changed nothing
            throw ApiException.conflict("METRICS_REBUILD_CONFLICT");
        }
    }
}
