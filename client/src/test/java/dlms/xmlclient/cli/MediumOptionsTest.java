package dlms.xmlclient.cli;

import static dlms.xmlclient.cli.SecurityOptionsTest.error;
import static dlms.xmlclient.cli.SecurityOptionsTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.HdlcParameters;
import gurux.dlms.GXDLMSClient;
import gurux.dlms.enums.InterfaceType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serial, UDP, addressing and HDLC link flags: what they set, and one-line errors naming the flag. */
class MediumOptionsTest {

    @Test
    void serialPortWithModeE() throws Exception {
        ConnectionSettings s = settings(Map.of(), "-S", "/dev/ttyUSB0:9600:8None1", "-i");
        assertEquals("serial /dev/ttyUSB0 9600 8N1, IEC 62056-21 mode E", s.medium().describe());
        assertTrue(s.medium().modeE());
        assertEquals(InterfaceType.HDLC, s.interfaceType());
        assertTrue(s.medium().isSet());
    }

    @Test
    void serialErrorsNameTheFlag() {
        assertEquals("-S COM1:9601:8None1: baud rate 9601 is not one of 300, 600, 1200, 2400, 4800, 9600, 19200,"
                + " 38400, 57600, 115200 (expected PORT:BAUD:8None1)", error(Map.of(), "-S", "COM1:9601:8None1"));
        assertEquals("-i (the IEC 62056-21 sign-on) needs -S: it is a serial-port handshake", error(Map.of(), "-i"));
        assertEquals("-S COM1 and -h/-p: a meter is on a serial port or on the network, not both",
                error(Map.of(), "-S", "COM1", "-h", "meter", "-p", "4059"));
        assertEquals("-w: WRAPPER is for TCP and UDP; a serial port carries HDLC (leave out -w)",
                error(Map.of(), "-S", "COM1", "-w"));
        assertEquals("-U/--udp is for the network; -S COM1 is a serial port", error(Map.of(), "-S", "COM1", "-U"));
    }

    @Test
    void udpImpliesWrapper() throws Exception {
        ConnectionSettings s = settings(Map.of(), "-U", "-h", "10.0.0.7", "-p", "4059");
        assertEquals(InterfaceType.WRAPPER, s.interfaceType());
        assertEquals("udp 10.0.0.7:4059", s.medium().describe());
        assertEquals("-h meter needs -p, the meter's UDP port (DLMS/COSEM's registered port is 4059)",
                error(Map.of(), "-U", "-h", "meter"));
    }

    @Test
    void serverAddressFromLogicalAndPhysicalOrSerialNumber() throws Exception {
        assertEquals(1, settings(Map.of()).serverAddress());
        assertEquals(GXDLMSClient.getServerAddress(1, 17), settings(Map.of(), "-l", "1", "-s", "17").serverAddress());
        assertEquals(GXDLMSClient.getServerAddress(1, 6678), settings(Map.of(), "-l", "1", "-s", "6678").serverAddress());
        assertEquals(GXDLMSClient.getServerAddress(12345678), settings(Map.of(), "-n", "12345678").serverAddress());
        assertEquals(GXDLMSClient.getServerAddress(1, 6678), settings(Map.of(), "-n", "12345678").serverAddress());
        assertEquals(GXDLMSClient.getServerAddress(2, 6678, 4), settings(Map.of(), "-n", "12345678", "-l", "2")
                .serverAddress());
        assertEquals(3, settings(Map.of(), "-l", "3").serverAddress());
        assertEquals("tcp m:1 (HDLC, client 16, server 23062 (logical 1, physical 6678), None)",
                settings(Map.of(), "-n", "12345678", "-h", "m", "-p", "1").describeTarget());
    }

    @Test
    void addressConflictsAreNamed() {
        assertEquals("-n and -s both give the server address: use one (with -l, -s is the physical address)",
                error(Map.of(), "-n", "12345678", "-s", "1"));
        assertEquals("-n: WRAPPER addresses the logical device only (its wPort); physical addresses are HDLC's",
                error(Map.of(), "-w", "-n", "12345678"));
        assertEquals("-l with -s: WRAPPER addresses the logical device only (its wPort); physical addresses are"
                + " HDLC's", error(Map.of(), "-w", "-l", "1", "-s", "17"));
        assertEquals("-s 16384: must be between 1 and 16383", error(Map.of(), "-l", "1", "-s", "16384"));
        assertEquals("-l 0: must be between 1 and 16383", error(Map.of(), "-l", "0", "-n", "12345678"));
        assertEquals("-s 0: must be between 1 and 268435455", error(Map.of(), "-s", "0"));
        assertEquals("-s 70000: must be between 1 and 65535", error(Map.of(), "-w", "-s", "70000"));
    }

    @Test
    void hdlcParametersAreCheckedAndHdlcOnly() throws Exception {
        assertEquals(new HdlcParameters(7, 512), settings(Map.of(), "--window-size", "7", "--frame-size", "512").hdlc());
        assertEquals(HdlcParameters.DEFAULT, settings(Map.of()).hdlc());
        assertEquals("--window-size 8: must be between 1 and 7", error(Map.of(), "--window-size", "8"));
        assertEquals("--frame-size 20: must be between 32 and 2030", error(Map.of(), "--frame-size", "20"));
        assertEquals("--frame-size is an HDLC link parameter; WRAPPER has no such link",
                error(Map.of(), "-w", "--frame-size", "512"));
    }

    @Test
    void inactivityDefaultsToTheWaitTime() throws Exception {
        assertEquals(700, settings(Map.of(), "--wait-time", "700").limits().inactivityMillis());
        assertEquals(50, settings(Map.of(), "--wait-time", "700", "--inactivity", "50").limits().inactivityMillis());
        assertFalse(settings(Map.of()).medium().isSet(), "no -h and no -S: the built-in simulator");
    }
}
