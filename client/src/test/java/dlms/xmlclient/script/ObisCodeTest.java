package dlms.xmlclient.script;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObisCodeTest {

    @Test
    void everyWrittenFormGivesTheSameSixBytes() {
        for (String written : new String[] {"0100010800FF", "0100010800ff", "01 00 01 08 00 FF", "1.0.1.8.0.255",
                "1-0:1.8.0.255", "1-0:1.8.0*255", " 1.0.1.8.0.255 "}) {
            assertEquals(Optional.of("0100010800FF"), ObisCode.hex(written), written);
        }
    }

    @Test
    void anythingElseIsNoLogicalName() {
        for (String written : new String[] {"", "0100", "0100010800FF00", "1.0.1.8.0", "1.0.1.8.0.256", "1-0:1.8.0",
                "1.0.1.8.0.255.1", "clock", "0.0.1.0.0.FF"}) {
            assertEquals(Optional.empty(), ObisCode.hex(written), written);
        }
    }
}
