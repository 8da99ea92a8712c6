package cn.gridflow.process;

import java.util.ArrayList;
import java.util.Collection;
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
        for (String dept : codes(coDepts)) {
            if (!dept.equals(lead) && !departments.contains(dept)) {
                departments.add(dept);
            }
        }
        return departments;
    }

    /** A Collection in model tests; a Spin JSON array (printed as JSON) when the form stored it. */
    private static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> codes.add(String.valueOf(v).strip()));
        } else if (value != null) {
            for (String part : value.toString().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
                if (!part.isEmpty()) {
                    codes.add(part);
                }
            }
        }
        codes.removeIf(String::isEmpty);
        return codes;
    }
}
