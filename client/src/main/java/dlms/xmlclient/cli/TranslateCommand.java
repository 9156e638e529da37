package dlms.xmlclient.cli;

import dlms.xmlclient.cli.HexFrames.BadInput;
import dlms.xmlclient.cli.HexFrames.Framing;
import dlms.xmlclient.decode.ElementXml;
import dlms.xmlclient.script.LineNumberedXml;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.session.AcseApdu;
import dlms.xmlclient.session.ApduAssembler;
import dlms.xmlclient.session.EncodingCheck;
import dlms.xmlclient.session.TranslatorXml;
import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSTranslator;
import gurux.dlms.GXDLMSXmlClient;
import gurux.dlms.GXDLMSXmlPdu;
import gurux.dlms.TranslatorOutputType;
import gurux.dlms.enums.Command;
import gurux.dlms.enums.InterfaceType;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code xmlclient translate}: captured HDLC/WRAPPER frames or a bare PDU in hex to the Gurux
 * simple XML that message files use, and ({@code --to-hex}) a message file back to PDUs in hex.
 * Never calls System.exit.
 */
public final class TranslateCommand {

    static final String NAME = "translate";

    private static final String PREFIX = "xmlclient translate: ";
    private static final String FRAME = "frame";
    private static final String TO_HEX = "to-hex";
    private static final String HELP = "help";
    private static final String USAGE = """
            Usage: xmlclient translate [--frame] HEX...
                   xmlclient translate --to-hex FILE.xml

            Prints captured DLMS traffic as the XML that message files use: HDLC frames (7E ... 7E),
            WRAPPER frames (00 01 ...), several back to back, or one bare xDLMS PDU. Hex may be pasted
            as many words, one word, or with ':' '-' separators.
              --frame          show the whole frame (HDLC addresses, frame type), not only the PDU
              --to-hex FILE    print the PDU of each message in FILE as hex, one line per message
              --help           show this help

            Example:
              xmlclient translate 7E A0 19 03 21 32 6F D8 E6 E6 00 C0 01 C1 00 01 00 00 2A 00 00 FF 02 00 12 80 7E
            """;
    /** HDLC link frames that a message file may hold: they have no PDU to print. */
    private static final Set<Integer> LINK_FRAMES =
            Set.of(Command.SNRM, Command.UA, Command.DISCONNECT_REQUEST, Command.DISCONNECT_MODE);
    /** Parent of the Gurux loggers: the translator logs SEVERE on stderr before it throws. */
    private static final Logger GURUX_LOG = Logger.getLogger("gurux.dlms");
    /** The translator's own frame comment (SNRM, UA, S, U, AARQ, AARE, I frame). */
    private static final Pattern GURUX_FRAME_COMMENT = Pattern.compile("<!-- [A-Za-z]+ frame\\. -->");

    private TranslateCommand() {
    }

    /** @param args the arguments after the word {@code translate} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            err.println(PREFIX + e.getMessage() + " (see --help)");
            return ExitCode.BAD_INPUT;
        }
        if (line.hasOption(HELP)) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        Level level = GURUX_LOG.getLevel();
        GURUX_LOG.setLevel(Level.OFF);
        try {
            List<String> warnings = new ArrayList<>();
            String text = line.hasOption(TO_HEX) ? toHex(line, err)
                    : translate(line.getArgList(), line.hasOption(FRAME), warnings);
            out.print(text);
            warnings.forEach(w -> err.println(PREFIX + w));
            return ExitCode.OK;
        } catch (BadInput e) {
            // --to-hex reports every bad message, one line each.
            e.getMessage().lines().forEach(l -> err.println(PREFIX + l));
            return ExitCode.BAD_INPUT;
        } finally {
            GURUX_LOG.setLevel(level);
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt(FRAME).desc("show the whole frame, not only the PDU").build());
        o.addOption(Option.builder().longOpt(TO_HEX).hasArg().argName("FILE")
                .desc("print each message's PDU in hex").build());
        o.addOption(Option.builder().longOpt(HELP).desc("show this help").build());
        return o;
    }

    // ---- hex to XML

    private static String translate(List<String> hexArgs, boolean wholeFrame, List<String> warnings)
            throws BadInput {
        byte[] data = HexFrames.parse(hexArgs);
        Framing framing = HexFrames.framing(data);
        if (framing == Framing.PDU) {
            if (wholeFrame) {
                throw new BadInput("--frame needs HDLC or WRAPPER frames; this input is a bare PDU");
            }
            String xml;
            try {
                Optional<String> list = TranslatorXml.listReply(data);
                xml = lines(list.isPresent() ? list.get() : TranslatorXml.corrected(translator(true).pduToXml(data), data));
            } catch (RuntimeException e) {
                throw new BadInput("the PDU cannot be decoded (truncated, or not an xDLMS APDU)" + why(data));
            }
            return TranslatedPdu.decoded(wellFormed(xml, "")) + findings(EncodingCheck.ofApdu(data), "", warnings)
                    + "\n";
        }
        List<byte[]> frames = HexFrames.split(data, framing);
        ApduAssembler apdus = new ApduAssembler(framing == Framing.HDLC ? InterfaceType.HDLC : InterfaceType.WRAPPER);
        // One translator for all frames: with completePdu it keeps HDLC segments until the last one.
        GXDLMSTranslator translator = translator(!wholeFrame);
        List<String> blocks = new ArrayList<>();
        int firstSegment = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            int n = i + 1;
            String xml;
            int complete = apdus.apdus().size();
            apdus.frame(frame);
            byte[] apdu = apdus.apdus().size() > complete ? apdus.apdus().get(complete) : null;
            try {
                xml = lines(translator.messageToXml(new GXByteBuffer(frame)));
                xml = apdu == null ? xml : TranslatorXml.corrected(xml, apdu);
                if (wholeFrame && framing == Framing.HDLC) {
                    // The translator names I-frames by their control byte alone (0x10 "AARQ", 0x30 "AARE").
                    xml = GURUX_FRAME_COMMENT.matcher(xml).replaceFirst(
                            "<!-- " + HexFrames.describe(frame) + (apdu == null ? "" : ": " + apduName(apdu)) + " -->");
                }
            } catch (Exception e) {
                // The frame itself was checked by HexFrames, so what fails here is its PDU.
                throw new BadInput("frame " + n + ": the PDU cannot be decoded (truncated, or not an xDLMS APDU)"
                        + (apdu == null ? "" : why(apdu)));
            }
            xml = TranslatedPdu.decoded(wellFormed(xml, "frame " + n + ": "));
            StringBuilder block = new StringBuilder();
            if (frames.size() > 1) {
                block.append("<!-- frame ").append(n).append(": ").append(GXDLMSTranslator.toHex(frame))
                        .append(" -->\n");
            }
            boolean hdlc = framing == Framing.HDLC;
            if (hdlc && HexFrames.segmented(frame)) {
                firstSegment = firstSegment == 0 ? n : firstSegment;
                block.append(xml.isEmpty() ? "" : xml + "\n").append("<!-- segment: the PDU goes on in the next"
                        + " frame and is shown whole after its last segment -->");
            } else if (hdlc && firstSegment != 0 && HexFrames.isIFrame(frame)) {
                block.append("<!-- last segment: the whole PDU of frames ").append(firstSegment).append(" to ")
                        .append(n).append(" -->\n").append(xml);
                firstSegment = 0;
            } else if (xml.isEmpty()) {
                if (!hdlc || HexFrames.isIFrame(frame)) {
                    throw new BadInput("frame " + n + ": the translator gives no XML for it");
                }
                block.append("<!-- ").append(HexFrames.kind(frame)).append(" frame: no PDU -->");
            } else {
                block.append(xml);
            }
            if (apdu != null) {
                block.append(findings(EncodingCheck.ofApdu(apdu), "frame " + n + ": ", warnings));
            }
            blocks.add(block.toString());
        }
        if (firstSegment != 0) {
            throw new BadInput("frame " + firstSegment + ": starts a segmented PDU whose last segment (a frame"
                    + " without the segmentation bit) is not in the input; give all its frames");
        }
        return String.join("\n\n", blocks) + "\n";
    }

    /** The meter's encoding findings as XML comments under the PDU, and one line each for stderr. */
    private static String findings(List<String> found, String where, List<String> warnings) {
        StringBuilder b = new StringBuilder();
        for (String f : found) {
            warnings.add(where + "encoding finding: " + f);
            b.append("\n<!-- encoding finding: ").append(f.replace("--", "- -")).append(" -->");
        }
        return b.toString();
    }

    /** An APDU by its tag, as the Green Book names it. */
    private static String apduName(byte[] apdu) {
        int tag = apdu[0] & 0xFF;
        return tag >= AcseApdu.AARQ && tag <= AcseApdu.RLRE ? AcseApdu.name(tag) : Command.toString(tag);
    }

    /** The XML that message files use: decimal numbers, OBIS comments, no declaration or namespace. */
    private static GXDLMSTranslator translator(boolean pduOnly) {
        GXDLMSTranslator t = new GXDLMSTranslator(TranslatorOutputType.SIMPLE_XML);
        t.setHex(false);
        t.setComments(true);
        t.setOmitXmlDeclaration(true);
        t.setOmitXmlNameSpace(true);
        t.setPduOnly(pduOnly);
        t.setCompletePdu(true);
        return t;
    }

    /** The translator ends lines with CR LF; message files here use LF. */
    private static String lines(String xml) {
        return xml.replace("\r\n", "\n").strip();
    }

    /** The translator prints a PDU it does not know as {@code <Data="..." />}: not XML. */
    private static String wellFormed(String xml, String where) throws BadInput {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws instead of printing [Fatal Error]
            builder.parse(new InputSource(new StringReader("<x>" + xml + "</x>")));
            return xml;
        } catch (SAXException | IOException e) {
            throw new BadInput(where + "not a PDU the translator can decode (it gives: "
                    + xml.lines().findFirst().orElse("") + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- message file to hex

    /** Elements of a message file that are no messages: the translator passes over them. */
    private static final Set<String> NOT_ENCODED = Set.of("Description", "Error", "ErrorUrl", "Sleep");

    private record Message(String name, int line, String xml, Element element) {
    }

    /** Link frames (SNRM, DISC, ...) are valid in a script but have no PDU: a note on err, no line. */
    private static String toHex(CommandLine line, PrintStream err) throws BadInput {
        if (line.hasOption(FRAME) || !line.getArgList().isEmpty()) {
            throw new BadInput("--to-hex takes one message file and nothing else (see --help)");
        }
        String file = line.getOptionValue(TO_HEX);
        List<Message> messages = readMessages(file);
        GXDLMSXmlClient client = new GXDLMSXmlClient(TranslatorOutputType.SIMPLE_XML);
        // The translator's own defaults (HDLC, logical names, client 16, server 1), as before.
        ScriptLoader loader = new ScriptLoader(InterfaceType.HDLC, true, 16, 1);
        List<String> hex = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Message m : messages) {
            String where = file + ":" + m.line() + ": <" + m.name() + ">";
            List<GXDLMSXmlPdu> pdus;
            try {
                if (!ScriptLoader.isReply(m.name()) && !NOT_ENCODED.contains(m.name())) {
                    // A request is encoded as a run sends it: dotted logical names, checked values, exact bytes.
                    pdus = List.of(loader.encode(m.element(), file));
                } else {
                    // The XML client, not xmlToPdu: it encodes responses and tells templates apart.
                    pdus = client.load("<Messages>" + m.xml() + "</Messages>", null);
                }
            } catch (ScriptException e) {
                errors.add(e.getMessage());
                continue;
            } catch (RuntimeException e) {
                if (ScriptLoader.isReply(m.name())) {
                    err.println(PREFIX + where + " is an expected reply with wildcards, not a message: skipped");
                } else {
                    errors.add(where + " cannot be encoded: " + why(e));
                }
                continue;
            }
            if (pdus.isEmpty()) {
                continue; // Description, Sleep, ...: not messages
            }
            GXDLMSXmlPdu pdu = pdus.get(0);
            if (pdu.getData() == null && ScriptLoader.isReply(m.name())) {
                err.println(PREFIX + where + " is an expected reply with wildcards, not a message: skipped");
            } else if (pdu.getData() == null) {
                errors.add(where + " cannot be encoded: a value is \"*\" (a template)");
            } else if (LINK_FRAMES.contains(pdu.getCommand())) {
                err.println(PREFIX + where + " is an HDLC link frame, not a PDU: skipped");
            } else if (pdu.getData().length == 0) {
                errors.add(where + " cannot be encoded: the translator gives no bytes");
            } else {
                hex.add(GXDLMSTranslator.toHex(pdu.getData()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInput(String.join("\n", errors));
        }
        if (hex.isEmpty()) {
            throw new BadInput(file + ": no messages");
        }
        return String.join("\n", hex) + "\n";
    }

    /** Each child of the root element, serialized without comments, with the line it starts on. */
    private static List<Message> readMessages(String file) throws BadInput {
        Document doc;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            doc = LineNumberedXml.parse(in); // the parser reads a UTF-8 BOM itself
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (SAXParseException e) {
            throw new BadInput(file + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new BadInput(file + ": cannot be read: " + e.getMessage());
        }
        ElementXml elementXml = new ElementXml();
        List<Message> messages = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                ScriptLoader.substituteAnyInvokeId(e);
                messages.add(new Message(e.getTagName(), LineNumberedXml.lineOf(e), elementXml.toXml(e), e));
            }
        }
        return messages;
    }

    private static String why(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // What the translator throws for an element name it has no tag for.
        if (message.contains("HashMap.get(Object)\" is null")) {
            return "an element name the translator does not know";
        }
        return message.strip();
    }

    /** ": " and what the APDU's grammar says is wrong with it, or nothing: never the translator's text. */
    private static String why(byte[] apdu) {
        List<String> found = EncodingCheck.ofApdu(apdu);
        return found.isEmpty() ? "" : ": " + found.get(0);
    }
}
