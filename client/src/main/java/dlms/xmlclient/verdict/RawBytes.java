package dlms.xmlclient.verdict;

import org.w3c.dom.Element;

import java.util.Locale;

/**
 * The bytes of a link-layer reply ({@code <RawReply Information="…" Value="7E A0 …"/>}) as an expectation writes
 * them: hex in either case, spaced or not, and {@code *} for one byte that varies (a sequence
 * number, a check sequence over it). Before the comparison each {@code *} takes the byte that
 * came, so that a difference names only the bytes that really differ.
 */
final class RawBytes {

    private static final String TAG = "RawReply";

    private RawBytes() {
    }

    static void expand(Element expected, Element actual) {
        if (TAG.equals(expected.getTagName()) && TAG.equals(actual.getTagName())) {
            expand(expected, actual, "Value");
            expand(expected, actual, "Information");
        }
    }

    private static void expand(Element expected, Element actual, String attribute) {
        if (!expected.hasAttribute(attribute) || Templates.ANY.equals(expected.getAttribute(attribute).strip())) {
            return;
        }
        String[] want = tokens(expected.getAttribute(attribute));
        String[] got = tokens(actual.getAttribute(attribute));
        if (want.length != got.length) {
            return; // another frame altogether: the pattern is shown as written
        }
        StringBuilder merged = new StringBuilder();
        for (int i = 0; i < want.length; i++) {
            merged.append(i == 0 ? "" : " ").append(want[i].equals("*") ? got[i] : want[i]);
        }
        expected.setAttribute(attribute, merged.toString());
    }

    /** "7e a0*21" or "7EA0 * 21" → 7E, A0, *, 21. */
    private static String[] tokens(String value) {
        StringBuilder spaced = new StringBuilder();
        String v = value.strip().toUpperCase(Locale.ROOT);
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isWhitespace(ch)) {
                run = 0;
                spaced.append(' ');
            } else if (ch == '*') {
                run = 0;
                spaced.append(" * ");
            } else {
                if (run == 2) {
                    spaced.append(' ');
                    run = 0;
                }
                spaced.append(ch);
                run++;
            }
        }
        String s = spaced.toString().strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }
}
