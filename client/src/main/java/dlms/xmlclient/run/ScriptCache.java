package dlms.xmlclient.run;

import dlms.xmlclient.memo.BoundedMemo;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.verdict.Expectations;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Message files and their expectations, loaded once per command however many meters run them.
 * Encoding a request through the Gurux XML client parses its XML twice with a new parser
 * factory each time; a fleet of 1,000 meters would do that 1,000 times for every request.
 * Shared by the runners of one command, on any number of threads: loaded scripts are immutable.
 */
public final class ScriptCache {

    private static final int MAX_LOADERS = 16;

    /** Scripts whose frames do not depend on the HDLC addresses (no scripted SNRM, DISC, ...). */
    private final Map<FileKey, Loaded<Script>> anyAddress = new ConcurrentHashMap<>();
    /**
     * Scripts that frame SNRM or DISC themselves: one per client and server address, so a fleet
     * has one per meter; bounded, weighed by steps.
     */
    private final BoundedMemo<AddressedKey, Loaded<Script>> addressed = new BoundedMemo<>(16_384);
    private final Map<ExpectedKey, Loaded<List<String>>> expected = new ConcurrentHashMap<>();
    private final Path expectedDir;
    /**
     * Loaders hold a Gurux client and parsers, costly to make: lent out one load at a time, by
     * kind, and addressed for the load. Not one per thread: a fleet runs each meter on a thread
     * of its own.
     */
    private final Map<LoaderKind, Queue<ScriptLoader>> loaders = new ConcurrentHashMap<>();
    private final ThreadLocal<Expectations> expectations;

    /** @param expectedDir the -e folder, or null */
    public ScriptCache(Path expectedDir) {
        this.expectedDir = expectedDir;
        this.expectations = ThreadLocal.withInitial(() -> new Expectations(expectedDir));
    }

    public Path expectedDir() {
        return expectedDir;
    }

    /** The script as the association {@code c} frames it. */
    public Script script(Path file, String relativePath, ConnectionSettings c) throws ScriptException {
        FileKey fileKey = new FileKey(file, relativePath, c.interfaceType(), c.logicalNames());
        Loaded<Script> any = anyAddress.get(fileKey);
        if (any != null && (any.failure != null || !framesAddresses(any.value))) {
            return any.get();
        }
        AddressedKey key = new AddressedKey(fileKey, c.clientAddress(), c.serverAddress());
        Loaded<Script> loaded = addressed.get(key);
        if (loaded == null) {
            loaded = load(key, file, relativePath);
            loaded = addressed.put(key, loaded, 1L + (loaded.value == null ? 0 : loaded.value.steps().size()));
        }
        if (loaded.failure != null || !framesAddresses(loaded.value)) {
            anyAddress.putIfAbsent(fileKey, loaded);
        }
        return loaded.get();
    }

    /** What each request of the script is expected to get (see {@link Expectations#forScript}). */
    public List<String> expected(Script script) throws ScriptException {
        ExpectedKey key = new ExpectedKey(script.file(), script.relativePath(), script.steps().size());
        return expected.computeIfAbsent(key, k -> {
            try {
                return new Loaded<>(expectations.get().forScript(script), null);
            } catch (ScriptException e) {
                return new Loaded<>(null, e);
            }
        }).get();
    }

    private Loaded<Script> load(AddressedKey key, Path file, String relativePath) {
        Queue<ScriptLoader> free = loaders.computeIfAbsent(new LoaderKind(key.file.interfaceType,
                key.file.logicalNames), k -> new ConcurrentLinkedQueue<>());
        ScriptLoader loader = free.poll();
        if (loader == null) {
            loader = new ScriptLoader(key.file.interfaceType, key.file.logicalNames, key.client, key.server);
        }
        try {
            loader.address(key.client, key.server);
            return new Loaded<>(loader.load(file, relativePath), null);
        } catch (ScriptException e) {
            return new Loaded<>(null, e);
        } finally {
            if (free.size() < MAX_LOADERS) {
                free.offer(loader);
            }
        }
    }

    /** HDLC control frames written in a script carry the client and server addresses. */
    private static boolean framesAddresses(Script script) {
        return script.sends(Command.SNRM) || script.sends(Command.DISCONNECT_REQUEST) || script.sends(Command.UA)
                || script.sends(Command.DISCONNECT_MODE);
    }

    // The keys' equals and hashCode are written out: a record's own bootstrap through ObjectMethods
    // on first call, milliseconds of a cold start (docs/developer-notes.md).
    private record FileKey(Path file, String relativePath, InterfaceType interfaceType, boolean logicalNames) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FileKey k && Objects.equals(k.file, file)
                    && Objects.equals(k.relativePath, relativePath) && k.interfaceType == interfaceType
                    && k.logicalNames == logicalNames;
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(file) * 31 + Objects.hashCode(relativePath);
            return (h * 31 + Objects.hashCode(interfaceType)) * 2 + (logicalNames ? 1 : 0);
        }
    }

    private record AddressedKey(FileKey file, int client, int server) {
        @Override
        public boolean equals(Object o) {
            return o instanceof AddressedKey k && Objects.equals(k.file, file) && k.client == client
                    && k.server == server;
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(file) * 31 + client) * 31 + server;
        }
    }

    private record LoaderKind(InterfaceType interfaceType, boolean logicalNames) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LoaderKind k && k.interfaceType == interfaceType && k.logicalNames == logicalNames;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(interfaceType) * 2 + (logicalNames ? 1 : 0);
        }
    }

    /** Expectations depend on the script's path and its number of requests (a mismatch is an error). */
    private record ExpectedKey(Path file, String relativePath, int requests) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ExpectedKey k && Objects.equals(k.file, file)
                    && Objects.equals(k.relativePath, relativePath) && k.requests == requests;
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(file) * 31 + Objects.hashCode(relativePath)) * 31 + requests;
        }
    }

    /** A load's result or its input error, which every meter then reports alike. */
    private record Loaded<T>(T value, ScriptException failure) {
        T get() throws ScriptException {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
