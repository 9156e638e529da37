package dlms.xmlclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UA's HDLC parameters, judged against IEC 62056-46 and the client's proposal. */
class UaParametersTest {

    private static List<String> judge(String hex) {
        return UaParameters.findings(HexFormat.of().parseHex(hex.replace(" ", "")), HdlcParameters.DEFAULT);
    }

    @Test
    void theDefaultsAnsweredAsTheSimulatorAnswersAreRight() {
        assertEquals(List.of(), judge("81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01"));
    }

    @Test
    void aUaWithoutParametersKeepsTheDefaults() {
        assertEquals(List.of(), judge(""));
    }

    @Test
    void aWindowOfZeroIsNamed() {
        assertEquals(List.of("UA: window size transmit is 0; IEC 62056-46 allows 1 to 7"),
                judge("81 80 12 05 01 80 06 01 80 07 04 00 00 00 00 08 04 00 00 00 01"));
    }

    @Test
    void anInformationFieldOf65535BytesIsNamed() {
        assertEquals(List.of("UA: maximum information field length receive is 65535 bytes; IEC 62056-46 allows"
                        + " 32 to 2030"),
                judge("81 80 13 05 01 80 06 02 FF FF 07 04 00 00 00 01 08 04 00 00 00 01"));
    }

    @Test
    void moreThanTheClientProposedIsNamed() {
        assertEquals(List.of("UA: maximum information field length transmit is 256 bytes, more than the 128 the"
                        + " client proposed (receive); a meter may only lower a proposal",
                        "UA: window size receive is 3, more than the 1 the client proposed (transmit); a meter may"
                                + " only lower a proposal"),
                judge("81 80 13 05 02 01 00 06 01 80 07 04 00 00 00 01 08 04 00 00 00 03"));
    }

    @Test
    void aGroupLengthThatDisagreesWithTheParametersIsNamed() {
        assertEquals(List.of("UA: its parameter group says 20 bytes, 18 follow"),
                judge("81 80 14 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01"));
    }
}
