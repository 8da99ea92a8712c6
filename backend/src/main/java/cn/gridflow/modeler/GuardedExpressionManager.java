package cn.gridflow.modeler;

import java.util.Map;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Spring's expression manager given only the allow-listed beans (a non-null bean map replaces its resolver over
 * the whole application context), with {@link ExpressionGuard} asked first.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> allowedBeans) {
        super(context, allowedBeans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver guarded = new CompositeELResolver();
        guarded.add(new ExpressionGuard());
        guarded.add(super.createElResolver());
        return guarded;
    }
}
