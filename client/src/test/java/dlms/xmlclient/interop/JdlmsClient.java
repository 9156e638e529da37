package dlms.xmlclient.interop;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SecuritySuite.EncryptionMechanism;
import org.openmuc.jdlms.TcpConnectionBuilder;

import dlms.xmlclient.simulator.MeterSimulator;

/**
 * The simulator's clients as jDLMS plays them, with the sample files' credentials (see
 * {@link SampleCredentials}): public 16 without authentication, management 17 with Low, and 1
 * with HLS5-GMAC and authenticated encryption (security suite 0).
 */
enum JdlmsClient {

    PUBLIC(16),
    MANAGEMENT(17),
    CIPHERED(1);

    /**
     * The invocation counter (Data, double-long-unsigned) of client 1's security setup
     * 0.0.43.0.1.255, which the public client may read: the last frame counter the meter
     * accepted from client 1.
     */
    static final String CIPHERED_CLIENT_COUNTER = "0.0.43.1.1.255";
    private static final int DATA = 1;

    private final int sap;

    JdlmsClient(int sap) {
        this.sap = sap;
    }

    /** @return the client of that SAP */
    static JdlmsClient withSap(int sap) {
        for (JdlmsClient client : values()) {
            if (client.sap == sap) {
                return client;
            }
        }
        throw new IllegalArgumentException("no jDLMS client for SAP " + sap);
    }

    /** @return the client a sample script is written for ({@link SampleCredentials#clientOf}) */
    static JdlmsClient of(String script) {
        return withSap(SampleCredentials.clientOf(script));
    }

    /** Opens the association: HDLC (SNRM/UA) when the link needs it, AARQ/AARE, HLS pass 3/4. */
    JdlmsAssociation associate(MeterSimulator meter, JdlmsLink link)
            throws IOException {
        TcpConnectionBuilder builder = link.builder(meter).setClientId(sap);
        switch (this) {
        case MANAGEMENT:
            builder.setSecuritySuite(SecuritySuite.builder()
                    .setAuthenticationMechanism(AuthenticationMechanism.LOW)
                    .setPassword(SampleCredentials.lowPassword()).build());
            break;
        case CIPHERED:
            byte[] title = SampleCredentials.key("system-title");
            builder.setSystemTitle(new String(title, 0, 3, StandardCharsets.US_ASCII),
                    new BigInteger(1, Arrays.copyOfRange(title, 3, 8)).longValue());
            builder.setFrameCounter(lastAcceptedCounter(meter, link) + 1);
            builder.setSecuritySuite(SecuritySuite.builder()
                    .setAuthenticationMechanism(AuthenticationMechanism.HLS5_GMAC)
                    .setEncryptionMechanism(EncryptionMechanism.AES_GCM_128)
                    .setGlobalUnicastEncryptionKey(SampleCredentials.key("block-cipher-key"))
                    .setAuthenticationKey(SampleCredentials.key("authentication-key")).build());
            break;
        default:
            break;
        }
        return new JdlmsAssociation(builder.build());
    }

    /** Reads client 1's invocation counter through the public client, as a real client does. */
    private static long lastAcceptedCounter(MeterSimulator meter, JdlmsLink link)
            throws IOException {
        try (JdlmsAssociation association = PUBLIC.associate(meter, link)) {
            GetResult counter = association.connection().get(
                    new AttributeAddress(DATA, CIPHERED_CLIENT_COUNTER, 2));
            if (!counter.requestSuccessful()) {
                throw new IOException("reading " + CIPHERED_CLIENT_COUNTER + ": "
                        + counter.getResultCode());
            }
            long value = counter.getResultData().<Number>getValue().longValue();
            association.release();
            return value;
        }
    }

    @Override
    public String toString() {
        return "client " + sap;
    }
}
