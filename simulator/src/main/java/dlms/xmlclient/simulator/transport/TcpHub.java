package dlms.xmlclient.simulator.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dlms.xmlclient.simulator.log.FailureLog;
import dlms.xmlclient.simulator.log.SimulatorLog;

/**
 * The TCP side of one or many meters: every listening port and every connection on one
 * selector thread, and the meters' DLMS work on a small pool of workers (see
 * {@link MeterLane}). An idle connection or port costs a socket, never a thread, so a fleet of
 * a thousand meters runs on a handful of threads.
 * <p>
 * Ports are bound with {@link #listen} before {@link #start}; the selector thread then accepts,
 * reads and hands the bytes to each port's {@link FrameRoute}, and writes what a worker could
 * not write at once (see {@link TcpConnection}).
 * <p>
 * Its own sockets rather than gurux.net: GXNet 1.0.22 listens with {@code new
 * ServerSocket(port)}, on every interface, one thread a connection, and has no way to bind one
 * address; an unauthenticated meter should listen on the loopback address unless told otherwise.
 */
public final class TcpHub implements AutoCloseable {

    private static final int BACKLOG = 50;
    private static final int READ_BUFFER = 64 * 1024;
    private static final long STOP_MILLIS = 5000;
    /** How long accepting stops after a failed accept, and the loop after a failed select. */
    static final long PAUSE_MILLIS = 250;

    private final SimulatorLog log;
    private final Selector selector;
    private final ScheduledThreadPoolExecutor workers;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Set<TcpConnection> connections = new HashSet<>();
    /** Every worker thread made, to wait for them to end. */
    private final List<Thread> workerThreads = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final AtomicInteger workerNumber = new AtomicInteger();
    private volatile String threadPrefix = MeterPort.THREAD_PREFIX;
    private volatile boolean closing;
    /** How replies are held back and paced; set before {@link #start}. */
    private volatile ReplyPacing pacing = ReplyPacing.NONE;
    private Thread thread;
    /** Network failures, at most one line a second; selector thread only. */
    private final FailureLog failures;
    /** True while accepting pauses, until {@link #acceptAgainAt}; selector thread only. */
    private boolean acceptPaused;
    private long acceptAgainAt;

    /**
     * @param log where connection events and network failures go
     * @param workerCount threads for the meters' work (a meter is served by one at a time)
     * @throws IOException when no selector can be opened
     */
    public TcpHub(SimulatorLog log, int workerCount) throws IOException {
        this.log = log;
        this.failures = new FailureLog(log);
        // The JDK initialises sun.nio.ch.FileDispatcherImpl when a socket channel is first
        // closed, and that needs a file descriptor of its own: out of descriptors, it fails
        // for good (ExceptionInInitializerError, then NoClassDefFoundError) and killed the
        // selector thread. Closing a channel now initialises it while descriptors are free.
        SocketChannel.open().close();
        this.selector = Selector.open();
        this.workers = new ScheduledThreadPoolExecutor(workerCount, body -> {
            Thread t = new Thread(body, threadPrefix + "worker " + workerNumber.incrementAndGet());
            t.setDaemon(true);
            synchronized (workerThreads) {
                workerThreads.add(t);
            }
            return t;
        });
        // Parked bytes are not served once closing.
        workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** @return the pool the meters' lanes run on */
    public ScheduledExecutorService workers() {
        return workers;
    }

    /**
     * @param value how every connection's replies are held back and paced (before
     *            {@link #start}); their writes run on the workers, never blocking one
     */
    public void pace(ReplyPacing value) {
        pacing = value;
    }

    /**
     * Binds a port; its connections are accepted once the hub is started.
     *
     * @param address local address
     * @param port TCP port, 0 = any free port
     * @param route where the bytes read on the port's connections go
     * @return the address bound: the one asked, with the port
     * @throws IOException when the port cannot be opened (BindException when it is in use)
     */
    public InetSocketAddress listen(InetAddress address, int port, FrameRoute route)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(new InetSocketAddress(address, port), BACKLOG);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_ACCEPT, route);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        listeners.add(channel);
        // As asked: the channel reports 0.0.0.0 as :: (an IPv6 socket takes both).
        return new InetSocketAddress(address, channel.socket().getLocalPort());
    }

    /**
     * Starts the selector thread.
     *
     * @param prefix start of the names of the hub's threads, e.g. "simulator port 4061 "
     */
    public void start(String prefix) {
        threadPrefix = prefix;
        thread = new Thread(this::run, prefix + "selector");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closing) {
                try {
                    select();
                } catch (IOException | RuntimeException | Error e) { // NOPMD: never end here
                    if (closing || e instanceof ClosedSelectorException) {
                        break;
                    }
                    failures.report("network error", e);
                    pause(PAUSE_MILLIS);
                }
            }
        } finally {
            for (TcpConnection c : connections) {
                c.close();
            }
            connections.clear();
        }
    }

    /** One round: waits for events (or the end of an accept pause) and handles them. */
    private void select() throws IOException {
        long now = System.nanoTime();
        if (acceptPaused && now - acceptAgainAt >= 0) {
            acceptPaused = false;
            for (SelectionKey key : selector.keys()) {
                if (key.isValid() && key.channel() instanceof ServerSocketChannel) {
                    key.interestOps(SelectionKey.OP_ACCEPT);
                }
            }
        }
        if (acceptPaused) {
            selector.select(Math.max(1,
                    TimeUnit.NANOSECONDS.toMillis(acceptAgainAt - now)));
        } else {
            selector.select();
        }
        for (SelectionKey key : selector.selectedKeys()) {
            try {
                handle(key);
            } catch (RuntimeException | Error e) { // NOPMD: one connection, not every port
                failures.report("connection failed", e);
                if (key.attachment() instanceof TcpConnection) {
                    close((TcpConnection) key.attachment());
                }
            }
        }
        selector.selectedKeys().clear();
    }

    /**
     * Stops accepting on every port for {@link #PAUSE_MILLIS}: a connection that cannot be
     * accepted (out of file descriptors, say) stays in the backlog and would wake the selector
     * again at once, and the loop would spin, logging each time.
     */
    private void pauseAccepting() {
        acceptPaused = true;
        acceptAgainAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS);
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.channel() instanceof ServerSocketChannel) {
                key.interestOps(0);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel(), (FrameRoute) key.attachment());
            return;
        }
        TcpConnection connection = (TcpConnection) key.attachment();
        try {
            if (key.isWritable() && connection.flush()) {
                close(connection);
                return;
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (IOException e) {
            close(connection); // reset by the client, say
        }
    }

    private void accept(ServerSocketChannel listener, FrameRoute route) {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                if (channel == null) {
                    return;
                }
            } catch (IOException e) {
                // Out of file descriptors, say: tried again after a pause.
                failures.report("accepting a connection failed", e);
                pauseAccepting();
                return;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                TcpConnection connection = new TcpConnection(channel, key, route,
                        pacing.isNone() ? null : new PacedLine(pacing, workers, false));
                key.attach(connection);
                connections.add(connection);
                log.info("client connected: " + connection.peer());
            } catch (IOException e) {
                failures.report("accepting a connection failed", e);
                closeQuietly(channel);
            }
        }
    }

    private void read(TcpConnection connection) throws IOException {
        readBuffer.clear();
        int count = connection.channel().read(readBuffer);
        if (count < 0) {
            close(connection);
        } else if (count > 0 && !connection.isHungUp()) {
            byte[] data = new byte[count];
            readBuffer.flip();
            readBuffer.get(data);
            connection.route().received(connection, data);
        }
    }

    private void close(TcpConnection connection) {
        if (connection.close()) {
            connections.remove(connection);
            log.info("client disconnected: " + connection.peer());
        }
    }

    /** @return how the ports listen, e.g. "port 4061" or "ports 4061, 4062" */
    String describe() {
        StringJoiner ports = new StringJoiner(", ", listeners.size() == 1 ? "port " : "ports ", "");
        for (ServerSocketChannel l : listeners) {
            ports.add(String.valueOf(l.socket().getLocalPort()));
        }
        return ports.toString();
    }

    /**
     * Stops listening, closes every connection and waits for the hub's threads. Calling it
     * again does nothing.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (ServerSocketChannel l : listeners) {
            closeQuietly(l);
        }
        selector.wakeup();
        MeterTransport.join(thread);
        if (thread == null || !thread.isAlive()) {
            closeQuietly(selector);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        List<Thread> made;
        synchronized (workerThreads) {
            made = new ArrayList<>(workerThreads);
        }
        made.forEach(MeterTransport::join); // terminated, but maybe still leaving run()
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
