package cn.gridflow.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Variables from the generic form (a task without a Camunda Form): names are checked, scalars stay scalars,
 * lists and objects become JSON. Never Java serialization.
 */
@Component
public class VariableValues {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,63}$");

    private final ObjectMapper json;

    public VariableValues(ObjectMapper json) {
        this.json = json;
    }

    public VariableMap fromJson(Map<String, Object> submitted) {
        List<FieldProblem> problems = new ArrayList<>();
        VariableMap variables = Variables.createVariables();
        submitted.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                problems.add(new FieldProblem(name, "field.name", name));
            } else if (value == null || value instanceof String || value instanceof Boolean) {
                variables.putValue(name, value);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Double) {
                variables.putValue(name, value);
            } else if (value instanceof Number n) {
                variables.putValue(name, n.doubleValue());
            } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
                variables.putValueTyped(name, SpinValues.jsonValue(json.valueToTree(value).toString()).create());
            } else {
                problems.add(new FieldProblem(name, "field.value", name));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "FORM_INVALID", problems);
        }
        return variables;
    }
}
