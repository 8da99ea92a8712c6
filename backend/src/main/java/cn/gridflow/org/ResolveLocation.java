package cn.gridflow.org;

import cn.gridflow.incident.CommunityModes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${resolveLocation}}: places a reported event in the org tree. A micro-grid report is attributed to its
 * parent grid (whose staff work it) and the community above it. Also stamps the report date and the city mode the
 * admission and SLA decisions read.
 */
@ProcessBean
@Component("resolveLocation")
public class ResolveLocation implements JavaDelegate {

    private final GridRepository grids;
    private final CommunityModes modes;

    public ResolveLocation(GridRepository grids, CommunityModes modes) {
        this.grids = grids;
        this.modes = modes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String gridId = (String) execution.getVariable("gridId");
        Grid grid = gridId == null ? null : grids.findById(gridId).orElse(null);
        if (grid == null) {
            throw new IllegalArgumentException("unknown grid '" + gridId + "'");
        }
        if (grid.isMicroGrid()) {
            execution.setVariable("microGridId", grid.getId());
            execution.setVariable("gridId", grid.getParentId());
        }
        execution.setVariable("communityId", grid.getCommunityId());
        if (execution.getVariable("reportDate") == null) {
            execution.setVariable("reportDate", ClockUtil.getCurrentTime());
        }
        // 平战转换: the community's current mode decides the SLA rows (war mode counts natural time).
        execution.setVariable("cityMode", modes.of(grid.getCommunityId()));
    }
}
