package dlms.xmlclient.run;

import java.util.List;

/** Receives the events of a run; reports are listeners and never talk to the meter. */
public interface RunListener {

    default void runStarted(RunPlan plan) {
    }

    default void scriptStarted(ScriptSource source) {
    }

    default void requestFinished(ScriptSource source, StepReply reply) {
    }

    default void scriptFinished(ScriptOutcome outcome) {
    }

    default void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
    }

    /** Fans events out to several listeners, in order. */
    static RunListener all(List<RunListener> listeners) {
        return new RunListener() {
            @Override
            public void runStarted(RunPlan plan) {
                listeners.forEach(l -> l.runStarted(plan));
            }

            @Override
            public void scriptStarted(ScriptSource source) {
                listeners.forEach(l -> l.scriptStarted(source));
            }

            @Override
            public void requestFinished(ScriptSource source, StepReply reply) {
                listeners.forEach(l -> l.requestFinished(source, reply));
            }

            @Override
            public void scriptFinished(ScriptOutcome outcome) {
                listeners.forEach(l -> l.scriptFinished(outcome));
            }

            @Override
            public void runFinished(List<ScriptOutcome> outcomes, long elapsedMillis) {
                listeners.forEach(l -> l.runFinished(outcomes, elapsedMillis));
            }
        };
    }
}
