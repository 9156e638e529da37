package dlms.xmlclient.cli;

import dlms.xmlclient.media.CalledInLink;
import dlms.xmlclient.script.LineNumberedXml;
import dlms.xmlclient.script.ScriptException;
import dlms.xmlclient.script.ScriptLoader;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.FrameCounters;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Trace;
import gurux.dlms.GXDLMSXmlPdu;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code listen --identify}: who a meter that called in is, for its out folder's name. Its serial
 * number (Data 0.0.96.1.0.255) or logical device name (0.0.42.0.0.255), read by the public client
 * 16 in an association of its own before the scripts (IDIS has both readable by the public
 * client), or only where it called from.
 */
enum MeterIdentity {

    SERIAL("0.0.96.1.0.255", "serial number"),
    NAME("0.0.42.0.0.255", "logical device name"),
    PEER(null, "address it called from");

    static final String CHOICES = "serial (default), name or peer";

    /** The first value of the reply's Data: a string, an octet string or a number. */
    private static final Pattern VALUE = Pattern.compile(
            "<Data>\\s*<(String|OctetString|Utf8String|VisibleString|UInt8|UInt16|UInt32|UInt64|Int32|Int64)"
                    + " Value=\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("<DataAccessError Value=\"([^\"]*)\"");

    private final String logicalName;
    private final String what;

    MeterIdentity(String logicalName, String what) {
        this.logicalName = logicalName;
        this.what = what;
    }

    static MeterIdentity parse(String value) throws UsageException {
        for (MeterIdentity identity : values()) {
            if (identity.name().equalsIgnoreCase(value.trim())) {
                return identity;
            }
        }
        throw new UsageException("--identify " + value + ": expected " + CHOICES);
    }

    /**
     * @return the meter's name for its folder, e.g. {@code meter-12345678}, or
     *         {@code call-10.0.0.7_53211} for {@link #PEER}
     * @throws SessionException when the meter does not answer or refuses the read, in words
     *                          naming what was read
     */
    String identify(ConnectionSettings settings, CalledInLink link, Trace trace) throws SessionException {
        if (this == PEER) {
            return peerName(link);
        }
        ConnectionSettings reader = settings.publicClient();
        trace.note("--identify " + name().toLowerCase(Locale.ROOT) + ": reading its " + what + ", Data " + logicalName
                + " attribute 2, by the public client 16");
        try (Session session = Session.open(reader, link, trace, new FrameCounters())) {
            try {
                session.associate(true, true);
                String reply = session.exchange(request(reader));
                return "meter-" + fileSafe(value(reply));
            } finally {
                session.release();
            }
        }
    }

    /** The folder name of a meter known only by where it called from. */
    static String peerName(CalledInLink link) {
        return "call-" + fileSafe(link.peer().replace(':', '_'));
    }

    private GXDLMSXmlPdu request(ConnectionSettings reader) throws SessionException {
        String xml = "<GetRequest><GetRequestNormal><InvokeIdAndPriority Value=\"193\" /><AttributeDescriptor>"
                + "<ClassId Value=\"1\" /><InstanceId Value=\"" + logicalName + "\" /><AttributeId Value=\"2\" />"
                + "</AttributeDescriptor></GetRequestNormal></GetRequest>";
        try {
            Document doc = LineNumberedXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return new ScriptLoader(reader.interfaceType(), true, reader.clientAddress(), reader.serverAddress())
                    .encode(doc.getDocumentElement(), "--identify");
        } catch (ScriptException | java.io.IOException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("the identification request cannot be encoded", e); // a defect of ours
        }
    }

    private String value(String reply) throws SessionException {
        Matcher m = VALUE.matcher(reply);
        if (m.find() && !m.group(2).isBlank()) {
            return m.group(1).equals("OctetString") ? printable(m.group(2)) : m.group(2).trim();
        }
        Matcher error = ERROR.matcher(reply);
        throw new SessionException(SessionException.Kind.EXCHANGE, "--identify " + name().toLowerCase(Locale.ROOT)
                + ": the meter did not give its " + what + " (Data " + logicalName + " attribute 2"
                + (error.find() ? ": " + error.group(1) : ", got " + reply.replaceAll("\\s+", " ").trim()) + ")");
    }

    /** An octet string as text when every byte is printable ASCII, else its hex. */
    private static String printable(String hex) {
        String digits = hex.replace(" ", "");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < digits.length(); i += 2) {
            int b = Integer.parseInt(digits.substring(i, i + 2), 16);
            if (b < 0x20 || b > 0x7E) {
                return digits;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    /** Letters, digits, '.', '_' and '-' only: the name is a folder. */
    static String fileSafe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
