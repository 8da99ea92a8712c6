package cn.gridflow.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a Spring bean on the allow-list of beans that BPMN/DMN expressions may reach ({@code ${groups.scoped(..)}},
 * {@code camunda:delegateExpression="${computeDueDates}"}). Every other bean is invisible to expressions and a model
 * naming one is refused at deployment (cn.gridflow.modeler.DeployPolicy), because whoever deploys a model would
 * otherwise be able to call any service of the application.
 * <p>
 * This annotation is the one place the allow-list lives: put it on the bean's class next to
 * {@code @Component("beanName")}, or on the {@code @Bean} method that creates it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessBean {
}
