package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlms.xmlclient.media.Medium;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;

import org.junit.jupiter.api.Test;

/**
 * Why {@link GuruxHdlcCounters} exists: gurux.dlms 4.0.47 numbers its next I-frame one above the
 * numbers of the frame it sent last, as if every frame of its own got one frame back. After four
 * I-frames of the meter that the library never saw (general-block-transfer blocks taken off by
 * the session), its next Get acknowledges one of them.
 */
class GuruxHdlcCountersTest {

    private static ScriptClient client() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(Medium.tcp("meter", 4059), InterfaceType.HDLC, true,
                16, 1, Authentication.NONE, null, SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT,
                FindingPolicy.FAIL, 0);
        ScriptClient client = new ScriptClient(settings);
        client.snrmRequest();
        byte[] first = client.read("0.0.40.0.0.255", ObjectType.ASSOCIATION_LOGICAL_NAME, 2)[0];
        assertEquals(0x10, first[5] & 0xFF, "the first Get: N(R)=0, poll, N(S)=0");
        return client;
    }

    private static int nextGetControl(ScriptClient client) throws Exception {
        return client.read("0.0.40.0.0.255", ObjectType.ASSOCIATION_LOGICAL_NAME, 2)[0][5] & 0xFF;
    }

    @Test
    void leftAloneTheLibraryAcknowledgesOneFrameWhereTheMeterSentFour() throws Exception {
        // 32: N(R)=1, poll, N(S)=1; the meter's I-frames 0..3 came, so it expects N(R)=4.
        assertEquals(0x32, nextGetControl(client()));
    }

    @Test
    void setFromTheSessionsNumbersTheLibraryAcknowledgesAllFour() throws Exception {
        ScriptClient client = client();
        GuruxHdlcCounters.continueClient(client.getHdlcSettings(), 1, 4);
        // 92: N(R)=4, poll, N(S)=1.
        assertEquals(0x92, nextGetControl(client));
    }
}
