package dlms.xmlclient.simulator;

import dlms.xmlclient.simulator.faults.MeterFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import dlms.xmlclient.simulator.cli.SimulatorMain;
import dlms.xmlclient.simulator.device.Associations;
import dlms.xmlclient.simulator.device.DefaultDevice;
import dlms.xmlclient.simulator.device.DeviceFile;
import dlms.xmlclient.wire.line.PtyPair;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.ObjectType;

@Tag("integration")
class SimulatorMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return SimulatorMain.run(args, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDocumentsOptionsAssociationsAddressesAndObjects() {
        assertEquals(0, run("--help"));
        String help = out();
        for (String expected : new String[] {"--port", "--bind", "--wrapper", "--device",
            "--save-device", "--trace", "0.0.40.0.1.255", "0.0.40.0.2.255", "00000000",
            "0.0.40.0.3.255", "0.0.40.0.4.255", "0.0.40.0.5.255", "0.0.40.0.6.255",
            "0.0.40.0.7.255", "HighGMAC", "HighMD5", "HighSHA1", "HighSHA256", "Gurux",
            "0.0.43.0.1.255", "0.0.43.1.1.255", "0.0.43.1.e.255",
            "000102030405060708090A0B0C0D0E0F", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF", "4752583132333435", "4142434445464748",
            "invocation-counter", "D8 01 06", "D8 01 05", "deciphering-error",
            "application-context-name-not-supported", "127.0.0.1", "0.0.0.0",
            "Logical device 1", "--serial", "--mode-e", "--udp", "--referencing",
            "--serial-number", "--any-server-address", "--iec-baud", "--echo", "6678",
            "--latency", "--baud", "--wait-time",
            "-l 1 -s 6678", "-n 12345678", "/GRX5\\2XMLSIM", "0xFA00", "0x00A8", "FA08",
            "0x0308",
            "0.0.1.0.0.255", "1.0.99.1.0.255", "2026-01-01T00:00:00Z", "control_mode 2",
            "SIM0000000000001", "12345678"}) {
            assertTrue(help.contains(expected), "help mentions " + expected);
        }
        assertEquals("", err());
    }

    @Test
    void unknownOptionExitsWithTwoAndOneLineNamingIt() {
        assertEquals(2, run("--bogus"));
        assertOneErrorLineContaining("bogus");
    }

    @Test
    void badPortExitsWithTwoAndNamesTheOption() {
        assertEquals(2, run("-p", "http"));
        assertOneErrorLineContaining("--port");
    }

    @Test
    void badLatencyExitsWithTwoAndNamesTheOption() {
        for (String bad : new String[] {"-5", "60001", "200:x", "fast", "200:"}) {
            outBytes.reset();
            errBytes.reset();
            assertEquals(2, run("--latency=" + bad), bad);
            assertOneErrorLineContaining("--latency");
        }
    }

    @Test
    void theStartLineNamesTheLatencyAndTheLineSpeed() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-p", "0", "--latency", "200:50",
                "--baud", "9600")), "simulator main");
        runner.start();
        try {
            assertEquals("200 ms ± 50, 9600 baud", awaitStartLine("; latency (.*?)[;)]"));
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void badBaudExitsWithTwoAndNamesTheOption() {
        for (String bad : new String[] {"299", "115201", "9k6"}) {
            outBytes.reset();
            errBytes.reset();
            assertEquals(2, run("--baud", bad), bad);
            assertOneErrorLineContaining("--baud");
        }
    }

    @Test
    void badTraceLevelExitsWithTwoAndNamesTheOption() {
        assertEquals(2, run("-t", "Loud"));
        assertOneErrorLineContaining("--trace");
    }

    @Test
    void badBindAddressExitsWithTwoAndNamesTheOption() {
        assertEquals(2, run("-b", "::::"));
        assertOneErrorLineContaining("--bind");
    }

    @Test
    void bindAddressOfAnotherMachineExitsWithThree() {
        // 192.0.2.99 (TEST-NET-1) is no address of this machine.
        assertEquals(3, run("-p", "0", "--bind", "192.0.2.99"));
        assertOneErrorLineContaining("192.0.2.99");
    }

    @Test
    void bindOptionListensThereAndTheStartLineSaysSo() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-p", "0", "-b", "0.0.0.0")),
                "simulator main");
        runner.start();
        int port = awaitPort();
        try {
            assertTrue(out().contains("(0.0.0.0, HDLC, LN"), out());
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(probe.isConnected());
            }
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void unreadableDeviceFileExitsWithTwoAndNamesTheFile() {
        Path missing = dir.resolve("missing.xml");
        assertEquals(2, run("-p", "0", "-x", missing.toString()));
        assertOneErrorLineContaining(missing.toString());
    }

    @Test
    void saveDeviceWritesAFileThatLoadsBack() throws Exception {
        Path file = dir.resolve("device.xml");
        assertEquals(0, run("--save-device", file.toString()));
        assertTrue(Files.size(file) > 0);
        assertEquals(DefaultDevice.create().size(), DeviceFile.load(file).size());
    }

    @Test
    void runPrintsTheStartLineAndServesUntilInterrupted() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-p", "0")), "simulator main");
        runner.start();
        int port = awaitPort();
        assertTrue(out().startsWith("Simulator listening on port " + port
                + " (127.0.0.1, HDLC, LN and SN, server address 1 / physical 6678 / serial number"
                + " 12345678, clients 1 HighGMAC ciphered"
                + " / 2 HighMD5 ciphered / 3 HighSHA1 ciphered / 4 HighSHA256 ciphered"
                + " / 16 public / 17 Low / 18 High; secrets and keys: see --help)"), out());
        assertFalse(out().contains("00000000"), "no password in the start line");
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(probe.isConnected());
        }
        runner.interrupt();
        runner.join(10_000);
        assertEquals(0, exit.get());
        assertEquals(List.of(), LifecycleTest.portThreads(port));
    }

    @Test
    void wrapperOptionServesWrapperFrames() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("--port", "0", "--wrapper")),
                "simulator main");
        runner.start();
        int port = awaitPort();
        assertTrue(out().contains(", WRAPPER, LN"), out());
        try (TestClient client = TestClient.connect(port, true, 16, Authentication.NONE, null)
                .associate()) {
            assertEquals(0, client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2).getError());
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-S /dev/x:12345 | -S/--serial: baud rate 12345 is not one of",
        "-S /dev/x:9600:9None1 | -S/--serial: '9None1' is not DATABITS PARITY STOPBITS",
        "-i | -i/--mode-e needs a serial port (-S/--serial)",
        "-U -i | -i/--mode-e needs a serial port (-S/--serial)",
        "-S /dev/x -w | -S/--serial carries HDLC only: not with -w/--wrapper or -U/--udp",
        "-S /dev/x -U | -S/--serial carries HDLC only: not with -w/--wrapper or -U/--udp",
        "-S /dev/x --echo | --echo applies to the mode E handshake: it needs -i/--mode-e",
        "-S /dev/x --iec-baud 5 | --iec-baud applies to the mode E handshake",
        "-S /dev/x -i --iec-baud 55 | --iec-baud needs one character",
        "-S /dev/x -p 0 | -p/--port does not apply to a serial port (-S/--serial)",
        "-S /dev/x -b 0.0.0.0 | -b/--bind does not apply to a serial port (-S/--serial)",
        "-r xx | -r/--referencing must be ln, sn or both, not 'xx'",
        "--serial-number abc | --serial-number needs a number 0..2147483647, not 'abc'",
        "--serial-number 2147483648 | --serial-number needs a number"})
    void badTransportOptionsExitWithTwoAndOneLineNamingTheFlag(String args,
            String message) {
        assertEquals(2, run(args.trim().split(" ")));
        assertOneErrorLineContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--fault bogus | --fault: no fault 'bogus': one of silent, snrm-only, reject-association,"
            + " drop-connection, bad-crc, wrong-address, wrong-invoke-id, truncated,"
            + " endless-blocks, exception-response, wrong-access-rights, service-error, gbt-lost-block",
        "--fault | fault",
        "-w --fault bad-crc | --fault bad-crc is an HDLC fault: not with -w/--wrapper",
        "-U --fault snrm-only | --fault snrm-only is an HDLC fault: not with -U/--udp",
        "-U --fault drop-connection | --fault drop-connection closes a TCP connection: not with"
            + " -U/--udp",
        "-S /dev/x --fault drop-connection | --fault drop-connection closes a TCP connection:"
            + " not with -S/--serial",
        "--any-server-address --fault wrong-address | --fault wrong-address and"
            + " --any-server-address both set the source of the replies"})
    void badFaultOptionsExitWithTwoAndOneLineNamingTheFlags(String args,
            String message) {
        assertEquals(2, run(args.trim().split(" ")));
        assertOneErrorLineContaining(message);
    }

    @Test
    void helpDocumentsEveryFaultAndTheDefaultSilenceToUnknownClients() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("--fault <NAME>"), out());
        String faults = out().substring(out().indexOf("Faults (--fault NAME)"));
        for (MeterFault fault : MeterFault.values()) {
            assertTrue(faults.contains("\n    " + fault.optionName() + " "),
                    "help documents " + fault.optionName());
        }
        assertTrue(faults.contains("unknown\n  client address"), faults);
    }

    @Test
    void faultIsInTheStartLineWhateverTheCaseOfItsName() throws Exception {
        Thread runner = new Thread(() -> run("-p", "0", "--fault", "Bad-CRC"), "simulator main");
        runner.start();
        try {
            awaitPort();
            assertTrue(out().contains(" / 18 High; fault bad-crc; secrets and keys: see --help)"),
                    out());
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
    }

    @Test
    void missingSerialPortExitsWithThreeNamingThePort() {
        assertEquals(3, run("-S", dir.resolve("tty").toString()));
        assertOneErrorLineContaining("serial port " + dir.resolve("tty"));
    }

    @Test
    void udpOptionServesWrapperDatagramsAndTheStartLineSaysSo() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(run("-p", "0", "-U")), "simulator main");
        runner.start();
        int port = Integer.parseInt(awaitStartLine("listening on UDP port (\\d+)"));
        try {
            assertTrue(out().startsWith("Simulator listening on UDP port " + port
                    + " (127.0.0.1, WRAPPER, LN and SN, server address 1 / serial number 12345678,"
                    + " clients 1 HighGMAC ciphered"), out());
            try (TestClient client = TestClient.udp(port, Associations.PUBLIC_CLIENT)
                    .associate()) {
                assertEquals("12345678", client.read(DefaultDevice.SERIAL, ObjectType.DATA, 2)
                        .getValue());
            }
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        assertEquals(0, exit.get());
    }

    @Test
    void shortNamesSerialNumberAndAnyAddressAreInTheStartLine() throws Exception {
        Thread runner = new Thread(() -> run("-p", "0", "-r", "sn", "--serial-number",
                "87654321", "--any-server-address"), "simulator main");
        runner.start();
        try {
            awaitPort();
            assertTrue(out().contains("(127.0.0.1, HDLC, SN, server address any (answers as 1)"
                    + " / physical 5321 / serial number 87654321, clients 16 public / 17 Low;"),
                    out());
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
    }

    @Test
    void serialModeEStartLineNamesThePortAndTheOpeningSettings() throws Exception {
        try (PtyPair pair = PtyPair.startOrSkip()) {
            AtomicInteger exit = new AtomicInteger(-1);
            Thread runner = new Thread(() -> exit.set(run("-S", pair.a() + ":9600:8None1",
                    "-i")), "simulator main");
            runner.start();
            try {
                awaitStartLine("(listening on serial)");
                assertTrue(out().startsWith("Simulator listening on serial " + pair.a()
                        + " 300 7E1 (HDLC, mode E, LN and SN, server address 1 / physical 6678 /"
                        + " serial number 12345678, clients 1 HighGMAC"), out());
            } finally {
                runner.interrupt();
                runner.join(10_000);
            }
            assertEquals(0, exit.get());
        }
    }

    private int awaitPort() throws InterruptedException {
        return Integer.parseInt(awaitStartLine("listening on port (\\d+)"));
    }

    /** @return the first group of {@code regex} once the output has it */
    private String awaitStartLine(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i != 100; ++i) {
            Matcher m = pattern.matcher(out());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no start line: " + out() + err());
    }

    private void assertOneErrorLineContaining(String text) {
        String[] lines = err().split("\\R");
        assertEquals(1, lines.length, err());
        assertTrue(lines[0].contains(text), lines[0]);
        assertEquals("", out());
    }
}
