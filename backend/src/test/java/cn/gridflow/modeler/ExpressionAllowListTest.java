package cn.gridflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridflow.process.Groups;
import cn.gridflow.support.GridFlowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a deployed model's expressions can reach at run time, whatever slipped past the deploy policy: only the
 * allow-listed beans, and nothing through reflection or the engine's services.
 */
@GridFlowTest
class ExpressionAllowListTest {

    @Autowired
    ProcessEngine engine;

    private Object evaluate(String expression) {
        ProcessEngineConfigurationImpl config = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        return config.getCommandExecutorTxRequired().execute(context -> config.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    @Test
    void allowListedBeansResolve() {
        assertThat(evaluate("${groups}")).isInstanceOf(Groups.class);
        assertThat(evaluate("${groups.scoped('grid-staff', 'G0101')}")).isEqualTo("grid-staff:G0101");
    }

    @Test
    void otherSpringBeansDoNotExistForExpressions() {
        assertThatThrownBy(() -> evaluate("${notifications}")).hasMessageContaining("notifications");
        assertThatThrownBy(() -> evaluate("${runtimeService}")).hasMessageContaining("runtimeService");
        assertThatThrownBy(() -> evaluate("${processEngine}")).hasMessageContaining("processEngine");
    }

    @Test
    void reflectionIsRefused() {
        assertThatThrownBy(() -> evaluate("${''.getClass().forName('java.lang.Runtime')}"))
                .hasStackTraceContaining("GridFlow expression policy");
        assertThatThrownBy(() -> evaluate("${groups['class']}"))
                .hasStackTraceContaining("GridFlow expression policy");
    }
}
