package dlms.xmlclient.wire.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gurux.io.Parity;
import gurux.io.StopBits;
import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void guruxSpellingIsRead() {
        assertEquals(new SerialSettings("/dev/ttyUSB0", 9600, 8, Parity.NONE, StopBits.ONE),
                SerialSettings.parse("/dev/ttyUSB0:9600:8None1"));
        assertEquals(new SerialSettings("COM1", 300, 7, Parity.EVEN, StopBits.ONE),
                SerialSettings.parse("COM1:300:7Even1"));
        assertEquals("COM3 9600 8N1", SerialSettings.parse("COM3").toString());
        assertEquals("19200 8N2", SerialSettings.parse("/dev/ttyS0:19200:8none2").line());
    }

    @Test
    void badPartsAreNamed() {
        assertEquals("baud rate 9601 is not one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse("COM1:9601:8None1")).getMessage());
        assertEquals("'8Nada1' is not DATABITS PARITY STOPBITS as in 8None1 or 7Even1",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse("COM1:9600:8Nada1")).getMessage());
        assertEquals("baud rate 'abc' is not a number",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse("/dev/x:abc:8None1")).getMessage());
        assertEquals("baud rate '' is not a number",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse("/dev/x::8None1")).getMessage());
        assertEquals("baud rate 99999999999 is not one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse("p:99999999999:8None1")).getMessage());
        assertEquals("no port name before the first ':'",
                assertThrows(IllegalArgumentException.class, () -> SerialSettings.parse(":9600:8None1")).getMessage());
    }

    @Test
    void theIecOpeningIsThreeHundredSevenEvenOne() {
        assertEquals("300 7E1", SerialSettings.parse("COM1:9600:8None1").iecOpening().line());
    }
}
