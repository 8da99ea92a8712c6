package cn.gridflow.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** A task's variables as plain JSON values (JSON variables as JSON, not as Spin objects). */
@Component
public class TaskVariables {

    private final TaskService taskService;
    private final ObjectMapper json;

    public TaskVariables(TaskService taskService, ObjectMapper json) {
        this.taskService = taskService;
        this.json = json;
    }

    public Map<String, Object> of(String taskId) {
        VariableMap typed = taskService.getVariablesTyped(taskId, false);
        Map<String, Object> plain = new LinkedHashMap<>();
        for (String name : typed.keySet()) {
            plain.put(name, plain(typed.getValueTyped(name)));
        }
        return plain;
    }

    private Object plain(TypedValue value) {
        if (value instanceof SerializableValue serializable) {
            try {
                return serializable.getValueSerialized() == null ? null
                        : json.readTree(serializable.getValueSerialized());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return value.getValue();
    }
}
