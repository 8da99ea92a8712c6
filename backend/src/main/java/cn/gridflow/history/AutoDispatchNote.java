package cn.gridflow.history;

import cn.gridflow.org.Department;
import cn.gridflow.org.DepartmentRepository;
import cn.gridflow.process.AutoDispatch;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * How an event's 系统自动分拨 reads in its history: the timeline of the incident record and the task's history tab
 * both show it as a step done by the system, naming the department it went to (the one the category gave, even if a
 * later redispatch chose another).
 */
@Component
public class AutoDispatchNote {

    /** The service task of grid-event that dispatches clear-cut categories. */
    public static final String ACTIVITY_ID = "autoDispatch";
    public static final String TYPE = "AUTO_DISPATCH";
    public static final String BY = AutoDispatch.BY_SYSTEM;

    private final HistoryService historyService;
    private final DepartmentRepository departments;

    public AutoDispatchNote(HistoryService historyService, DepartmentRepository departments) {
        this.historyService = historyService;
        this.departments = departments;
    }

    /** "牵头部门：市场监督管理局" for the event; call as the system. */
    public String of(String processInstanceId) {
        HistoricVariableInstance to = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("autoDispatchedTo").singleResult();
        if (to == null || to.getValue() == null) {
            return null;
        }
        String code = to.getValue().toString();
        return "牵头部门：" + departments.findById(code).map(Department::getName).orElse(code);
    }
}
