package dlms.xmlclient.interop;

import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DataDirectory;
import org.openmuc.jdlms.DlmsServer;
import org.openmuc.jdlms.LogicalDevice;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.ServerBuilder;
import org.openmuc.jdlms.datatypes.DataObject;
import org.openmuc.jdlms.internal.association.Association;
import org.openmuc.jdlms.internal.transportlayer.server.ServerConnectionInformationImpl;
import org.openmuc.jdlms.sessionlayer.server.ServerSessionLayerFactories;
import org.openmuc.jdlms.sessionlayer.server.ServerSessionLayerFactory;
import org.openmuc.jdlms.settings.client.ReferencingMethod;
import org.openmuc.jdlms.settings.server.ServerSettings;
import org.openmuc.jdlms.transportlayer.StreamAccessor;
import org.openmuc.jdlms.transportlayer.server.ServerTransportLayer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A meter served by OpenMUC jDLMS 1.7.1's own server (its association, xDLMS, HDLC and WRAPPER code),
 * holding our COSEM objects, on an ephemeral port of 127.0.0.1.
 *
 * <p>jDLMS's TCP server ({@code DlmsServer.tcpServerBuilder}) binds every interface on a port given in
 * advance and does not tell which port it got, so this fixture supplies the transport itself: a
 * {@link ServerSocket} on the loopback interface, port 0, handing each accepted connection to
 * jDLMS's session layer (HDLC or WRAPPER) and jDLMS's {@link Association}, exactly as jDLMS's own TCP
 * layer does. Everything above the socket is jDLMS's.
 *
 * <p>Logical device 1 (the management logical device), associations by client address:
 * {@value #PUBLIC_CLIENT} no authentication, {@value #LOW_CLIENT} Low with {@link #PASSWORD},
 * {@value #GMAC_CLIENT} HLS5-GMAC with authenticated encryption (security suite 0) and the keys below.
 */
final class JdlmsMeter implements AutoCloseable {

    static final int PUBLIC_CLIENT = 16;
    static final int LOW_CLIENT = 17;
    static final int GMAC_CLIENT = 1;
    static final String PASSWORD = "jDLMSlow";

    static final String CLIENT_SYSTEM_TITLE = "4142434445464748";
    static final String AUTHENTICATION_KEY = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    static final String BLOCK_CIPHER_KEY = "000102030405060708090A0B0C0D0E0F";
    static final String MASTER_KEY = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF";
    /** jDLMS makes the system title from the manufacturer id and the device id: "OMC", 12345678. */
    static final String METER_SYSTEM_TITLE = "4F4D430000BC614E";

    static final String LOGICAL_DEVICE_NAME = "OMC-INTEROP-0001";
    static final String SERIAL_NUMBER = "87654321";
    static final long A_PLUS = 2_718_281L;
    /** 1.0.99.1.0.255: a day's first six hours, quarter-hourly. */
    static final int LOAD_PROFILE_ROWS = 24;
    /**
     * 1.0.99.2.0.255: minute values, more than one APDU of 65535 bytes (the largest our client accepts,
     * and the largest a WRAPPER frame carries) can hold: jDLMS must send them in data blocks.
     */
    static final int LONG_PROFILE_ROWS = 3200;

    enum Framing {
        WRAPPER, HDLC
    }

    private final DlmsServer server;
    private final LoopbackTransport transport;
    final Framing framing;
    final ReferencingMethod referencing;

    private JdlmsMeter(DlmsServer server, LoopbackTransport transport, Framing framing,
            ReferencingMethod referencing) {
        this.server = server;
        this.transport = transport;
        this.framing = framing;
        this.referencing = referencing;
    }

    static JdlmsMeter start(Framing framing, ReferencingMethod referencing) throws IOException {
        LogicalDevice device = new LogicalDevice(1, LOGICAL_DEVICE_NAME, "OMC", 12_345_678L);
        device.setMasterKey(hex(MASTER_KEY));
        device.addRestriction(PUBLIC_CLIENT, SecuritySuite.builder().build());
        device.addRestriction(LOW_CLIENT, SecuritySuite.builder()
                .setAuthenticationMechanism(AuthenticationMechanism.LOW)
                .setPassword(PASSWORD.getBytes(StandardCharsets.US_ASCII))
                .build());
        device.addRestriction(GMAC_CLIENT, SecuritySuite.builder()
                .setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                .setAuthenticationKey(hex(AUTHENTICATION_KEY))
                .setGlobalUnicastEncryptionKey(hex(BLOCK_CIPHER_KEY))
                .build());
        device.registerCosemObject(
                new JdlmsClock(),
                new JdlmsData(0x0100, "0.0.96.1.0.255",
                        DataObject.newOctetStringData(SERIAL_NUMBER.getBytes(StandardCharsets.US_ASCII))),
                new JdlmsRegister(0x0300, "1.0.1.8.0.255", A_PLUS, 0, 30),
                new JdlmsProfile(0x0400, "1.0.99.1.0.255", LOAD_PROFILE_ROWS, 96, 900),
                new JdlmsProfile(0x0600, "1.0.99.2.0.255", LONG_PROFILE_ROWS, LONG_PROFILE_ROWS, 60),
                new JdlmsDisconnectControl());

        ServerSessionLayerFactory sessions = framing == Framing.HDLC
                ? ServerSessionLayerFactories.newHdlcSessionLayerFactory()
                : ServerSessionLayerFactories.newWrapperSessionLayerFactory();
        Builder builder = new Builder(sessions).registerLogicalDevice(device).setReferencingMethod(referencing);
        DlmsServer server = builder.build();
        return new JdlmsMeter(server, builder.transport, framing, referencing);
    }

    int port() {
        return transport.socket.getLocalPort();
    }

    /** Connections accepted so far. */
    long connections() {
        return transport.connections.get();
    }

    /**
     * What escaped jDLMS's association threads so far (an exception there ends the connection without a
     * reply), oldest first, as "ExceptionClass: message at first jDLMS frame".
     */
    List<String> crashes() {
        List<String> crashes = new ArrayList<>();
        for (Throwable t : transport.crashes) {
            StackTraceElement at = Arrays.stream(t.getStackTrace())
                    .filter(f -> f.getClassName().startsWith("org.openmuc.jdlms"))
                    .findFirst().orElse(null);
            crashes.add(t.getClass().getSimpleName() + ": " + t.getMessage()
                    + (at == null ? "" : " at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1)
                            + "." + at.getMethodName()));
        }
        return crashes;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** jDLMS's server builder, with our loopback transport instead of its TCP layer. */
    private static final class Builder extends ServerBuilder<Builder> {

        private final ServerSessionLayerFactory sessions;
        private LoopbackTransport transport;

        Builder(ServerSessionLayerFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public DlmsServer build() throws IOException {
            DataDirectory directory = parseLogicalDevices();
            Settings settings = new Settings();
            setPropertiesTo(settings);
            transport = new LoopbackTransport(directory, settings, sessions);
            return newServer(transport);
        }

        private static final class Settings extends ServerSettingsImpl {
        }
    }

    /** A listening socket on 127.0.0.1, port 0, that runs each connection as a jDLMS association. */
    private static final class LoopbackTransport implements ServerTransportLayer {

        private final ServerSocket socket;
        private final DataDirectory directory;
        private final ServerSettings settings;
        private final ServerSessionLayerFactory sessions;
        private final ExecutorService associations = Executors.newCachedThreadPool(daemon("jdlms-association"));
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final AtomicLong connections = new AtomicLong();
        private final Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        private Thread acceptor;

        LoopbackTransport(DataDirectory directory, ServerSettings settings, ServerSessionLayerFactory sessions)
                throws IOException {
            this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            this.directory = directory;
            this.settings = settings;
            this.sessions = sessions;
        }

        @Override
        public void start() {
            acceptor = daemon("jdlms-accept").newThread(this::acceptAll);
            acceptor.start();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return; // closed
                }
                try {
                    open.add(client);
                    long id = connections.incrementAndGet();
                    Association association = new Association(directory,
                            sessions.newSesssionLayer(new SocketStreams(client), settings), id, settings,
                            new ConnectionInfo(client.getInetAddress()));
                    associations.execute(() -> {
                        try {
                            association.run();
                        } catch (RuntimeException | Error e) {
                            // jDLMS swallows I/O errors itself; what escapes is kept for the tests to name
                            crashes.add(e);
                        } finally {
                            open.remove(client);
                            closeQuietly(client);
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    open.remove(client);
                    closeQuietly(client);
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : List.copyOf(open)) {
                closeQuietly(s);
            }
            associations.shutdownNow();
            try {
                if (acceptor != null) {
                    acceptor.join(2000);
                }
                associations.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }

        private static java.util.concurrent.ThreadFactory daemon(String name) {
            return r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            };
        }
    }

    private static final class ConnectionInfo extends ServerConnectionInformationImpl {
        private final InetAddress client;

        ConnectionInfo(InetAddress client) {
            this.client = client;
        }

        @Override
        public InetAddress getClientInetAddress() {
            return client;
        }
    }

    private static final class SocketStreams implements StreamAccessor {
        private final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;

        SocketStreams(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = new DataOutputStream(socket.getOutputStream());
        }

        @Override
        public void setTimeout(int timeout) throws SocketException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public DataInputStream getInputStream() {
            return in;
        }

        @Override
        public DataOutputStream getOutpuStream() {
            return out;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
