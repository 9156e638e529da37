package dlms.xmlclient.cli;

import dlms.xmlclient.media.CalledInLink;
import dlms.xmlclient.run.FleetListener;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StopSignal;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;
import gurux.dlms.enums.InterfaceType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code listen}: takes the calls of meters that connect in (a head-end's port), identifies each
 * and runs every script over that meter's own connection, as a fleet runs a meter
 * ({@link FleetRun#runMeter}: the same out folder per meter, console lines and junit.xml).
 * Calls are taken until {@code --meters} have come or {@code --listen-time} is over; meters
 * that called in run to their end, every wait bounded by the scripts' own limits.
 */
final class ListenRun {

    /** An accept wakes up this often to see the clock and the stop signal. */
    private static final int ACCEPT_SLICE_MILLIS = 200;
    /** The identification trace in a meter's folder. */
    static final String IDENTIFY_TRACE = "identify-trace.txt";

    private final ServerSocket server;
    private final List<ScriptSource> scripts;
    private final FleetRun fleet;
    private final MeterIdentity identity;
    private final int parallel;
    private final int maxMeters;
    private final long listenMillis;
    private final FleetListener listener;
    private final Path outDir;
    private final PrintStream err;
    /** Folder names given so far: a meter that calls twice gets -2, -3, ... */
    private final Set<String> names = new HashSet<>();

    /** @param maxMeters meters to take, 0 for no limit but the time */
    ListenRun(ServerSocket server, List<ScriptSource> scripts, FleetRun fleet, MeterIdentity identity, int parallel,
            int maxMeters, long listenMillis, FleetListener listener, Path outDir, PrintStream err) {
        this.server = server;
        this.scripts = List.copyOf(scripts);
        this.fleet = fleet;
        this.identity = identity;
        this.parallel = parallel;
        this.maxMeters = maxMeters;
        this.listenMillis = listenMillis;
        this.listener = listener;
        this.outDir = outDir;
        this.err = err;
    }

    /** @return the exit code: the worst meter's, or no connection when no meter called in */
    int run(StopSignal stop) {
        long start = System.nanoTime();
        long deadline = start + listenMillis * 1_000_000;
        listener.fleetStarted(0, scripts.size(), parallel);
        int calls = 0;
        int code = ExitCode.OK;
        try (MeterPool pool = new MeterPool(parallel, "listen", stop, err, "listen: call")) {
            try (server) {
                while (!stop.requested() && (maxMeters == 0 || calls < maxMeters)) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    server.setSoTimeout((int) Math.max(1, Math.min(left, ACCEPT_SLICE_MILLIS)));
                    Socket socket;
                    try {
                        socket = server.accept();
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    calls++;
                    String peer = String.valueOf(socket.getRemoteSocketAddress());
                    pool.submit(peer, () -> {
                        listener.meterStarted(peer);
                        return runCall(socket, stop);
                    });
                }
            } catch (IOException e) {
                err.println("xmlclient listen: the listening port failed: " + e.getMessage());
                code = ExitCode.NO_CONNECTION;
            }
            code = ExitCode.worst(code, pool.awaitAll());
        }
        listener.fleetFinished((System.nanoTime() - start) / 1_000_000);
        if (calls == 0 && code == ExitCode.OK) {
            err.println("xmlclient listen: no meter called in on port " + server.getLocalPort() + " within "
                    + listenMillis / 1000 + " s (--listen-time)");
            return ExitCode.NO_CONNECTION;
        }
        return code;
    }

    /** One meter's call: identified, then its scripts over its connection, which ends with them. */
    private int runCall(Socket socket, StopSignal stop) {
        long start = System.nanoTime();
        CalledInLink link;
        try {
            link = new CalledInLink(socket);
        } catch (IOException e) {
            err.println("xmlclient listen: a call from " + socket.getRemoteSocketAddress() + " failed at once: "
                    + e.getMessage());
            return ExitCode.NO_CONNECTION;
        }
        try {
            StringWriter traced = new StringWriter();
            String name;
            String failure = null;
            try (PrintWriter writer = new PrintWriter(traced)) {
                name = identity.identify(scripts.get(0).connection(), link, new Trace(writer, null));
            } catch (SessionException e) {
                name = MeterIdentity.peerName(link);
                failure = "--identify " + identity.name().toLowerCase(java.util.Locale.ROOT) + ": the meter that called"
                        + " in from " + link.peer() + ": " + e.getMessage();
            }
            name = unique(name);
            Path dir = outDir.resolve(name);
            if (identity != MeterIdentity.PEER) {
                keepIdentifyTrace(dir, traced.toString());
            }
            if (failure != null) {
                String why = failure;
                List<ScriptOutcome> none = scripts.stream()
                        .map(s -> new ScriptOutcome(s, null, Status.NO_CONNECTION, List.of(), why, 0, "")).toList();
                listener.meterFinished(name, dir.toString(), none, (System.nanoTime() - start) / 1_000_000);
                return ExitCode.of(none);
            }
            int code = fleet.runMeter(new FleetRun.Meter(name, scripts), stop, link.describe(), ignored -> link);
            keepDrainedNotifications(dir, link);
            return code;
        } finally {
            link.hangUp();
        }
    }

    /** Notifications no script waited for, among the bytes dropped before requests (see {@link DrainedNotifications}). */
    private void keepDrainedNotifications(Path dir, CalledInLink link) {
        boolean wrapper = scripts.get(0).connection().interfaceType() == InterfaceType.WRAPPER;
        try {
            DrainedNotifications.keep(dir, DrainedNotifications.in(link.takeDrained(), wrapper));
        } catch (IOException e) {
            err.println("xmlclient listen: cannot write " + dir.resolve(DrainedNotifications.FILE) + ": "
                    + e.getMessage());
        }
    }

    private synchronized String unique(String name) {
        String candidate = name;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    private void keepIdentifyTrace(Path dir, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(IDENTIFY_TRACE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("xmlclient listen: cannot write " + dir.resolve(IDENTIFY_TRACE) + ": " + e.getMessage());
        }
    }
}
