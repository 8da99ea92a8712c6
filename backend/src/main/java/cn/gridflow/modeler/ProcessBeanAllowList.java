package cn.gridflow.modeler;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.gridflow.process.ProcessBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The Spring beans BPMN/DMN expressions may reach: those marked {@link ProcessBean}. The engine's expression
 * manager sees only these ({@link #asExpressionBeans()}), and {@link DeployPolicy} refuses a model that names any
 * other bean, so the refusal comes at deployment with a message rather than at run time.
 */
@Component
public class ProcessBeanAllowList {

    private final ConfigurableListableBeanFactory beanFactory;
    private volatile Set<String> names;

    public ProcessBeanAllowList(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Computed on first use: the engine is built while the context is still starting. */
    public Set<String> names() {
        Set<String> result = names;
        if (result == null) {
            TreeSet<String> found = new TreeSet<>();
            for (String name : beanFactory.getBeanDefinitionNames()) {
                // false: never instantiate a FactoryBean just to read its annotations (it may need the engine)
                if (beanFactory.findAnnotationOnBean(name, ProcessBean.class, false) != null) {
                    found.add(name);
                }
            }
            result = Collections.unmodifiableSet(found);
            names = result;
        }
        return result;
    }

    public boolean allows(String name) {
        return names().contains(name);
    }

    /** Whether the name is a bean of the application at all (allowed or not). */
    public boolean isBean(String name) {
        return beanFactory.containsBean(name);
    }

    /**
     * The allow-listed beans as the map {@code ProcessEngineConfiguration.setBeans} expects; beans are looked up
     * when an expression first needs them, so building the engine does not create them early.
     */
    Map<Object, Object> asExpressionBeans() {
        return new AbstractMap<Object, Object>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && allows(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? beanFactory.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                throw new UnsupportedOperationException("expression beans are looked up by name only");
            }
        };
    }
}
