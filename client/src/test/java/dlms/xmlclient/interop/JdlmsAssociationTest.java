package dlms.xmlclient.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmuc.jdlms.settings.client.ReferencingMethod;

import gurux.dlms.GXReplyData;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.Security;
import gurux.dlms.objects.GXDLMSRegister;
import gurux.dlms.secure.GXDLMSSecureClient;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dlms.xmlclient.interop.JdlmsMeter.AUTHENTICATION_KEY;
import static dlms.xmlclient.interop.JdlmsMeter.BLOCK_CIPHER_KEY;
import static dlms.xmlclient.interop.JdlmsMeter.CLIENT_SYSTEM_TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client's association with jDLMS 1.7.1's server (WRAPPER, logical names) at each authentication
 * level the server offers: Low (client 17) and HLS5-GMAC with authenticated encryption (client 1);
 * the public client 16 without authentication is {@link JdlmsServerTest}. A wrong password is refused
 * as the standard says; everything else shows a jDLMS deviation, pinned here by the bytes jDLMS sends,
 * and the exact line our client prints about it.
 */
@Tag("integration")
class JdlmsAssociationTest {

    static final String SCRIPT = JdlmsServerTest.INTEROP + "messages/ln/03-energy.xml";
    static final String EXPECTED = JdlmsServerTest.INTEROP + "expected/ln";
    static final String HLS_GMAC = "-c 1 -a HighGMAC -C AuthenticationEncryption -T " + CLIENT_SYSTEM_TITLE
            + " -A " + AUTHENTICATION_KEY + " -B " + BLOCK_CIPHER_KEY;

    static JdlmsMeter meter;

    @TempDir
    Path out;

    @BeforeAll
    static void startTheMeter() throws Exception {
        meter = JdlmsMeter.start(JdlmsMeter.Framing.WRAPPER, ReferencingMethod.LOGICAL);
    }

    @AfterAll
    static void stopTheMeter() throws Exception {
        meter.close();
    }

    ClientRun run(String association) {
        List<String> args = new java.util.ArrayList<>(List.of(association.split(" ")));
        args.addAll(List.of("-x", SCRIPT, "-e", EXPECTED));
        return ClientRun.against(meter, out, args.toArray(String[]::new));
    }

    /** The first RX line of the trace (the AARE), without its time. */
    static String aare(ClientRun run) throws Exception {
        return run.trace().lines().filter(l -> l.contains(" RX ")).findFirst().orElse("(no RX)").substring(13);
    }

    @Test
    void aWrongPasswordIsRefusedAsTheStandardSays() throws Exception {
        ClientRun run = run("-c 17 -a Low -P wrongpw1");
        assertEquals(3, run.exitCode, run.toString());
        // rejected-permanent (1), acse-service-user authentication-failure (13)
        assertTrue(aare(run).contains(" A2 03 02 01 01 A3 05 A1 03 02 01 0D "), aare(run));
        assertTrue(run.line("03-energy.xml").contains(
                "no connection: association rejected by the meter: authentication-failure (13): wrong password (check -P)"),
                run.out);
    }

    /**
     * Low with the right password: jDLMS accepts the association but answers the application context
     * logical-name-with-ciphering (2.16.756.5.8.1.3) to our logical-name-without-ciphering
     * (2.16.756.5.8.1.1): its InitiateResponseBuilder defaults to context 3 and only the None and HLS
     * paths set the proposed one. The AARE's result is accepted (0), its diagnostic null (0).
     */
    @Test
    void lowIsAcceptedWithTheCipheredContextWeDidNotPropose() throws Exception {
        ClientRun run = run("-c 17 -a Low -P " + JdlmsMeter.PASSWORD);
        assertTrue(run.trace().contains(" 60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01"
                + " AC 0A 80 08 ** ** ** ** ** ** ** ** BE 10 "), run.trace());
        assertEquals("RX 00 01 00 01 00 11 00 2F 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 03 A2 03 02 01 00"
                + " A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D FF FF 00 07", aare(run));
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: the meter's AARE deviates from the standard: the AARE accepts"
                + " with application context logical-name-with-ciphering (3), the AARQ proposed logical-name (1);"
                + " --findings warn accepts it"), run.out);
        assertFalse(run.out.contains("rejected"), run.out);
    }

    /**
     * The Low client without authentication: jDLMS refuses every mechanism other than the client's
     * with authentication-failure (13), where the ACSE diagnostics have authentication-mechanism-name-
     * required (12) for an AARQ that names none.
     */
    @Test
    void noMechanismForTheLowClientIsCalledAnAuthenticationFailure() throws Exception {
        ClientRun run = run("-c 17 -a None");
        assertFalse(run.trace().contains(" 8B 07 "), "our AARQ names no mechanism");
        assertTrue(aare(run).contains(" A2 03 02 01 01 A3 05 A1 03 02 01 0D "), aare(run));
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: association rejected by the meter: authentication-failure (13),"
                + " but the AARQ proposed no authentication: client 17 needs another level (check -a and -c)"),
                run.out);
    }

    /**
     * Low for the public client, whose association has no authentication: again authentication-failure
     * (13) where the ACSE diagnostics have authentication-mechanism-name-not-recognised (11).
     */
    @Test
    void lowForThePublicClientIsCalledAnAuthenticationFailure() throws Exception {
        ClientRun run = run("-c 16 -a Low -P " + JdlmsMeter.PASSWORD);
        assertTrue(aare(run).contains(" A2 03 02 01 01 A3 05 A1 03 02 01 0D "), aare(run));
        // What the meter says is authentication-failure, so that is what is reported (jDLMS should say 11,
        // authentication-mechanism-name-not-recognised: docs/conformance.md).
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: association rejected by the meter: authentication-failure (13):"
                + " wrong password (check -P)"), run.out);
    }

    /**
     * A client address jDLMS does not know: it means to send a rejecting AARE but throws a
     * NullPointerException encoding it (no security suite for that client) and drops the connection.
     * Our client says what happened.
     */
    @Test
    void anUnknownClientGetsNoAareAtAll() throws Exception {
        int crashesBefore = meter.crashes().size();
        ClientRun run = run("-c 20 -a None");
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.line("03-energy.xml").contains(
                "no connection: AARQ failed: the meter at 127.0.0.1:" + meter.port() + " closed the connection"),
                run.out);
        assertFalse(run.trace().contains(" RX "), run.trace());
        List<String> crashes = meter.crashes();
        assertEquals(crashesBefore + 1, crashes.size(), crashes.toString());
        assertTrue(crashes.get(crashesBefore).startsWith("NullPointerException: "), crashes.toString());
    }

    /**
     * HLS5-GMAC: jDLMS accepts the AARQ with result 0 and diagnostic null (0), where HLS needs
     * acse-service-user authentication-required (14) to tell the client that passes 3 and 4 follow; the
     * AARE has its challenge (responding-authentication-value) and system title but neither
     * responder-ACSE-requirements nor the mechanism name. The client names both; strict by default,
     * so the association stops there. (Before issue 14 the client skipped pass 3 here, and jDLMS
     * refused the first Get with a D8 whose body it had ciphered: an exception-response has no
     * ciphered form.)
     */
    @Test
    void hlsGmacIsAcceptedWithoutAuthenticationRequiredOrAMechanismName() throws Exception {
        ClientRun run = run(HLS_GMAC);
        String trace = run.trace();
        // AARQ: LN with ciphering, our system title, mechanism 2.16.756.5.8.2.5, a 16-byte challenge,
        // glo-initiate-request
        assertTrue(trace.contains(" 60 5D A1 09 06 07 60 85 74 05 08 01 03 A6 0A 04 08 41 42 43 44 45 46 47 48"
                + " 8A 02 07 80 8B 07 60 85 74 05 08 02 05 AC 12 80 10 "), trace);
        String aare = aare(run);
        Matcher m = Pattern.compile("^RX 00 01 00 01 00 01 00 62 61 60 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 03"
                + " A2 03 02 01 00 A3 05 A1 03 02 01 00 A4 0A 04 08 ((?:\\w\\w ){8})AA 12 80 10 (?:\\w\\w ){16}"
                + "BE 23 04 21 28 1F 30 00 00 00 01 ").matcher(aare);
        assertTrue(m.find(), aare);
        assertEquals(JdlmsMeter.METER_SYSTEM_TITLE, m.group(1).replace(" ", ""));
        assertFalse(aare.contains(" 88 02 07 80 ") || aare.contains(" 89 07 60 85 74 05 08 02 05 "), aare);

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: the meter's AARE deviates from the standard: the AARE grants"
                + " high-level-security-GMAC (5) without naming the mechanism (no mechanism-name field) (and 1 more"
                + " in trace.txt); --findings warn accepts it"), run.out);
        assertTrue(trace.contains("finding: the AARE grants high-level-security-GMAC (5) with diagnostic null (0),"
                + " not authentication-required (14), which HLS requires before pass 3"), trace);
    }

    /**
     * The same AARE accepted as a known quirk: HLS pass 3 and 4 run all the same, jDLMS's answer to
     * our challenge verifies, and the ciphered script passes, with both findings as warnings.
     */
    @Test
    void withFindingsWarnHlsPassesThreeAndFourRunAndTheScriptPasses() throws Exception {
        ClientRun run = run(HLS_GMAC + " --findings warn");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.trace().contains("the meter's answer to our challenge verified"), run.trace());
        assertTrue(run.out.contains(" #1 warning: the AARE grants high-level-security-GMAC (5) with diagnostic null"
                + " (0), not authentication-required (14), which HLS requires before pass 3"), run.out);
    }

    /**
     * Not our client: gurux.dlms, the library under it, driven by hand over a WRAPPER socket, to show what
     * the TODO above depends on. Its flag for "passes 3 and 4 needed" is false after jDLMS's AARE
     * (diagnostic 0), which is why our client skips them; run anyway, pass 3 (glo-action-request,
     * reply_to_HLS_authentication) gets a pass-4 answer that verifies, and the ciphered Get that follows
     * is answered. jDLMS's HLS5-GMAC works; its AARE just does not say that it must be run.
     */
    @Test
    void hlsGmacPassesThreeAndFourWorkWhenRunAnyway() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", meter.port())) {
            socket.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            GXDLMSSecureClient client = new GXDLMSSecureClient(true, JdlmsMeter.GMAC_CLIENT, 1,
                    Authentication.HIGH_GMAC, null, InterfaceType.WRAPPER);
            client.getCiphering().setSecurity(Security.AUTHENTICATION_ENCRYPTION);
            client.getCiphering().setSystemTitle(JdlmsMeter.hex(CLIENT_SYSTEM_TITLE));
            client.getCiphering().setAuthenticationKey(JdlmsMeter.hex(AUTHENTICATION_KEY));
            client.getCiphering().setBlockCipherKey(JdlmsMeter.hex(BLOCK_CIPHER_KEY));

            GXReplyData reply = new GXReplyData();
            client.getData(exchange(in, out, client.aarqRequest()[0]), reply);
            client.parseAareResponse(reply.getData());
            assertFalse(client.getIsAuthenticationRequired(), "diagnostic 0: gurux.dlms sees no passes 3 and 4 to run");

            reply.clear();
            byte[] pass3 = client.getApplicationAssociationRequest()[0];
            assertEquals((byte) 0xCB, pass3[8], "glo-action-request");
            byte[] pass4 = exchange(in, out, pass3);
            assertEquals((byte) 0xCF, pass4[8], "glo-action-response");
            client.getData(pass4, reply);
            client.parseApplicationAssociationResponse(reply.getData()); // throws if the meter's answer does not verify

            reply.clear();
            client.getData(exchange(in, out, client.read(new GXDLMSRegister("1.0.1.8.0.255"), 2)[0]), reply);
            assertEquals(JdlmsMeter.A_PLUS, ((Number) reply.getValue()).longValue());
        }
    }

    /** Sends one WRAPPER frame and reads the one that answers it. */
    private static byte[] exchange(DataInputStream in, OutputStream out, byte[] frame) throws Exception {
        out.write(frame);
        out.flush();
        byte[] header = new byte[8];
        in.readFully(header);
        int length = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        byte[] whole = Arrays.copyOf(header, 8 + length);
        in.readFully(whole, 8, length);
        return whole;
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    /** AES-GCM with security control 30 (authenticated and encrypted), suite 0: IV = system title + counter. */
    static byte[] decipher(byte[] systemTitle, int invocationCounter, byte[] cipherTextAndTag) throws Exception {
        byte[] iv = ByteBuffer.allocate(12).put(systemTitle).putInt(invocationCounter).array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(JdlmsMeter.hex(BLOCK_CIPHER_KEY), "AES"),
                new GCMParameterSpec(96, iv));
        byte[] aad = ByteBuffer.allocate(17).put((byte) 0x30).put(JdlmsMeter.hex(AUTHENTICATION_KEY)).array();
        gcm.updateAAD(aad);
        return gcm.doFinal(Arrays.copyOf(cipherTextAndTag, cipherTextAndTag.length));
    }
}
