package cn.gridflow.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * {@code ${cityCommand}}: 市级指令直达网格 (art. 3, domain-spec §1.6c). A city instruction fans out to the targeted
 * communities, each community head picks the grids, each grid runs it as a grid event ({@code source = CITY_COMMAND});
 * grids that have not reported by {@code reportBy} are chased, and the result comes back as completion rates.
 */
public class CityCommand {

    /** Which grids belong to which community (the backend's org data). */
    @FunctionalInterface
    public interface GridDirectory {
        boolean belongsTo(String gridId, String communityId);
    }

    private static final String REPORT_BY_MISSING = "请填写反馈截止时间 / reportBy is missing";

    private final GridDirectory grids;
    private final Supervision.Notifier notifier;

    public CityCommand(GridDirectory grids, Supervision.Notifier notifier) {
        this.grids = grids;
        this.notifier = notifier;
    }

    /** Checks the instruction and turns {@code reportBy} into a Date (a form sends local time in the city's zone). */
    public void prepare(DelegateExecution execution) {
        if (communities(execution).isEmpty()) {
            throw new BadUserRequestException("请选择下达社区 / targetCommunityIds names no community");
        }
        Date reportBy = FormDates.instant(execution.getVariable("reportBy"), REPORT_BY_MISSING);
        if (!reportBy.after(ClockUtil.getCurrentTime())) {
            // a person's mistake, not a fault: the app and engine-rest answer it with 400
            throw new BadUserRequestException("反馈截止时间须晚于现在 / reportBy " + reportBy + " is not in the future");
        }
        execution.setVariable("reportBy", reportBy);
        // the task list shows each task of this instruction under the instruction's own words
        execution.setVariable("title", execution.getVariable("instruction"));
    }

    public List<String> communities(DelegateExecution execution) {
        return Codes.of(execution.getVariable("targetCommunityIds"));
    }

    /** The grids the community head chose; each must lie in that community. */
    public List<String> grids(DelegateExecution execution) {
        String communityId = (String) execution.getVariable("communityId");
        List<String> chosen = Codes.of(execution.getVariable("targetGridIds"));
        for (String gridId : chosen) {
            if (!grids.belongsTo(gridId, communityId)) {
                throw new IllegalArgumentException("grid " + gridId + " is not in community " + communityId);
            }
        }
        return chosen;
    }

    /**
     * reportBy has passed for a community: chase the leader of every grid whose event is still open, and the
     * community head once. (The timer watches the community's grids together, so it asks the engine which are open.)
     */
    public void late(DelegateExecution execution) {
        String communityId = (String) execution.getVariable("communityId");
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        List<String> lateGrids = new ArrayList<>();
        for (ProcessInstance event : runtime.createProcessInstanceQuery()
                .superProcessInstanceId(execution.getProcessInstanceId())
                .variableValueEquals("communityId", communityId).list()) {
            lateGrids.add((String) runtime.getVariable(event.getId(), "gridId"));
        }
        if (lateGrids.isEmpty()) {
            return;
        }
        execution.setVariable("lateGridIds", String.join(",", lateGrids));
        String subject = "市级指令逾期未反馈：" + execution.getProcessBusinessKey() + " 网格 " + String.join("、", lateGrids);
        for (String gridId : lateGrids) {
            notifier.toGroup(execution, "COMMAND_LATE", Groups.scopedId("grid-leader", gridId), subject);
        }
        notifier.toGroup(execution, "COMMAND_LATE", Groups.scopedId("community-head", communityId), subject);
    }

    /** Completion figures from the grid events this instruction started (history, so nothing is counted twice). */
    public void aggregate(DelegateExecution execution) {
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        Date reportBy = FormDates.instant(execution.getVariable("reportBy"), REPORT_BY_MISSING);
        List<HistoricProcessInstance> gridEvents = history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(execution.getProcessInstanceId()).list();
        int completed = 0;
        int onTime = 0;
        for (HistoricProcessInstance event : gridEvents) {
            HistoricVariableInstance closeType = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(event.getId()).variableName("closeType").singleResult();
            boolean closed = closeType != null && String.valueOf(closeType.getValue()).startsWith("CLOSED");
            if (closed) {
                completed++;
                if (event.getEndTime() != null && !event.getEndTime().after(reportBy)) {
                    onTime++;
                }
            }
        }
        int total = gridEvents.size();
        execution.setVariable("gridsTotal", total);
        execution.setVariable("gridsCompleted", completed);
        execution.setVariable("gridsOnTime", onTime);
        execution.setVariable("completionRate", rate(completed, total));
        execution.setVariable("onTimeRate", rate(onTime, total));
        notifier.toGroup(execution, "COMMAND_DONE", "city-commander", "市级指令办结：" + execution.getProcessBusinessKey()
                + "，完成 " + completed + "/" + total + "，按时 " + onTime);
    }

    private static double rate(int part, int total) {
        return total == 0 ? 0.0 : Math.round(part * 10000.0 / total) / 10000.0;
    }
}
