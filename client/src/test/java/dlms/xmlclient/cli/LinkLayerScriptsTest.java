package dlms.xmlclient.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link-layer scripts over a real loopback socket to the built-in simulator: frames sent as
 * written, replies judged as frames, every report carrying them like any other request.
 */
@Tag("integration")
class LinkLayerScriptsTest {

    @TempDir
    Path dir;

    @Test
    void theSampleLinkLayerSuitePassesAndEveryReportShowsItsFrames() throws Exception {
        CliRun run = CliRun.run(dir.resolve("out"), "-x", "messages/link-layer", "-e", "expected/link-layer");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("6 scripts: 6 passed, 0 failed, 0 not checked, 0 errors"), run.out);
        String frmr = Files.readString(run.replyFile("4-unknown-control-frmr.xml"));
        assertTrue(frmr.contains("<RawReply Frame=\"FRMR\" Information=\"33 00 01\" Value=\"7E A0 0C 21 03 97 "), frmr);
        assertTrue(frmr.contains("FRMR, from server 1 to client 16, final, rejected control field 0x33, V(S)=0, V(R)=0,"
                + " W: control field undefined or not implemented"), frmr);
        String tooLong = Files.readString(run.replyFile("5-too-long-refused.xml"));
        assertTrue(tooLong.contains("Y: information field too long"), tooLong);
        String ignored = Files.readString(run.replyFile("2-wrong-check-sequence-ignored.xml"));
        assertTrue(ignored.contains("<NoReply>") && ignored.contains("nothing within 500 ms"), ignored);
        assertTrue(run.trace().contains("TX 7E A0 07 03 21 93 0E 01 7E"), run.trace());
        String junit = Files.readString(dir.resolve("out/junit.xml"));
        assertTrue(junit.contains("<testcase name=\"Frame 0x33\" classname=\"4-unknown-control-frmr\""), junit);
        assertTrue(junit.contains("<testcase name=\"Frame SNRM wrong FCS\" classname=\"2-wrong-check-sequence"),
                junit);
        assertTrue(Files.readString(dir.resolve("out/report.html")).contains("FRMR"));
    }

    @Test
    void aMeterThatAnswersWhereItShouldNotFailsNamingWhatCame() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("ll"));
        Files.writeString(scripts.resolve("expects-ua.xml"), """
                <Messages>
                  <HdlcFrame Control="SNRM" Fcs="wrong" ReplyWithin="300" />
                  <RawReply Frame="UA" Information="*" Value="*" />
                  <HdlcFrame Control="SNRM" />
                  <NoReply />
                  <HdlcFrame Control="DISC" />
                  <RawReply Frame="DM" Information="" Value="7E A0 07 21 03 1F * * 7E" />
                </Messages>
                """);
        CliRun run = CliRun.run(dir.resolve("out"), "-c", "16", "-a", "None", "-x", scripts.toString());
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.contains("expects-ua.xml #1 /NoReply expected <RawReply> got <NoReply>"), run.out);
        assertTrue(run.out.contains("expects-ua.xml #2 /RawReply expected <NoReply> got <RawReply>"), run.out);
        assertTrue(run.out.contains("expects-ua.xml #3 /RawReply/@Frame expected DM got UA"), run.out);
        String replies = Files.readString(run.replyFile("expects-ua.xml"));
        assertTrue(replies.contains("nothing within 300 ms"), replies);
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("NoReply") && html.contains("RawReply"), html);
        // The link was up: DISC got UA, not the DM expected.
        assertTrue(Files.readString(dir.resolve("out/junit.xml")).contains("expected DM got UA"));
    }

    @Test
    void aLinkLayerScriptOverWrapperIsRefusedWithOneLine() {
        CliRun run = CliRun.run(dir.resolve("out"), "-w", "-x", "messages/link-layer/6-disc-dm.xml");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("6-disc-dm.xml: a link-layer script sends HDLC frames, and this run is WRAPPER"
                + " (-w): run it over HDLC"), run.out);
    }

    @Test
    void aFolderRunOverWrapperLeavesItsLinkLayerScriptsOutInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed-folder"));
        Files.copy(Path.of("messages/get-serial-number.xml"), folder.resolve("get-serial-number.xml"));
        Files.copy(Path.of("messages/link-layer/6-disc-dm.xml"), folder.resolve("6-disc-dm.xml"));
        CliRun run = CliRun.run(dir.resolve("out"), "-w", "-c", "16", "-a", "None", "-x", folder.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("1 link-layer script left out: they send HDLC frames and this run is WRAPPER (-w): "
                + folder.resolve("6-disc-dm.xml").toString().replace('\\', '/')), run.out);
        assertTrue(run.out.contains("1 scripts: 0 passed, 0 failed, 1 not checked, 0 errors"), run.out);
    }

    @Test
    void aDlmsRequestInALinkLayerScriptIsBadInputNamingItsLine() throws Exception {
        Path script = dir.resolve("mixed.xml");
        Files.writeString(script, """
                <Messages>
                  <HdlcFrame Control="SNRM" />
                  <GetRequest>
                    <GetRequestNormal>
                      <InvokeIdAndPriority Value="193" />
                      <AttributeDescriptor>
                        <ClassId Value="1" />
                        <InstanceId Value="0.0.96.1.0.255" />
                        <AttributeId Value="2" />
                      </AttributeDescriptor>
                    </GetRequestNormal>
                  </GetRequest>
                </Messages>
                """);
        CliRun run = CliRun.run(dir.resolve("out"), "-x", script.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("mixed.xml:3: a DLMS request in a link-layer script"), run.out);
    }
}
