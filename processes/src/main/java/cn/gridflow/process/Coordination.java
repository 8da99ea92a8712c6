package cn.gridflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * {@code ${coordination}}: the co-handling departments the joint coordination chose ({@code coDepts}, a JSON array
 * from the form), as the list a parallel multi-instance runs over. The lead department is never its own co-handler.
 */
public class Coordination {

    public List<String> departments(VariableScope scope) {
        Object coDepts = scope.getVariable("coDepts");
        Object lead = scope.getVariable("leadDept");
        List<String> departments = new ArrayList<>();
        for (String dept : Codes.of(coDepts)) {
            if (!dept.equals(lead) && !departments.contains(dept)) {
                departments.add(dept);
            }
        }
        return departments;
    }
}
