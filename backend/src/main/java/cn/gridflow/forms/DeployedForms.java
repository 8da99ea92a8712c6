package cn.gridflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The Camunda Form (form-js JSON) deployed for a task or a start event, if the model references one. */
@Component
public class DeployedForms {

    private final FormService formService;
    private final ObjectMapper json;

    public DeployedForms(FormService formService, ObjectMapper json) {
        this.formService = formService;
        this.json = json;
    }

    /** @param task a task queried with {@code initializeFormKeys()}, so that its form reference is known */
    public Optional<JsonNode> forTask(Task task) {
        if (task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        return Optional.of(read(formService.getDeployedTaskForm(task.getId())));
    }

    public Optional<JsonNode> forStart(String processDefinitionId) {
        CamundaFormRef ref = formService.getStartFormData(processDefinitionId).getCamundaFormRef();
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.of(read(formService.getDeployedStartForm(processDefinitionId)));
    }

    private JsonNode read(InputStream in) {
        try (in) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("deployed form is not readable JSON", e);
        }
    }
}
