package dlms.xmlclient.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dlms.xmlclient.cli.TranslateRun.GET_CLOCK_PDU;
import static dlms.xmlclient.cli.TranslateRun.assertOneLineError;
import static dlms.xmlclient.cli.TranslateRun.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslateCommandTest {

    /** The example: GetRequest of 0.0.42.0.0.255 (logical device name) attribute 2. */
    private static final String SEED =
            "7E A0 19 03 21 32 6F D8 E6 E6 00 C0 01 C1 00 01 00 00 2A 00 00 FF 02 00 12 80 7E";
    /** The meter's answer to a Get of 0.0.1.0.0.255: an octet string (addresses 16 and 1 swapped). */
    private static final String RESPONSE =
            "7E A0 18 21 03 30 C6 41 E6 E7 00 C4 01 C1 00 09 06 00 00 01 00 00 FF 86 18 7E";
    /** A SetRequest of 70 bytes that a client with MaxInfoTX 40 sent in three segments (A8 = segmented). */
    private static final String[] SEGMENTS = {
        "7E A8 2E 03 21 10 8C 9B E6 E6 00 C1 01 C1 00 01 00 00 60 01 00 FF 02 00 09 46 00 01 02 03 04 05 06 07"
                + " 08 09 0A 0B 0C 0D 0E 0F 10 11 12 55 BE 7E",
        "7E A8 31 03 21 12 C6 C9 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 20 21 22 23 24 25 26 27 28 29 2A 2B 2C"
                + " 2D 2E 2F 30 31 32 33 34 35 36 37 38 39 3A B2 24 7E",
        "7E A0 14 03 21 14 D4 17 3B 3C 3D 3E 3F 40 41 42 43 44 45 E0 94 7E"};

    private static String[] words(String hex) {
        return hex.split(" ");
    }

    @Test
    void seedFrameDecodesToTheGetRequestOfItsPdu() {
        TranslateRun run = translate(words(SEED));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        // Our heading says what the request asks for; the translator's comments stay.
        assertEquals("""
                <!-- Get Data 0.0.42.0.0.255 attribute 2 (value) - COSEM Logical device name -->
                <GetRequest>
                  <GetRequestNormal>
                    <!-- Priority: HIGH ServiceClass: CONFIRMED InvokeID: 1 -->
                    <InvokeIdAndPriority Value="193" />
                    <AttributeDescriptor>
                      <!-- DATA -->
                      <ClassId Value="1" />
                      <!-- 0.0.42.0.0.255 -->
                      <InstanceId Value="00002A0000FF" />
                      <AttributeId Value="2" />
                    </AttributeDescriptor>
                  </GetRequestNormal>
                </GetRequest>
                """, run.out());
    }

    @Test
    void hexAsManyWordsOneStringNoSpacesOrSeparatorsGivesTheSameOutput() {
        String expected = translate(words(SEED)).out();
        assertTrue(expected.contains("<InstanceId Value=\"00002A0000FF\" />"), expected);
        assertEquals(expected, translate(SEED).out());
        assertEquals(expected, translate(SEED.replace(" ", "")).out());
        assertEquals(expected, translate(SEED.replace(" ", ":")).out());
        assertEquals(expected, translate(SEED.replace(" ", "-")).out());
        assertEquals(expected, translate(words("0x" + SEED.replace(" ", " 0x"))).out());
    }

    @Test
    void aWithListReplyKeepsItsErrorItemsAndAnActionListReplyIsDecoded() {
        // C4 03: data octet-string "12", data-access-result object-undefined (4)
        TranslateRun get = translate(words("C4 03 C1 02 00 09 02 31 32 01 04"));
        assertEquals(0, get.exitCode(), get.toString());
        assertTrue(get.out().contains("<OctetString Value=\"3132\" />")
                && get.out().contains("<DataAccessError Value=\"UndefinedObject\" />"), get.out());
        // C7 03: success, then object-undefined, neither with return parameters
        TranslateRun action = translate(words("C7 03 C1 02 00 00 04 00"));
        assertEquals(0, action.exitCode(), action.toString());
        assertTrue(action.out().contains("<ActionResponseWithList>")
                && action.out().contains("<Result Value=\"UndefinedObject\" />"), action.out());
    }

    @Test
    void barePduDecodesWithoutFraming() {
        TranslateRun run = translate(words(GET_CLOCK_PDU));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("<!-- Get Clock 0.0.1.0.0.255 attribute 2 (time) - Clock object -->\n<GetRequest>\n"),
                run.out());
        assertTrue(run.out().contains("<ClassId Value=\"8\" />"), run.out());
        assertTrue(run.out().contains("<!-- 0.0.1.0.0.255 -->\n"), run.out());
        assertTrue(run.out().contains("<InstanceId Value=\"0000010000FF\" />"), run.out());
    }

    @Test
    void wrapperFrameDecodesToItsPdu() {
        // version 1, source wPort 16, destination wPort 1, 13 bytes of PDU
        TranslateRun run = translate(words("00 01 00 10 00 01 00 0D " + GET_CLOCK_PDU));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(translate(words(GET_CLOCK_PDU)).out(), run.out());
    }

    @Test
    void truncatedWrapperFrameIsBadInput() {
        TranslateRun run = translate(words("00 01 00 10 00 01 00 0E " + GET_CLOCK_PDU));
        assertOneLineError(run, "frame 1: truncated: the WRAPPER header gives 14 PDU bytes, only 13 follow");
    }

    @Test
    void twoHdlcFramesArePrintedEachAfterACommentWithItsHex() {
        TranslateRun separateFlags = translate(words(SEED + " " + RESPONSE));
        assertEquals(0, separateFlags.exitCode(), separateFlags.toString());
        String out = separateFlags.out();
        assertTrue(out.startsWith("<!-- frame 1: " + SEED + " -->\n<!-- Get Data 0.0.42.0.0.255 attribute 2 (value) - COSEM Logical device name -->\n<GetRequest>\n"), out);
        assertTrue(out.contains("</GetRequest>\n\n<!-- frame 2: " + RESPONSE + " -->\n<GetResponse>\n"), out);
        assertTrue(out.contains("<OctetString Value=\"0000010000FF\" />"), out);
        assertTrue(out.endsWith("</GetResponse>\n"), out);
        // Frames that share the flag between them split the same way.
        TranslateRun sharedFlag = translate(SEED.substring(0, SEED.length() - 3), RESPONSE);
        assertEquals(out, sharedFlag.out());
    }

    @Test
    void aReplyValueReadsInIsoNeverInTheLocaleOfTheMachine() {
        // C4 GetResponse-normal with a clock value: the translator's comment would be "12/4/26, 4:35:59 PM".
        TranslateRun run = translate(words("C4 01 C1 00 09 0C 07 EA 0C 04 05 10 23 3B 00 FF C4 80"));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("<OctetString Value=\"07EA0C040510233B00FFC480\" />"
                + " <!-- = 2026-12-04T16:35:59+01:00, status daylight saving active -->"), run.out());
        assertFalse(run.out().contains("PM"), run.out());
    }

    @Test
    void frameOptionShowsHdlcAddressesAndFrameType() {
        TranslateRun run = translate("--frame", SEED);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("<!-- Get Data 0.0.42.0.0.255 attribute 2 (value) - COSEM Logical device name -->\n<HDLC "), run.out());
        assertTrue(run.out().contains("<TargetAddress Value=\"1\" />\n<SourceAddress Value=\"16\" />\n"), run.out());
        assertTrue(run.out().contains("<FrameType Value=\"32\" />\n<PDU>\n<GetRequest>"), run.out());
        assertTrue(run.out().endsWith("</PDU>\n</HDLC>\n"), run.out());
    }

    @Test
    void anAareInTheFirstIFrameIsNamedAareNotAarqAndItsProtocolVersionShownOnce() {
        // gurux.dlms 4.0.47 names I-frames by their control byte (0x10 "AARQ frame") and writes an
        // AARE's protocol-version twice. This AARE comes in N(S)=0 N(R)=0: a meter that never advances N(R).
        String aare = "7E A0 3B 23 03 10 E2 7F E6 E7 00 61 2D 80 02 07 80 A1 09 06 07 60 85 74 05 08 01 01 A2 03"
                + " 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 10 1D 04 00 00 07 D8 52 7E";
        TranslateRun run = translate(("--frame " + aare).split(" "));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("<!-- I-frame N(S)=0 N(R)=0, poll/final: AARE -->"), run.out());
        assertFalse(run.out().contains("AARQ"), run.out());
        assertEquals(1, run.out().split("<ProtocolVersion ", -1).length - 1, run.out());
        assertEquals("", run.err());
    }

    @Test
    void bytesAfterADataBlockAreReportedUnderThePduAndOnStderr() {
        TranslateRun run = translate(words("C4 02 C1 00 00 00 00 01 00 03 01 02 03 07 07 07 07 07 07 07 07 07 07 07 07 07 07"));
        assertEquals(0, run.exitCode(), run.toString());
        String finding = "encoding finding: GetResponse-with-datablock: 14 bytes after its end, from byte 13:"
                + " 07 07 07 07 07 07 07 07 …";
        assertTrue(run.out().endsWith("<!-- " + finding + " -->\n"), run.out());
        assertEquals("xmlclient translate: " + finding + "\n", run.err());
    }

    @Test
    void aMissingOptionalFieldByteIsReported() {
        TranslateRun run = translate(words("C7 01 C1 03"));
        assertEquals("xmlclient translate: encoding finding: ActionResponse-normal: the return-parameters flag after"
                + " the action-result (00 absent, 01 present) is missing: the APDU ends at byte 4\n", run.err());
    }

    @Test
    void frameOptionOnABarePduIsBadInput() {
        assertOneLineError(translate("--frame", GET_CLOCK_PDU),
                "--frame needs HDLC or WRAPPER frames; this input is a bare PDU");
    }

    @Test
    void linkFramesPrintWhatTheTranslatorGives() {
        assertEquals("<Snrm>\n</Snrm>\n", translate(words("7E A0 07 03 21 93 0F 01 7E")).out());
        TranslateRun rr = translate(words("7E A0 07 03 21 31 17 87 7E"));
        assertEquals(0, rr.exitCode(), rr.toString());
        assertEquals("<!-- RR frame: no PDU -->\n", rr.out());
    }

    @Test
    void nonHexTokenIsNamed() {
        assertOneLineError(translate("7E", "A0", "1G", "03"), "'1G' is not hex");
    }

    @Test
    void oddLengthOrEmptyInputIsBadInput() {
        assertOneLineError(translate("7E", "A01"), "'A01' has an odd number of hex digits");
        assertOneLineError(translate(), "no hex given (see --help)");
        assertOneLineError(translate(" "), "no hex given (see --help)");
    }

    @Test
    void badFcsIsOneLineNamingTheFrame() {
        String badSecond = RESPONSE.replace("86 18 7E", "86 19 7E");
        assertOneLineError(translate(SEED, badSecond), "frame 2: bad FCS: the frame has 86 19, its bytes give 86 18");
    }

    @Test
    void badHcsIsOneLineNamingTheFrame() {
        assertOneLineError(translate(SEED.replace("6F D8", "6F D9")),
                "frame 1: bad HCS: the frame has 6F D9, its bytes give 6F D8");
    }

    @Test
    void truncatedFrameIsOneLineNamingTheFrame() {
        String cut = SEED.substring(0, SEED.length() - "12 80 7E".length()).strip();
        assertOneLineError(translate(cut),
                "frame 1: truncated: the frame format gives 25 bytes between the flags, only 23 follow the"
                        + " opening flag");
    }

    @Test
    void undecodablePduInAGoodFrameIsBadInput() {
        // Right length and check sequences, but the GetRequest stops after its class id.
        TranslateRun run = translate(words("7E A0 11 03 21 10 A7 3F E6 E6 00 C0 01 C1 00 08 BD 97 7E"));
        assertOneLineError(run, "frame 1: the PDU cannot be decoded (truncated, or not an xDLMS APDU)");
    }

    @Test
    void segmentedHdlcFramesAreJoinedIntoOnePdu() {
        TranslateRun run = translate(SEGMENTS);
        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("<!-- frame 1: " + SEGMENTS[0] + " -->\n<!-- segment: the PDU goes on"), out);
        assertTrue(out.contains("<!-- last segment: the whole PDU of frames 1 to 3 -->\n<!-- Set Data 0.0.96.1.0.255"
                + " attribute 2 (value) - Device ID 1, manufacturing number -->\n<SetRequest>"), out);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            value.append(String.format("%02X", i));
        }
        assertTrue(out.contains("<OctetString Value=\"" + value + "\" />"), out);
    }

    @Test
    void segmentedPduWithoutItsLastSegmentIsBadInput() {
        TranslateRun run = translate(SEGMENTS[0], SEGMENTS[1]);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("xmlclient translate: frame 1: starts a segmented PDU whose last segment"),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void helpShowsBothFormsAndAnExample() {
        TranslateRun run = translate("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("xmlclient translate [--frame] HEX..."), run.out());
        assertTrue(run.out().contains("xmlclient translate --to-hex FILE.xml"), run.out());
        assertTrue(run.out().contains(SEED), run.out());
    }

    @Test
    void unknownOptionIsBadInput() {
        assertOneLineError(translate("--frames", SEED), "Unrecognized option: --frames (see --help)");
    }

    @Test
    void theMainCommandHandsTranslateItsArguments() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream sink = new java.io.PrintStream(new java.io.ByteArrayOutputStream());
        String[] args = ("translate " + SEED).split(" ");
        int code = XmlClientCommand.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), sink);
        org.junit.jupiter.api.Assertions.assertEquals(ExitCode.OK, code);
        org.junit.jupiter.api.Assertions.assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("<InstanceId Value=\"00002A0000FF\" />"));
    }
}
