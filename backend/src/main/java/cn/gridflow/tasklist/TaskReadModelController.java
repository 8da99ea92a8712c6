package cn.gridflow.tasklist;

import java.util.Map;

import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.security.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators can rebuild the inbox's read model from the engine, e.g. after restoring a backup. */
@RestController
@RequestMapping("/api/admin/task-read-model")
public class TaskReadModelController {

    private final TaskReadModelRebuild rebuild;
    private final EngineSystemCalls system;

    public TaskReadModelController(TaskReadModelRebuild rebuild, EngineSystemCalls system) {
        this.rebuild = rebuild;
        this.system = system;
    }

    @PostMapping("/rebuild")
    public Map<String, Long> rebuild() {
        CurrentUser.admin();
        return Map.of("tasks", system.call(rebuild::rebuild));
    }
}
