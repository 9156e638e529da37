package dlms.xmlclient.report;

import dlms.xmlclient.verdict.Verdict;

import java.util.Locale;

/** Escaping and the small pieces of markup the HTML report repeats. */
final class Html {

    private Html() {
    }

    /**
     * The text, safe anywhere in an HTML page (element content and quoted attribute values):
     * {@code & < > " '} become references; control characters and unpaired surrogates, which
     * a meter may send but a page cannot hold, become U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append('\n');
                    }
                }
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The CSS class of a verdict: pass, fail, nc or error. */
    static String css(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_CHECKED -> "nc";
            case ERROR -> "error";
        };
    }

    /** A verdict badge: {@code <span class="badge fail">FAIL</span>}. */
    static String badge(Verdict verdict) {
        return badge(verdict, verdict.label());
    }

    static String badge(Verdict verdict, String text) {
        return "<span class=\"badge " + css(verdict) + "\">" + escape(text) + "</span>";
    }

    /** Milliseconds as people read them: "812 ms", "12.3 s". */
    static String duration(long millis) {
        return millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The text on one line, cut to about {@code max} characters. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
