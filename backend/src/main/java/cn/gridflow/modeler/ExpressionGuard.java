package cn.gridflow.modeler;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationContext;

/**
 * First resolver of every expression: refuses the members through which an expression could leave the allow-list
 * of beans, e.g. {@code execution.getProcessEngineServices()} or {@code ''.getClass().forName(..)}. The same names
 * are refused statically at deployment ({@link DeployPolicy}); this catches what a deployed model computes at run time.
 */
final class ExpressionGuard extends ELResolver {

    static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "classLoader", "getClassLoader",
            "forName", "newInstance", "invoke", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getField", "getDeclaredField",
            "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
            "processEngineConfiguration", "getProcessEngineConfiguration", "applicationContext",
            "getApplicationContext", "getRuntime", "exec", "exit", "halt", "loadClass");

    private static boolean forbiddenBase(Object base) {
        return base instanceof Class<?> || base instanceof ClassLoader || base instanceof ProcessEngine
                || base instanceof ProcessEngineServices || base instanceof ApplicationContext
                || base instanceof BeanFactory || base instanceof Runtime
                || base.getClass().getPackageName().startsWith("java.lang.reflect");
    }

    private static void check(Object base, Object member) {
        if (base == null) {
            return;
        }
        if (forbiddenBase(base) || (member instanceof String name && FORBIDDEN_MEMBERS.contains(name))) {
            throw new ELException("GridFlow expression policy: '" + member + "' may not be used in an expression");
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        check(base, method);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
