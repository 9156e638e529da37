package dlms.xmlclient.cli;

import dlms.xmlclient.broker.Dlms2AmpqReply;
import dlms.xmlclient.broker.Dlms2AmpqRequest;
import dlms.xmlclient.broker.ProfileRows;
import dlms.xmlclient.run.RunListener;
import dlms.xmlclient.run.RunLauncher;
import dlms.xmlclient.run.RunPlan;
import dlms.xmlclient.run.RunRequest;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.script.ObisCode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A DLMS2AMPQ READ request answered: the meter of its ConnectionString (the Gurux reader's
 * flags, see {@link ReaderFlags}) associated with as any script's meter, its profile's capture
 * objects read, then its buffer by range (attribute 2, range_descriptor on the clock column,
 * dtFrom..dtTo in UTC), and the rows returned as DataRecords. Any failure is a notok reply
 * with the reason in one line.
 */
final class Dlms2AmpqRead {

    private final Path workDir;
    private final Map<String, String> env;

    Dlms2AmpqRead(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = env;
    }

    Dlms2AmpqReply answer(Dlms2AmpqRequest request) {
        try {
            return Dlms2AmpqReply.ok(request.msgId(), read(request));
        } catch (UsageException | IllegalArgumentException e) {
            return Dlms2AmpqReply.notOk(request.msgId(), e.getMessage());
        }
    }

    private List<Dlms2AmpqReply.Record> read(Dlms2AmpqRequest request) throws UsageException {
        if (!request.cmd().equalsIgnoreCase("READ")) {
            throw new UsageException("Cmd " + request.cmd() + " is not supported: only READ");
        }
        String obis = ObisCode.hex(request.obisCode()).orElseThrow(() -> new UsageException("ObisCode "
                + request.obisCode() + ": expected " + ObisCode.FORMS));
        OffsetDateTime from = time("dtFrom", request.from());
        OffsetDateTime to = time("dtTo", request.to());
        FlagValues flags = flags(request.connectionString());
        Path dir = workDir.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("read.xml");
            Files.writeString(file, script(obis, from, to), StandardCharsets.UTF_8);
            List<ScriptSource> scripts = new ScriptSettings(env).apply(List.of(new ScriptSource(file, "read.xml")),
                    flags);
            ScriptOutcome[] outcome = new ScriptOutcome[1];
            RunListener capture = new RunListener() {
                @Override
                public void scriptFinished(ScriptOutcome o) {
                    outcome[0] = o;
                }
            };
            RunLauncher.launch(RunRequest.of(new RunPlan(scripts, dir, null, false, true, false), List.of(capture)));
            ScriptOutcome o = outcome[0];
            if (o == null || o.status() != ScriptOutcome.Status.COMPLETED) {
                throw new UsageException(o == null ? "the read did not run" : o.error());
            }
            List<StepReply> replies = o.replies();
            return ProfileRows.records(replies.get(1).replyXml(), ProfileRows.columns(replies.get(0).replyXml()));
        } catch (IOException e) {
            throw new UsageException("cannot write the read's files in " + dir + ": " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    /** The ConnectionString as our flags: a medium and the association, nothing else. */
    private static FlagValues flags(String connectionString) throws UsageException {
        List<String> tokens = ReaderFlags.translate(FolderOptions.tokens(connectionString, "ConnectionString: "));
        CommandLine line;
        try {
            line = new DefaultParser().parse(ClientOptions.definitions(), tokens.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException("ConnectionString: " + UsageErrors.of(e));
        }
        if (!line.hasOption(ClientOptions.HOST) && !line.hasOption(ClientOptions.SERIAL)) {
            throw new UsageException("ConnectionString: -h HOST -p PORT or -S PORT:BAUD:8None1 is required");
        }
        return FlagValues.of(line, "ConnectionString: ");
    }

    private static OffsetDateTime time(String field, String text) throws UsageException {
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(field + " " + text + ": expected an ISO date-time with its offset, e.g."
                    + " 2022-08-17T18:01:57.9123297+03:00");
        }
    }

    /** Capture objects (attribute 3), then the buffer (attribute 2) by range on the clock column. */
    static String script(String obis, OffsetDateTime from, OffsetDateTime to) {
        return "<Messages>\n"
                + "  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"7\" /><InstanceId Value=\"" + obis + "\" /><AttributeId Value=\"3\" />"
                + "</AttributeDescriptor></GetRequestNormal></GetRequest>\n"
                + "  <GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"7\" /><InstanceId Value=\"" + obis + "\" /><AttributeId Value=\"2\" />"
                + "</AttributeDescriptor><AccessSelection><AccessSelector Value=\"1\" /><AccessParameters>"
                + "<Structure Qty=\"4\"><Structure Qty=\"4\"><UInt16 Value=\"8\" />"
                + "<OctetString Value=\"0000010000FF\" /><Int8 Value=\"2\" /><UInt16 Value=\"0\" /></Structure>"
                + "<OctetString Value=\"" + cosem(from) + "\" /><OctetString Value=\"" + cosem(to) + "\" />"
                + "<Array Qty=\"0\"></Array></Structure></AccessParameters></AccessSelection>"
                + "</GetRequestNormal></GetRequest>\n"
                + "</Messages>\n";
    }

    /** A COSEM date-time in UTC, deviation 0, hundredths from the fraction. */
    private static String cosem(OffsetDateTime time) {
        OffsetDateTime t = time.withOffsetSameInstant(ZoneOffset.UTC);
        return String.format("%04X%02X%02X%02X%02X%02X%02X%02X%04X%02X", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getDayOfWeek().getValue(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 10_000_000, 0, 0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover folder of one read; the next read uses another.
        }
    }
}
