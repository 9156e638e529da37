package dlms.xmlclient.script;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The values of one request, checked before the Gurux translator sees them (a bad one stops the
 * script at its own line, with the form expected), and a copy of the request the translator
 * encodes exactly. gurux.dlms 4.0.47 sends every {@code <Boolean>} as false and takes a date or
 * time through the JVM's calendar (2022-03-27 02:30 came out as 03:30; hundredths 00 as FF):
 * those go to the translator as a unique octet string whose bytes are then replaced with the
 * value's own encoding ({@link #splice}).
 */
final class RequestValues {

    /** A value checked when it is sent, not here (another part of the client fills it in). */
    /** The client's time, filled in when the request is sent (session's ClientTimeValue). */
    static final String NOW = "${now}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private record Splice(byte[] stands, byte[] exact, Element element) {
    }

    private final String relativePath;
    private final Element forTranslator;
    private final List<Splice> splices = new ArrayList<>();

    private RequestValues(Element request, String relativePath) {
        this.relativePath = relativePath;
        this.forTranslator = (Element) request.cloneNode(true);
    }

    /** Checks the request's values and prepares the copy the translator is given. */
    static RequestValues check(Element request, String relativePath) throws ScriptException {
        List<Element> written = ScriptLoader.descendants(request);
        for (Element e : written) {
            checkOne(e, relativePath);
        }
        RequestValues values = new RequestValues(request, relativePath);
        List<Element> copies = ScriptLoader.descendants(values.forTranslator);
        for (int i = 0; i < written.size(); i++) {
            values.prepare(written.get(i), copies.get(i));
        }
        Element now = written.stream().filter(e -> NOW.equals(e.getAttribute("Value"))).findFirst().orElse(null);
        if (now != null && !values.splices.isEmpty()) {
            // The time is put in by encoding the request again, which would undo the exact bytes spliced in here.
            Element spliced = values.splices.get(0).element();
            throw new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(spliced), "<" + spliced.getTagName()
                    + ">: cannot go in the same request as " + NOW + " (line " + LineNumberedXml.lineOf(now)
                    + "); send them in two requests", null);
        }
        return values;
    }

    /** The request as the translator is to encode it. */
    Element forTranslator() {
        return forTranslator;
    }

    /** The encoded request with each stand-in replaced by its value's exact encoding. */
    byte[] splice(byte[] pdu) throws ScriptException {
        if (splices.isEmpty()) {
            return pdu;
        }
        byte[] out = pdu;
        for (Splice s : splices) {
            int at = indexOf(out, s.stands());
            if (at < 0 || indexOf(Arrays.copyOfRange(out, at + 1, out.length), s.stands()) >= 0) {
                throw new ScriptException(relativePath + ":" + LineNumberedXml.lineOf(s.element()), "<"
                        + s.element().getTagName() + ">: cannot be sent in this request (the Gurux translator"
                        + " encodes it wrongly, and it is not plain data here)", null);
            }
            byte[] next = new byte[out.length - s.stands().length + s.exact().length];
            System.arraycopy(out, 0, next, 0, at);
            System.arraycopy(s.exact(), 0, next, at, s.exact().length);
            System.arraycopy(out, at + s.stands().length, next, at + s.exact().length,
                    out.length - at - s.stands().length);
            out = next;
        }
        return out;
    }

    private static void checkOne(Element e, String relativePath) throws ScriptException {
        String tag = e.getTagName();
        String value = e.getAttribute("Value");
        String location = relativePath + ":" + LineNumberedXml.lineOf(e);
        if (PLACEHOLDER.matcher(value).matches() && !(value.equals(NOW) && tag.equals("OctetString"))) {
            // Only the client's time is filled in when a request is sent; anything else would go out as a dummy.
            throw new ScriptException(location, "<" + tag + " Value=\"" + value + "\"/>: the only placeholder a request"
                    + " may hold is <OctetString Value=\"" + NOW + "\"/>, the client's current time", null);
        }
        if (ValueRules.checks(tag) && !PLACEHOLDER.matcher(value).matches()) {
            String fault = ValueRules.fault(tag, value);
            if (fault != null) {
                throw new ScriptException(location, "<" + tag + " Value=\"" + value + "\"/>: " + fault, null);
            }
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        if ((lower.equals("structure") || lower.equals("array")) && e.hasAttribute("Qty")) {
            int inside = 0;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                inside += n instanceof Element ? 1 : 0;
            }
            if (!e.getAttribute("Qty").equals(Integer.toString(inside))) {
                throw new ScriptException(location, "<" + tag + " Qty=\"" + e.getAttribute("Qty") + "\">: holds "
                        + inside + (inside == 1 ? " element" : " elements") + " (Qty must count them; the"
                        + " translator sends the elements inside)", null);
            }
        }
    }

    private void prepare(Element written, Element copy) {
        String tag = written.getTagName().toLowerCase(Locale.ROOT);
        String value = written.getAttribute("Value");
        if (!ValueRules.checks(tag)) {
            return;
        }
        if (value.equals(NOW)) {
            return; // stays in the translated request, where the exchange puts the time in as it sends
        }
        byte type = switch (tag) {
            case "boolean" -> 3;
            case "datetime" -> 25;
            case "date" -> 26;
            case "time" -> 27;
            default -> 0;
        };
        if (type == 0) {
            copy.setAttribute("Value", ValueRules.forTranslator(tag, value));
            return;
        }
        byte[] content = type == 3 ? new byte[] {(byte) (value.equals("true") || value.equals("1") ? 1 : 0)}
                : HexFormat.of().parseHex(value.replaceAll("\\s", ""));
        byte[] exact = new byte[content.length + 1];
        exact[0] = type;
        System.arraycopy(content, 0, exact, 1, content.length);
        byte[] marker = new byte[16];
        ThreadLocalRandom.current().nextBytes(marker);
        Element standIn = copy.getOwnerDocument().createElement("OctetString");
        standIn.setAttribute("Value", HEX.formatHex(marker));
        copy.getParentNode().replaceChild(standIn, copy);
        byte[] stands = new byte[18];
        stands[0] = 9; // octet-string
        stands[1] = 16;
        System.arraycopy(marker, 0, stands, 2, 16);
        splices.add(new Splice(stands, exact, written));
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
