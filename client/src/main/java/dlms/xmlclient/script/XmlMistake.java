package dlms.xmlclient.script;

import java.util.HashSet;
import java.util.Set;

/**
 * What is wrong in a file the XML parser refused, said at the line of the broken tag. The parser
 * notices a missing end tag only where the next end tag stands (or at the end of the file), and
 * words it in its own terms and in the JVM's language; this reads the text between the last
 * thing the parser accepted and the place it stopped, and names the mistake itself.
 */
final class XmlMistake {

    /** What the parser had accepted when it stopped. */
    record Progress(String openTag, int openLine, String rootTag, int rootClosedLine, int acceptedLine,
                    int acceptedColumn) {
    }

    /** The mistake and the line it is on. */
    record Found(int line, String message) {
    }

    private final String text;
    private final TextLines lines;
    private final Progress progress;

    private XmlMistake(String text, Progress progress) {
        this.text = text;
        this.lines = new TextLines(text);
        this.progress = progress;
    }

    /**
     * @param errorLine   where the parser stopped (its line and column, 1-based)
     * @param parserSays  the parser's own message, used only when none of the known mistakes fits
     */
    static Found describe(String text, Progress progress, int errorLine, int errorColumn, String parserSays) {
        return new XmlMistake(text, progress).find(errorLine, errorColumn, parserSays);
    }

    private Found find(int errorLine, int errorColumn, String parserSays) {
        if (text.isBlank()) {
            return new Found(1, "the file is empty");
        }
        int from = tagStartBefore(lines.offset(progress.acceptedLine(), progress.acceptedColumn()));
        int to = Math.min(text.length(), lines.offset(errorLine, errorColumn) + 1);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return at(i, "a comment <!-- is not closed with -->");
                }
                if (text.substring(i + 4, end).contains("--")) {
                    return at(i, "a comment holds -- (not allowed inside <!-- -->)");
                }
                i = end + 2;
            } else if (text.startsWith("<?", i)) {
                if (i > 0 && text.regionMatches(true, i + 2, "xml", 0, 3) && i + 5 < text.length()
                        && Character.isWhitespace(text.charAt(i + 5))) {
                    return at(i, "the <?xml ...?> declaration must be the very first thing in the file");
                }
                int end = text.indexOf("?>", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '<') {
                Found broken = tag(i);
                if (broken != null) {
                    return broken;
                }
                break;
            } else if (c == '&') {
                Found amp = ampersand(i);
                if (amp != null) {
                    return amp;
                }
            } else if (!Character.isWhitespace(c) && progress.openTag() == null) {
                return outsideTheRoot(i, "text");
            }
        }
        if (text.substring(Math.min(to, text.length())).isBlank() && progress.openTag() != null) {
            return new Found(progress.openLine(), "<" + progress.openTag() + "> is not closed: the file ends at line "
                    + lines.lineOf(text.stripTrailing().length()) + " (is it cut short?)");
        }
        return new Found(errorLine, parserSays);
    }

    /** Text or a second element before the root element or after its end. */
    private Found outsideTheRoot(int at, String what) {
        if (progress.rootTag() == null) {
            return at(at, what + " before the root element: a message file starts with <?xml ...?> or its root"
                    + " element");
        }
        if (what.equals("text")) {
            return at(at, "text after </" + progress.rootTag() + "> (line " + progress.rootClosedLine()
                    + "), the end of the file's root element");
        }
        return at(at, what + " after </" + progress.rootTag() + "> (line " + progress.rootClosedLine()
                + "): a file has one root element");
    }

    /** A tag the parser stopped in, or null when it is whole. */
    private Found tag(int start) {
        boolean endTag = text.startsWith("</", start);
        int nameStart = start + (endTag ? 2 : 1);
        int nameEnd = nameEnd(nameStart);
        if (nameEnd == nameStart) {
            return at(start, "'<' that starts no tag (" + shown(start) + "): an element name begins with a"
                    + " letter; write &lt; for a < in text");
        }
        String name = text.substring(nameStart, nameEnd);
        if (text.indexOf('>', nameEnd) < 0) {
            return at(start, "the file ends inside the tag <" + (endTag ? "/" : "") + name
                    + " (is it cut short?)");
        }
        if (endTag) {
            if (progress.openTag() == null) {
                return outsideTheRoot(start, "an end tag </" + name + ">");
            }
            if (!name.equals(progress.openTag())) {
                return new Found(progress.openLine(), "<" + progress.openTag() + "> is not closed (found </" + name
                        + ">" + (lines.lineOf(start) == progress.openLine() ? "" : " on line " + lines.lineOf(start))
                        + ")");
            }
            return at(start, "</" + name + ">: an end tag holds only the element's name");
        }
        if (progress.openTag() == null && progress.rootTag() != null) {
            return outsideTheRoot(start, "a second root element <" + name + ">");
        }
        return attributes(start, name, nameEnd);
    }

    /** The attributes of a start tag, up to its {@code >} or {@code />}. */
    private Found attributes(int start, String tag, int from) {
        Set<String> seen = new HashSet<>();
        int i = from;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("/>", i) || text.startsWith(">", i)) {
                return null; // the tag is whole: the parser's own words stand
            }
            int nameEnd = nameEnd(i);
            if (nameEnd == i) {
                return at(start, "<" + tag + " is not closed with > or />" + (lines.lineOf(i) == lines.lineOf(start)
                        ? "" : " before line " + lines.lineOf(i)));
            }
            String attribute = text.substring(i, nameEnd);
            if (!seen.add(attribute)) {
                return at(start, "<" + tag + ">: attribute " + attribute + " is given twice");
            }
            i = nameEnd;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '=') {
                return at(start, "<" + tag + ">: attribute " + attribute + " has no value (write " + attribute
                        + "=\"...\")");
            }
            i++;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            char quote = i < text.length() ? text.charAt(i) : ' ';
            if (quote != '"' && quote != '\'') {
                return at(start, "<" + tag + ">: the value of " + attribute + " is not in quotes (write "
                        + attribute + "=\"...\")");
            }
            int close = text.indexOf(quote, i + 1);
            int lt = text.indexOf('<', i + 1);
            if (close < 0 || lt >= 0 && lt < close) {
                return at(start, "<" + tag + ">: the value of " + attribute + " has no closing " + quote);
            }
            for (int amp = text.indexOf('&', i + 1); amp >= 0 && amp < close; amp = text.indexOf('&', amp + 1)) {
                Found bad = ampersand(amp);
                if (bad != null) {
                    return bad;
                }
            }
            i = close + 1;
        }
    }

    /** A {@code &} that starts no character or entity reference, or null when it does. */
    private Found ampersand(int at) {
        int semicolon = text.indexOf(';', at);
        String reference = semicolon < 0 || semicolon - at > 10 ? "" : text.substring(at + 1, semicolon);
        if (reference.matches("amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+")) {
            return null;
        }
        return at(at, "a bare & (" + shown(at) + "): write &amp; for the character &");
    }

    /**
     * The parser reports the text before a tag once it has read the tag's name: the region to
     * look at begins at that tag's {@code <}, when there is one.
     */
    private int tagStartBefore(int offset) {
        int i = offset;
        while (i > 0 && nameChar(text.charAt(i - 1))) {
            i--;
        }
        if (i > 0 && text.charAt(i - 1) == '/') {
            i--;
        }
        return i > 0 && text.charAt(i - 1) == '<' ? i - 1 : offset;
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean start = Character.isLetter(c) || c == '_' || c == ':';
            if (!(start || i > from && nameChar(c))) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }

    /** A few characters from the text, as found there, on one line. */
    private String shown(int at) {
        int end = at;
        while (end < text.length() && end - at < 12 && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(at, end).strip();
    }

    private Found at(int offset, String message) {
        return new Found(lines.lineOf(offset), message);
    }
}
