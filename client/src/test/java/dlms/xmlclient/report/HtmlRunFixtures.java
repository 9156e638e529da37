package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptOutcome.Status;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.media.Medium;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FindingPolicy;
import dlms.xmlclient.session.HdlcParameters;
import dlms.xmlclient.session.ReplyLimits;
import dlms.xmlclient.session.SecuritySettings;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Hand-built outcomes of a run for the HTML report's tests (and for a sample page). */
final class HtmlRunFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07.890Z"), ZoneOffset.UTC);
    static final String TARGET = "built-in simulator 127.0.0.1:40129 (HDLC)";
    static final String INJECTED = "<script>alert(1)</script>";
    static final String DATA = "/GetResponse/GetResponseNormal/Result/Data";
    static final ConnectionSettings METER = new ConnectionSettings(Medium.tcp("127.0.0.1", 40129), InterfaceType.HDLC,
            true, 17, 1, Authentication.LOW, "Secret-Pw-123", SecuritySettings.NONE, HdlcParameters.DEFAULT, ReplyLimits.DEFAULT, FindingPolicy.FAIL);
    static final Instant SENT = Instant.parse("2025-03-04T05:06:00Z");

    private HtmlRunFixtures() {
    }

    // ---- the run: PASS, FAIL, NOT CHECKED, ERROR (no connection), ERROR (bad input) ----

    static List<ScriptOutcome> sampleRun() {
        return List.of(passed(), failed(), notChecked(), noConnection(), badInput());
    }

    static String get(int attribute) {
        return """
                <GetRequest>
                  <GetRequestNormal>
                    <InvokeIdAndPriority Value="193" />
                    <AttributeDescriptor>
                      <ClassId Value="8" />
                      <!-- 0.0.1.0.0.255 -->
                      <InstanceId Value="0000010000FF" />
                      <AttributeId Value="%d" />
                    </AttributeDescriptor>
                  </GetRequestNormal>
                </GetRequest>""".formatted(attribute);
    }

    static String response(String data) {
        return "<GetResponse><GetResponseNormal><InvokeIdAndPriority Value=\"193\" /><Result><Data>" + data
                + "</Data></Result></GetResponseNormal></GetResponse>";
    }

    static Step step(int number, int line, String requestXml) {
        return new Step(number, line, null, requestXml, null, 0, 0);
    }

    static ScriptSource source(String path) {
        return new ScriptSource(Path.of(path), path.substring("messages/".length()), METER);
    }

    static ScriptOutcome outcome(ScriptSource source, Status status, List<RequestResult> results, String error,
                                 long millis, String trace) {
        Script script = new Script(source.file(), source.relativePath(),
                results.stream().map(RequestResult::step).toList());
        return new ScriptOutcome(source, script, status, results, error, millis, trace);
    }

    static RequestResult answered(Step step, String replyXml, long millis, Check check) {
        return new RequestResult(step, new StepReply(step, replyXml, SENT, millis), check);
    }

    static ScriptOutcome passed() {
        Step s1 = step(1, 5, get(2));
        Step s2 = step(2, 17, get(3));
        String time = response("<OctetString Value=\"07E903040206060000800000\" />");
        String zone = response("<Int16 Value=\"60\" />");
        return outcome(source("messages/get-clock.xml"), Status.COMPLETED, List.of(
                answered(s1, time, 12, Check.compared(time, List.of())),
                answered(s2, zone, 7, Check.compared(zone, List.of()))), null, 31, """
                15:37:40.057 TX 7E A0 07 03 23 93 BF 32 7E
                15:37:40.061 RX 7E A0 1E 23 03 73 7B CF 81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 7E
                15:37:40.065 -- HDLC link up: max info TX 128, RX 128, window TX 1, RX 1
                """);
    }

    static ScriptOutcome failed() {
        Step s1 = step(1, 5, get(2));
        Step s2 = step(2, 17, get(3));
        String first = response("<UInt32 Value=\"1234\" />");
        String reply = response("<Structure Qty=\"3\"><UInt8 Value=\"5\" /><UInt8 Value=\"7\" />"
                + "<OctetString Value=\"&lt;script&gt;alert(1)&lt;/script&gt;\" /></Structure>");
        String expected = response("<Structure Qty=\"4\"><UInt8 Value=\"5\" /><UInt8 Value=\"5\" />"
                + "<OctetString Value=\"*\" /><UInt16 Value=\"9\" /></Structure>");
        List<Difference> differences = List.of(
                new Difference(DATA + "/Structure/UInt8[2]/@Value", "5", "7"),
                new Difference(DATA + "/Structure/UInt16", "<UInt16>", "nothing"));
        return outcome(source("messages/energy/a-plus.xml"), Status.COMPLETED, List.of(
                answered(s1, first, 9, Check.compared(first, List.of())),
                answered(s2, reply, 14, Check.compared(expected, differences))), null, 44,
                "15:37:41.100 TX 7E A0 19 03 23 32 8C 4E E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 3B 91 7E\n"
                        + "15:37:41.104 RX 7E A0 1C 23 03 52 F4 52 E6 E7 00 C4 01 C1 00 02 03 11 05 11 07 7E\n");
    }

    static ScriptOutcome notChecked() {
        Step s1 = step(1, 4, get(2));
        Step s2 = step(2, 9, "<Snrm />");
        Step s3 = step(3, 12, get(3));
        String serial = response("<OctetString Value=\"3132333435\" />");
        return outcome(source("messages/get-serial-number.xml"), Status.COMPLETED, List.of(
                answered(s1, serial, 6, Check.notChecked(false)),
                answered(s2, null, 0, Check.notChecked(false)),
                answered(s3, "<GetResponse>" + INJECTED, 5, Check.notChecked(false))), null, 20,
                "15:37:42.000 TX 7E A0 07 03 23 93 BF 32 7E\n");
    }

    static ScriptOutcome noConnection() {
        Step s1 = step(1, 5, get(2));
        Step s2 = step(2, 14, "<SetRequest><SetRequestNormal /></SetRequest>");
        String why = "cannot connect to 127.0.0.1:1: connection refused " + INJECTED;
        return outcome(source("messages/set-clock.xml"), Status.NO_CONNECTION, List.of(
                new RequestResult(s1, null, Check.error(null, why)),
                new RequestResult(s2, null, Check.error(null, "not sent: the script stopped at request #1"))),
                why, 154, "15:37:43.000 -- cannot connect to 127.0.0.1:1\n");
    }

    static ScriptOutcome badInput() {
        return new ScriptOutcome(new ScriptSource(Path.of("messages/broken.xml"), "broken.xml", METER), null,
                Status.BAD_INPUT, List.of(), "line 3: <Foo A='1' B=\"2\"> is not a request\u0007", 2, "");
    }

    /** A whole load profile: 672 rows of 4 values, 2700 lines of XML. */
    static String loadProfile(int rows) {
        StringBuilder data = new StringBuilder("<Array Qty=\"" + rows + "\">");
        for (int i = 0; i < rows; i++) {
            data.append("<Structure Qty=\"3\"><OctetString Value=\"07E90304020606000080000").append(i % 10)
                    .append("\" /><UInt8 Value=\"0\" /><UInt32 Value=\"").append(1000 + i).append("\" /></Structure>");
        }
        return response(data.append("</Array>").toString());
    }

    static ScriptOutcome longReply(List<Difference> differences) {
        Step s1 = step(1, 5, get(2));
        String reply = loadProfile(672);
        Check check = differences.isEmpty() ? Check.notChecked(false) : Check.compared(reply, differences);
        return outcome(source("messages/load-profile/whole.xml"), Status.COMPLETED,
                List.of(answered(s1, reply, 50, check)), null, 61, "");
    }
}
