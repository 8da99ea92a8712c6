package cn.gridflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Which deployed forms are read once and which every time (the cache must never serve a form that changed). */
class DeployedFormsTest {

    private final FormService formService = mock(FormService.class);
    private final DeployedForms forms = new DeployedForms(formService, new ObjectMapper());

    private static ByteArrayInputStream form(String label) {
        return new ByteArrayInputStream(("{\"components\":[{\"key\":\"note\",\"label\":\"" + label + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Task task(String id, String definitionId, String key, String binding) {
        CamundaFormRef ref = mock(CamundaFormRef.class);
        when(ref.getKey()).thenReturn(key);
        when(ref.getBinding()).thenReturn(binding);
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        when(task.getProcessDefinitionId()).thenReturn(definitionId);
        when(task.getCamundaFormRef()).thenReturn(ref);
        return task;
    }

    private static String label(JsonNode schema) {
        return schema.path("components").path(0).path("label").asText();
    }

    @Test
    void aFormOfTheDefinitionsOwnDeploymentIsReadOncePerDefinition() {
        when(formService.getDeployedTaskForm("t1")).thenReturn(form("v1"));
        when(formService.getDeployedTaskForm("t2")).thenReturn(form("v1 again"));
        when(formService.getDeployedTaskForm("t3")).thenReturn(form("v2"));

        assertThat(label(forms.forTask(task("t1", "grid-event:1:a", "resolve", "deployment")).orElseThrow()))
                .isEqualTo("v1");
        // another task of the same definition: the same deployment, so the same form, not read again
        assertThat(label(forms.forTask(task("t2", "grid-event:1:a", "resolve", "deployment")).orElseThrow()))
                .isEqualTo("v1");
        // a task of the redeployed definition gets the new deployment's form
        assertThat(label(forms.forTask(task("t3", "grid-event:2:b", "resolve", "deployment")).orElseThrow()))
                .isEqualTo("v2");
        verify(formService, times(0)).getDeployedTaskForm("t2");
    }

    @Test
    void aFormBoundToTheLatestVersionIsReadEveryTime() {
        when(formService.getDeployedTaskForm("t1")).thenReturn(form("old"), form("new"));

        assertThat(label(forms.forTask(task("t1", "commendation:1:a", "nominate", "latest")).orElseThrow()))
                .isEqualTo("old");
        assertThat(label(forms.forTask(task("t1", "commendation:1:a", "nominate", "latest")).orElseThrow()))
                .isEqualTo("new");
    }

    @Test
    void aCallerChangingItsSchemaDoesNotChangeTheNextCallers() {
        when(formService.getDeployedTaskForm("t1")).thenReturn(form("v1"));
        Task task = task("t1", "grid-event:1:a", "resolve", "deployment");

        ((ObjectNode) forms.forTask(task).orElseThrow().path("components").path(0)).put("label", "changed");

        assertThat(label(forms.forTask(task).orElseThrow())).isEqualTo("v1");
    }

    @Test
    void aTaskWithoutAFormHasNone() {
        Task task = mock(Task.class);
        assertThat(forms.forTask(task)).isEmpty();
    }
}
