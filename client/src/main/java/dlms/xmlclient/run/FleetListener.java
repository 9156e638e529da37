package dlms.xmlclient.run;

import java.util.List;

/**
 * Receives the events of a fleet run, from the threads that run its meters (calls may overlap:
 * implementations synchronise). A meter's outcomes are handed over once, when it is done, and
 * dropped after: a fleet of thousands of meters never holds all its replies at once.
 */
public interface FleetListener {

    default void fleetStarted(int meters, int scriptsPerMeter, int parallel) {
    }

    /** The meter's turn has come: it is about to connect (or, the fleet being stopped, to be counted as not run). */
    default void meterStarted(String meter) {
    }

    /** One script of a meter is done (its outcome also comes with the meter's, at its end). */
    default void scriptFinished(String meter, ScriptOutcome outcome) {
    }

    /** @param outputs where the meter's own replies, trace and report are */
    default void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes, long elapsedMillis) {
    }

    default void fleetFinished(long elapsedMillis) {
    }

    /** Fans events out to several listeners, in order. */
    static FleetListener all(List<FleetListener> listeners) {
        return new FleetListener() {
            @Override
            public void fleetStarted(int meters, int scriptsPerMeter, int parallel) {
                listeners.forEach(l -> l.fleetStarted(meters, scriptsPerMeter, parallel));
            }

            @Override
            public void meterStarted(String meter) {
                listeners.forEach(l -> l.meterStarted(meter));
            }

            @Override
            public void scriptFinished(String meter, ScriptOutcome outcome) {
                listeners.forEach(l -> l.scriptFinished(meter, outcome));
            }

            @Override
            public void meterFinished(String meter, String outputs, List<ScriptOutcome> outcomes, long elapsedMillis) {
                listeners.forEach(l -> l.meterFinished(meter, outputs, outcomes, elapsedMillis));
            }

            @Override
            public void fleetFinished(long elapsedMillis) {
                listeners.forEach(l -> l.fleetFinished(elapsedMillis));
            }
        };
    }
}
