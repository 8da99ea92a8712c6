package cn.gridflow.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gridflow.common.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moving running instances of a process from one version to another for the simple case the engine can map on
 * its own: activities with the same id in both versions ({@code mapEqualActivities}). The preview lists every
 * instance with where it waits and whether it can move; only those that can are moved.
 */
@Component
public class Migrations {

    private static final int MAX_INSTANCES = 500;

    public record InstancePreview(String id, String businessKey, List<String> activeActivities, boolean movable,
                                  List<String> unmapped) {
    }

    public record Preview(String processKey, int fromVersion, int toVersion, List<String> mappedActivities,
                          List<InstancePreview> instances) {
    }

    public record Result(int moved, List<String> instanceIds) {
    }

    private final RuntimeService runtimeService;
    private final ModelLibrary library;

    public Migrations(RuntimeService runtimeService, ModelLibrary library) {
        this.runtimeService = runtimeService;
        this.library = library;
    }

    public Preview preview(String key, int fromVersion, int toVersion) {
        MigrationPlan plan = plan(key, fromVersion, toVersion);
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        List<InstancePreview> instances = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionId(plan.getSourceProcessDefinitionId()).listPage(0, MAX_INSTANCES)) {
            List<String> active = runtimeService.getActiveActivityIds(instance.getId());
            List<String> unmapped = active.stream().filter(a -> !mapped.contains(a)).toList();
            instances.add(new InstancePreview(instance.getId(), instance.getBusinessKey(), active,
                    unmapped.isEmpty(), unmapped));
        }
        return new Preview(key, fromVersion, toVersion, mapped.stream().sorted().toList(), instances);
    }

    /** Moves the given instances (all movable ones of the preview when none are named). */
    public Result migrate(String key, int fromVersion, int toVersion, List<String> instanceIds) {
        List<String> ids = instanceIds == null || instanceIds.isEmpty()
                ? preview(key, fromVersion, toVersion).instances().stream().filter(InstancePreview::movable)
                        .map(InstancePreview::id).toList()
                : instanceIds;
        if (ids.isEmpty()) {
            return new Result(0, List.of());
        }
        MigrationPlan plan = plan(key, fromVersion, toVersion);
        try {
            runtimeService.newMigration(plan).processInstanceIds(ids).execute();
        } catch (MigratingProcessInstanceValidationException e) {
            throw ApiException.badRequest("DESIGNER_MIGRATION_INVALID", toVersion, e.getMessage());
        }
        return new Result(ids.size(), ids);
    }

    private MigrationPlan plan(String key, int fromVersion, int toVersion) {
        String source = library.version(ModelKind.PROCESS, key, fromVersion).id();
        String target = library.version(ModelKind.PROCESS, key, toVersion).id();
        try {
            return runtimeService.createMigrationPlan(source, target).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            throw ApiException.badRequest("DESIGNER_MIGRATION_INVALID", toVersion, e.getMessage());
        }
    }
}
