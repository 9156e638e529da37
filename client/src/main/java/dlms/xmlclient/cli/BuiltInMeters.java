package dlms.xmlclient.cli;

import dlms.xmlclient.media.Medium;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import gurux.dlms.enums.InterfaceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in simulator a run without -h or -S tests, on free loopback ports: one for the
 * logical-name scripts and one for the short-name scripts (a folder's {@code -r sn}), so that
 * one run covers both, as one meter model with two referencings would. Public for runs assembled
 * outside the xmlclient command (the benchmark starts them as the command does).
 */
public final class BuiltInMeters implements AutoCloseable {

    private final Map<Boolean, MeterSimulator> byLogicalNames = new LinkedHashMap<>();
    private final ConnectionSettings target;

    private BuiltInMeters(ConnectionSettings target) {
        this.target = target;
    }

    /** Starts a simulator for each referencing the scripts use, with the run's framing. */
    public static BuiltInMeters start(List<ScriptSource> scripts, ConnectionSettings target) throws Exception {
        BuiltInMeters meters = new BuiltInMeters(target);
        try {
            for (ScriptSource script : scripts) {
                boolean ln = script.connection().logicalNames();
                if (!meters.byLogicalNames.containsKey(ln)) {
                    meters.byLogicalNames.put(ln, MeterSimulator.start(new SimulatorOptions().port(0)
                            .wrapper(target.interfaceType() == InterfaceType.WRAPPER)
                            .udp(target.medium().udp()).shortNames(!ln)));
                }
            }
        } catch (Exception e) {
            meters.close();
            throw e;
        }
        return meters;
    }

    /** The scripts, each pointed at the simulator of its referencing. */
    public List<ScriptSource> bind(List<ScriptSource> scripts) {
        List<ScriptSource> bound = new ArrayList<>();
        for (ScriptSource s : scripts) {
            bound.add(s.withConnection(s.connection().withMedium(medium(byLogicalNames.get(s.connection().logicalNames())))));
        }
        return bound;
    }

    private Medium medium(MeterSimulator meter) {
        return target.medium().at("127.0.0.1", meter.port());
    }

    /** E.g. {@code 127.0.0.1:37063 (HDLC)}, or with SN scripts {@code 127.0.0.1:37063 (HDLC), SN on 127.0.0.1:37064}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Boolean, MeterSimulator> e : byLogicalNames.entrySet()) {
            String where = "127.0.0.1:" + e.getValue().port();
            if (b.length() == 0) {
                b.append(where).append(" (").append(target.interfaceType())
                        .append(target.medium().udp() ? " over UDP" : "").append(e.getKey() ? "" : ", SN").append(')');
            } else {
                b.append(", ").append(e.getKey() ? "LN" : "SN").append(" on ").append(where);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (MeterSimulator meter : byLogicalNames.values()) {
            meter.close();
        }
    }
}
