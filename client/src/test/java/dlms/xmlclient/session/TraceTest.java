package dlms.xmlclient.session;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceTest {

    @Test
    void framesCarryingThePasswordAreMaskedInTheTrace() {
        StringWriter file = new StringWriter();
        Trace trace = new Trace(new PrintWriter(file), null);
        trace.mask("00000000".getBytes(StandardCharsets.US_ASCII));
        byte[] aarq = {(byte) 0xAC, 0x0A, (byte) 0x80, 0x08, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, (byte) 0xBE};
        trace.sent(aarq);
        trace.flush();
        String line = file.toString();
        assertFalse(line.contains("30 30 30 30 30 30 30 30"), line);
        assertTrue(line.contains("TX AC 0A 80 08 ** ** ** ** ** ** ** ** BE"), line);
    }
}
