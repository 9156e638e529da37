package dlms.xmlclient.report;

import dlms.xmlclient.decode.CommentedXml;
import dlms.xmlclient.decode.DecodedReply;
import dlms.xmlclient.decode.ScriptDecoding;
import dlms.xmlclient.memo.BoundedMemo;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;
import dlms.xmlclient.verdict.Verdict;

import java.util.List;

/**
 * One script's part of the HTML report: its heading, each request beside its reply (and the
 * expected reply where it failed, the differing lines marked), and its frame trace, folded.
 */
final class HtmlSection {

    /** XML longer than this many lines is shown folded... */
    static final int LONG = 400;
    /** The most characters of one request's, reply's or expected reply's XML the page embeds. */
    static final int EMBED_LIMIT = 1 << 20;
    /** ...with this many lines visible. */
    static final int PREVIEW = 40;
    /** The most rows of a profile buffer the page tabulates. */
    static final int PROFILE_ROWS = 5000;

    private final HtmlXml xml;

    HtmlSection(HtmlXml xml) {
        this.xml = xml;
    }

    /** What stopped a script, in words; empty for a completed one. */
    static String status(ScriptOutcome.Status status) {
        return switch (status) {
            case COMPLETED -> "";
            case BAD_INPUT -> "bad input";
            case NO_CONNECTION -> "no connection";
            case BROKEN -> "broken off";
            case NOT_RUN -> "not run";
        };
    }

    void render(StringBuilder out, ScriptOutcome o, String id) {
        Verdict verdict = o.verdict();
        boolean loud = verdict == Verdict.FAIL || verdict == Verdict.ERROR
                || o.requests().stream().anyMatch(r -> !r.check().warnings().isEmpty());
        out.append("<section id=\"").append(id).append("\" class=\"script ").append(Html.css(verdict)).append("\">\n")
                .append(loud ? "<details open>" : "<details>").append("\n<summary><h2>")
                .append(Html.badge(verdict)).append(' ');
        if (o.status() != ScriptOutcome.Status.COMPLETED) {
            out.append("<span class=\"stop\">").append(status(o.status())).append("</span> ");
        }
        out.append("<span class=\"path\">").append(Html.escape(o.source().displayPath())).append("</span></h2> ")
                .append("<span class=\"meta\">").append(o.requests().size())
                .append(o.requests().size() == 1 ? " request" : " requests").append(" · ")
                .append(Html.duration(o.elapsedMillis())).append("</span></summary>\n<div class=\"body\">\n");
        if (o.source().connection() != null) {
            out.append("<p class=\"assoc\">Association: ")
                    .append(Html.escape(o.source().connection().describeTarget())).append("</p>\n");
        }
        if (o.error() != null && o.status() != ScriptOutcome.Status.COMPLETED) {
            out.append("<p class=\"error-line\">").append(Html.escape(o.error())).append("</p>\n");
        }
        ScriptDecoding decoding = Decodings.ofRequests(o.requests());
        for (int i = 0; i < o.requests().size(); i++) {
            request(out, o.requests().get(i), decoding.reply(i));
        }
        trace(out, o.trace());
        out.append("</div>\n</details>\n</section>\n");
    }

    private void request(StringBuilder out, RequestResult r, DecodedReply decoded) {
        Check check = r.check();
        Verdict verdict = check.verdict();
        StepReply reply = r.reply();
        out.append("<div class=\"req ").append(Html.css(verdict)).append("\">\n<p class=\"rh\"><b>#")
                .append(r.step().number()).append("</b> ").append(Html.badge(verdict)).append(" <span class=\"what\">")
                .append(Html.escape(decoded.request())).append("</span>");
        if (decoded.description() != null) {
            out.append(" <span class=\"desc\">").append(Html.escape(decoded.description())).append("</span>");
        }
        if (decoded.value() != null) { // what arrived, also where it differs from what was expected
            out.append(" <span class=\"val\">= ").append(Html.escape(Html.oneLine(decoded.value(), 120))).append("</span>");
        }
        out.append(" <span class=\"meta\">line ").append(r.step().line()).append("</span>");
        if (reply != null) {
            out.append(" <span class=\"meta\">· ").append(Html.duration(reply.elapsedMillis())).append("</span>");
        }
        if (check.note() != null) {
            out.append(" · <span class=\"note\">").append(Html.escape(check.note())).append("</span>");
        }
        out.append("</p>\n");
        if (decoded.table() != null) {
            profile(out, decoded.table());
        }
        boolean withExpected = verdict == Verdict.FAIL;
        out.append(withExpected ? "<div class=\"cols c3\">\n" : "<div class=\"cols\">\n");
        column(out, "Request", xmlBlock(r.step().requestXml(), List.of()), null);
        List<String> xpaths = check.differences().stream().map(Difference::xpath).toList();
        if (reply == null) {
            column(out, "Reply", null, "no reply");
        } else if (reply.replyXml() == null) {
            column(out, "Reply", null, "no reply on this interface");
        } else {
            column(out, "Reply", xmlBlock(CommentedXml.annotated(reply.replyXml(), reply.replyXml(), decoded.comments()),
                    xpaths), null);
        }
        if (withExpected) {
            column(out, "Expected", check.expectedXml() == null ? null : xmlBlock(check.expectedXml(), List.of()),
                    "no expected reply");
        }
        out.append("</div>\n");
        if (!check.warnings().isEmpty()) {
            out.append("<ul class=\"warnings\">\n");
            for (String w : check.warnings()) {
                out.append("<li>warning: ").append(Html.escape(w)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!check.differences().isEmpty()) {
            out.append("<ul class=\"diffs\">\n");
            for (Difference d : check.differences()) {
                out.append("<li>").append(Html.escape(d.toString())).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</div>\n");
    }

    /** A profile buffer as the table it is: a row per entry, a column per capture object. */
    private static void profile(StringBuilder out, DecodedReply.ProfileTable table) {
        out.append("<div class=\"profile-box\"><table class=\"profile\">\n<thead><tr><th>#</th>");
        for (String head : table.heads()) {
            out.append("<th>").append(Html.escape(head)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(table.rows().size(), PROFILE_ROWS);
        for (int i = 0; i < shown; i++) {
            out.append("<tr><td class=\"n\">").append(i + 1).append("</td>");
            for (String cell : table.rows().get(i)) {
                out.append("<td>").append(Html.escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        if (shown < table.rows().size()) {
            out.append("<p class=\"none\">… ").append(table.rows().size() - shown)
                    .append(" more entries: the reply file has them all</p>\n");
        }
    }

    private static void column(StringBuilder out, String title, String block, String none) {
        out.append("<div class=\"col\"><div class=\"ch\">").append(title).append("</div>");
        out.append(block != null ? block : "<p class=\"none\">" + Html.escape(none) + "</p>");
        out.append("</div>\n");
    }

    /**
     * Blocks with nothing marked, by their text: a run's requests and expectations, and many of
     * its replies, are the same from script to script (and from meter to meter in a fleet).
     * Weighed at 4 units a character of the text: its own two bytes and its HTML's, about as long.
     */
    private static final BoundedMemo<String, String> PLAIN_BLOCKS = new BoundedMemo<>(16L << 20);

    /**
     * The XML, rendered; past {@link #LONG} lines only the first {@link #PREVIEW} show and the
     * rest is folded, unfolded when it holds a marked line.
     */
    private String xmlBlock(String text, List<String> xpaths) {
        if (text == null) {
            return null;
        }
        if (text.length() > EMBED_LIMIT) {
            // A reply of megabytes: the page shows its start, the reply file has all of it.
            return "<pre class=\"xml raw\">" + Html.escape(text.substring(0, EMBED_LIMIT)) + "\n… "
                    + (text.length() - EMBED_LIMIT) + " more characters: the reply (or message, or expected) file"
                    + " has the whole text</pre>";
        }
        if (xpaths.isEmpty()) {
            return PLAIN_BLOCKS.get(text, t -> rendered(t, xpaths), 4L * text.length());
        }
        return rendered(text, xpaths);
    }

    private String rendered(String text, List<String> xpaths) {
        HtmlXml.Rendering r = xml.render(text, xpaths);
        String cls = r.parsed() ? "xml" : "xml raw";
        if (r.size() <= LONG) {
            return "<pre class=\"" + cls + "\">" + r.html() + "</pre>";
        }
        boolean open = r.marked().nextSetBit(PREVIEW) >= 0;
        return "<pre class=\"" + cls + "\">" + r.html(0, PREVIEW) + "</pre>"
                + (open ? "<details class=\"more\" open>" : "<details class=\"more\">")
                + "<summary>… " + (r.size() - PREVIEW) + " more lines</summary>"
                + "<pre class=\"" + cls + "\">" + r.html(PREVIEW, r.size()) + "</pre></details>";
    }

    private static void trace(StringBuilder out, String trace) {
        if (trace == null || trace.isBlank()) {
            return;
        }
        String text = trace.strip();
        long lines = text.lines().count();
        out.append("<details class=\"trace\"><summary>Frame trace (").append(lines)
                .append(lines == 1 ? " line" : " lines").append(")</summary><pre>")
                .append(Html.escape(text)).append("</pre></details>\n");
    }
}
