package dlms.xmlclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlms.xmlclient.wire.line.PtyPair;
import dlms.xmlclient.wire.line.SerialSettings;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client on a serial port: the simulator on one end of a socat pty pair, the client on the
 * other, as a user makes a virtual serial port. Everything above gurux.serial runs for real:
 * HDLC over a byte stream, the mode-E sign-on with its rate switch, echo and timeouts.
 */
@Tag("integration")
class SerialTest {

    @TempDir
    Path out;
    private PtyPair pty;

    @BeforeEach
    void startPty() throws Exception {
        pty = PtyPair.startOrSkip();
    }

    @AfterEach
    void stopPty() {
        if (pty != null) {
            pty.close();
        }
    }

    private MeterSimulator meter(SimulatorOptions options) throws Exception {
        return MeterSimulator.start(options.serial(SerialSettings.parse(pty.a() + ":9600:8None1")));
    }

    @Test
    void hdlcScriptsRunOverAVirtualSerialPort() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions())) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-x", "messages/clock", "-e", "expected/clock");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out.contains("3 scripts: 3 passed"), run.out);
            String trace = run.trace();
            assertTrue(trace.contains("trying it as a plain terminal device"), trace);
            assertTrue(trace.contains("TX 7E A0"), trace);
        }
    }

    @Test
    void modeESignOnSwitchesToTheProposedRateThenRunsHdlc() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions().modeE(true))) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-i", "-x", "messages/energy/a-plus.xml",
                    "-e", "expected/energy");
            assertEquals(0, run.exitCode, run.toString());
            String trace = run.trace();
            assertTrue(trace.contains("IEC 62056-21 sign-on at 300 7E1"), trace);
            assertTrue(trace.contains("meter identification /GRX5\\2XMLSIM\\r\\n: manufacturer GRX, proposes 9600 baud"), trace);
            assertTrue(trace.contains("switched to 9600 8N1 for HDLC (mode E)"), trace);
            assertTrue(trace.indexOf("TX 2F 3F 21 0D 0A") < trace.indexOf("TX 7E A0"), "sign-on before the SNRM");
        }
    }

    @Test
    void everyScriptSignsOnAgain() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions().modeE(true))) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-i", "-x", "messages/energy", "-e", "expected/energy");
            assertEquals(0, run.exitCode, run.toString());
            assertEquals(4, run.trace().split("IEC 62056-21 sign-on at", -1).length - 1);
        }
    }

    @Test
    void anEchoingOpticalHeadIsHandled() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions().modeE(true).echo(true))) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-i", "-x", "messages/clock/1-read.xml",
                    "-e", "expected/clock");
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.trace().contains("the optical head echoes what we send"), run.trace());
        }
    }

    @Test
    void anUnknownBaudCharacterIsAConnectionErrorNamingIt() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions().modeE(true).iecBaud('Z'))) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-i", "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("no connection: IEC 62056-21 sign-on: unknown baud rate character 'Z' in the"
                    + " identification /GRXZ\\2XMLSIM\\r\\n (mode E knows 0-6: 300-19200 baud)"), run.out);
        }
    }

    @Test
    void aMeterWithoutModeEIsATimeoutOfTheSignOn() throws Exception {
        try (MeterSimulator meter = meter(new SimulatorOptions())) {
            CliRun run = CliRun.run(out, "-S", pty.b() + ":9600:8None1", "-i", "--wait-time", "500",
                    "-x", "messages/clock/1-read.xml");
            assertEquals(3, run.exitCode, run.toString());
            assertTrue(run.out.contains("IEC 62056-21 sign-on: no identification from the meter within 500 ms"), run.out);
        }
    }

    @Test
    void aMissingPortIsOneLine() {
        CliRun run = CliRun.run(out, "-S", "/dev/no-such-tty:9600:8None1", "-x", "messages/clock/1-read.xml");
        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.contains("no connection: serial port /dev/no-such-tty: no such device"), run.out);
    }
}
