package dlms.xmlclient.session;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps reply XML well-formed. gurux.dlms 4.0.47's translator sometimes closes an element under
 * another name than it opened it (a ReleaseResponse carrying an InitiateResponse opens
 * {@code <ProposedConformance>} and closes {@code </NegotiatedConformance>}); such an opening tag
 * is renamed to the name it is closed with, since the closing name is the one that is right.
 */
final class WellFormedXml {

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z_][\\w.-]*)([^>]*?)(/?)>");
    private final SAXParser parser;

    WellFormedXml() {
        try {
            parser = SAXParserFactory.newInstance().newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isWellFormed(String xml) {
        if (PlainXmlScan.surelyWellFormed(xml)) {
            return true;
        }
        try {
            parser.reset();
            parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler());
            return true;
        } catch (SAXException | IOException e) {
            return false;
        }
    }

    /** Renames opening tags to match the closing tags that end them. */
    static String repairMismatchedTags(String xml) {
        StringBuilder out = new StringBuilder(xml);
        Deque<int[]> open = new ArrayDeque<>(); // {start of name in out, length of name}
        Matcher m = TAG.matcher(xml);
        int shift = 0;
        while (m.find()) {
            boolean closing = !m.group(1).isEmpty();
            boolean selfClosing = !m.group(4).isEmpty();
            if (selfClosing) {
                continue;
            }
            if (!closing) {
                open.push(new int[] {m.start(2) + shift, m.group(2).length()});
                continue;
            }
            int[] opening = open.poll();
            if (opening == null) {
                return xml; // not a mismatch this can mend
            }
            String openName = out.substring(opening[0], opening[0] + opening[1]);
            String closeName = m.group(2);
            if (!openName.equals(closeName)) {
                out.replace(opening[0], opening[0] + opening[1], closeName);
                shift += closeName.length() - openName.length();
            }
        }
        return out.toString();
    }
}
