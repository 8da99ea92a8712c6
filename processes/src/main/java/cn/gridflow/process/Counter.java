package cn.gridflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Counters kept as Integer process variables (verifyRound, returnCount, reopenCount…).
 * Expression arithmetic in JUEL yields Long; the domain contract types these as Integer,
 * so processes go through this bean ({@code ${counter.increment(execution, 'verifyRound')}}).
 */
public class Counter {

    public int reset(VariableScope scope, String name) {
        scope.setVariable(name, 0);
        return 0;
    }

    public int increment(VariableScope scope, String name) {
        Object current = scope.getVariable(name);
        int next = current instanceof Number n ? n.intValue() + 1 : 1;
        scope.setVariable(name, next);
        return next;
    }
}
