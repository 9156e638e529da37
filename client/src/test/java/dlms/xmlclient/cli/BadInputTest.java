package dlms.xmlclient.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines and bad message files: one line naming the option or file:line, exit 2. */
@Tag("integration")
class BadInputTest {

    @TempDir
    Path out;
    @TempDir
    Path scripts;

    @Test
    void missingMessagesOptionIsAUsageError() {
        CliRun run = CliRun.run(out);
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: -x is required: the message file or folder to run (see --help)\n", run.err);
    }

    @Test
    void missingMessagesPathNamesThePath() {
        CliRun run = CliRun.run(out, "-x", "no/such/folder");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: -x no/such/folder: no such file or folder\n", run.err);
    }

    @Test
    void anExpectedFileGivenForTheFolderIsNamedAsAFile() {
        CliRun run = CliRun.run(out, "-x", "messages/get-serial-number.xml", "-e", "expected/get-serial-number.xml");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: -e expected/get-serial-number.xml: a file, not a folder (-e names the folder of"
                + " expected replies, laid out as -x)\n", run.err);
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CliRun run = CliRun.run(out, "-x", "messages", "--expceted", "expected");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: unknown option --expceted (did you mean --expected?) (see --help)\n", run.err);
    }

    @Test
    void highEcdsaIsNotOfferedAndIsRefusedWithItsReason() {
        CliRun help = CliRun.run(out, "--help");
        assertEquals(0, help.exitCode);
        assertTrue(!help.out.contains("ECDSA"), "--help offers only what runs: " + help.out);
        CliRun run = CliRun.run(out, "-a", "HighECDSA", "-x", "messages/get-serial-number.xml");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: -a HighECDSA is not supported: gurux.dlms 4.0.47 prints the private signing key on"
                + " standard output whenever it signs an HLS challenge\n", run.err);
    }

    @Test
    void badNumberNamesTheOption() {
        CliRun run = CliRun.run(out, "-c", "sixteen", "-x", "messages");
        assertEquals(2, run.exitCode);
        assertEquals("xmlclient: -c sixteen: not a whole number\n", run.err);
    }

    @Test
    void unknownAuthenticationNamesTheChoices() {
        CliRun run = CliRun.run(out, "-a", "Medium", "-x", "messages");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.startsWith("xmlclient: -a Medium: expected None, Low, High"), run.err);
    }

    @Test
    void hostWithoutPortIsAUsageError() {
        CliRun run = CliRun.run(out, "-h", "meter.local", "-x", "messages");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("-h meter.local needs -p"), run.err);
    }

    @Test
    void portWithoutHostIsAUsageError() {
        CliRun run = CliRun.run(out, "-p", "4061", "-x", "messages");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.startsWith("xmlclient: -p 4061 needs -h"), run.err);
    }

    @Test
    void brokenScriptIsReportedWithItsLineAndTheOthersStillRun() throws Exception {
        Files.copy(Path.of("messages/get-serial-number.xml"), scripts.resolve("a-good.xml"));
        Files.writeString(scripts.resolve("b-broken.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Messages>
                  <GetRequest>
                    <GetRequestNormal>
                  </GetRequest>
                </Messages>
                """);
        Files.writeString(scripts.resolve("c-unknown.xml"), """
                <Messages>
                  <GetRequest>
                    <GetRequestNormal>
                      <InvokeIdAndPriority Value="193" />
                      <AttributeDescriptor>
                        <ClassId Value="1" />
                        <InstanceId Value="0000600100FF" />
                        <AttributeId Value="2" />
                      </AttributeDescriptor>
                    </GetRequestNormal>
                  </GetRequest>
                  <FetchRequest Value="1" />
                </Messages>
                """);
        Files.copy(Path.of("messages/get-logical-device-name.xml"), scripts.resolve("d-good.xml"));

        CliRun run = CliRun.run(out, "-x", scripts.toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.matches("(?s).*\\[2/4] ERROR +\\S*b-broken.xml +bad input: b-broken.xml:4: not well-formed XML:"
                + " <GetRequestNormal> is not closed \\(found </GetRequest> on line 5\\)\n.*"), run.out);
        assertTrue(run.out.matches("(?s).*\\[3/4] ERROR +\\S*c-unknown.xml +bad input: c-unknown.xml:12: unknown element"
                + " <FetchRequest> \\(not a name the Gurux translator knows: check its spelling\\)\n.*"), run.out);
        assertTrue(run.out.matches("(?s).*\\[1/4] NOT CHECKED +\\S*a-good.xml .*"), run.out);
        assertTrue(run.out.matches("(?s).*\\[4/4] NOT CHECKED +\\S*d-good.xml .*"), run.out);
        assertEquals(1, run.replies("a-good.xml").size());
        assertEquals(1, run.replies("d-good.xml").size());
        assertFalse(Files.exists(run.replyFile("b-broken.xml")));
    }

    @Test
    void scriptWithByteOrderMarkLoads() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("messages/get-serial-number.xml"));
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(scripts.resolve("bom.xml"), withBom);
        CliRun run = CliRun.run(out, "-x", scripts.resolve("bom.xml").toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, run.replies("bom.xml").size());
    }

    @Test
    void anUnknownElementInsideARequestIsNamedWithItsLine() throws Exception {
        Files.writeString(scripts.resolve("typo.xml"), """
                <Messages>
                  <GetRequest>
                    <GetRequestNormal>
                      <InvokeIdAndPriority Value="193" />
                      <AttributeDescriptor>
                        <ClassID Value="1" />
                        <InstanceIdent Value="0000600100FF" />
                      </AttributeDescriptor>
                    </GetRequestNormal>
                  </GetRequest>
                </Messages>
                """);
        CliRun run = CliRun.run(out, "-x", scripts.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("bad input: typo.xml:7: unknown element <InstanceIdent> (not a name the Gurux"
                + " translator knows: check its spelling)"), run.out);
    }

    @Test
    void anUnreadableScriptIsAnErrorNotSkipped() throws Exception {
        Files.copy(Path.of("messages/get-serial-number.xml"), scripts.resolve("a-good.xml"));
        Files.createSymbolicLink(scripts.resolve("b-gone.xml"), scripts.resolve("moved-away.xml"));
        CliRun run = CliRun.run(out, "-x", scripts.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.matches("(?s).*\\[2/2] ERROR +\\S*b-gone.xml +bad input: b-gone.xml: no such file\n.*"), run.out);
        assertEquals(1, run.replies("a-good.xml").size());
    }

    @Test
    void aRequestTheTranslatorCannotEncodeIsNamedAndTheOthersRun() throws Exception {
        Files.copy(Path.of("messages/get-serial-number.xml"), scripts.resolve("a-good.xml"));
        Files.writeString(scripts.resolve("b-bad-value.xml"), Files.readString(Path.of("messages/get-serial-number.xml"))
                .replace("<InvokeIdAndPriority Value=\"193\" />", "<InvokeIdAndPriority Value=\"high\" />"));
        CliRun run = CliRun.run(out, "-x", scripts.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("bad input: b-bad-value.xml:7: <InvokeIdAndPriority Value=\"high\"/>: not a whole"
                + " number; expected 0..255\n"), run.out);
        assertEquals(1, run.replies("a-good.xml").size());
    }
}
