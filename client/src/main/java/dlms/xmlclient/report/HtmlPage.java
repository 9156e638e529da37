package dlms.xmlclient.report;

import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report page: one self-contained document (inline style, nothing fetched) with the
 * overall result, the counts, a table of the scripts and a section per script, those that did
 * not pass first.
 */
final class HtmlPage {

    private static final String CSS = """
            :root{--pass:#1a7f37;--fail:#cf222e;--nc:#59636e;--error:#bc4c00;--line:#d0d7de}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
             color:#1f2328;background:#fff;margin:1.2em 1.5em}
            pre,.diffs,.warnings,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
             font-size:12px}
            h1{font-size:1.5em;margin:0 0 .2em}
            h2{font-size:1.1em;display:inline;margin:0}
            .result{font-size:1.25em;font-weight:700;margin:.3em 0 .6em;padding:.3em .6em;border-left:6px solid}
            .facts{margin:.2em 0;color:#59636e}.facts b{color:#1f2328;font-weight:600}
            .counts{margin:.3em 0}.counts b{display:inline-block;min-width:5.5em}
            .badge{display:inline-block;padding:0 .55em;border:1px solid;border-radius:1em;font-size:.85em;
             font-weight:700;white-space:nowrap;line-height:1.5}
            .zero{opacity:.45}
            .pass{--c:var(--pass);--bg:#dafbe1}.fail{--c:var(--fail);--bg:#ffebe9}
            .nc{--c:var(--nc);--bg:#eef1f4}.error{--c:var(--error);--bg:#fff1e5}
            .badge,.result{color:var(--c);background:var(--bg);border-color:var(--c)}
            .failures{border:2px solid var(--fail);padding:.3em 1em;margin:.8em 0}
            .failures h2{display:block;color:var(--fail)}
            .failures li.error a,.failures li.fail a{font-weight:700}
            table{border-collapse:collapse;margin:.8em 0;width:100%}
            th,td{border-bottom:1px solid var(--line);padding:.2em .5em;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.fail td,tr.error td{color:var(--c);font-weight:700}
            tr.fail td a,tr.error td a{color:var(--c)}
            td.first{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
            section.script{border:1px solid var(--line);border-left:6px solid var(--c);margin:.7em 0;padding:.3em .8em}
            summary{cursor:pointer}
            .meta,.note,.assoc{color:#59636e}
            .path{font-family:ui-monospace,Menlo,Consolas,monospace}
            .stop{color:var(--error);font-weight:700;text-transform:uppercase;font-size:.85em}
            .error-line{color:var(--error);font-weight:700}
            .req{border-top:1px dashed var(--line);margin:.5em 0;padding-top:.3em}
            .rh{margin:.2em 0}
            .cols{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:.6em}
            .cols.c3{grid-template-columns:repeat(3,minmax(0,1fr))}
            .ch{font-weight:600;font-size:.85em;color:#59636e}
            pre{margin:0;padding:.4em .5em;background:#f6f8fa;border:1px solid var(--line);overflow-x:auto}
            pre.raw{border-style:dashed}
            details.more>summary,details.trace>summary{color:#59636e;font-size:.9em}
            mark{background:#ffcecb;color:#82071e;font-weight:700;outline:1px solid var(--fail)}
            .none{font-style:italic;color:#59636e;margin:.2em 0}
            .diffs{color:var(--fail);margin:.3em 0;padding-left:1.4em}
            .warnings{color:var(--error);margin:.3em 0;padding-left:1.4em}
            .trace{margin:.5em 0}
            .what{font-weight:600}.desc{color:#59636e}
            .val{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#ddf4ff;
             border:1px solid #54aeff;border-radius:.3em;padding:0 .4em;white-space:nowrap}
            pre .cm{color:#0550ae}
            table.profile{width:auto;font-size:12px;margin:.3em 0}
            table.profile td{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap;padding:0 .6em}
            table.profile th{font-weight:600;font-size:11px}
            .profile-box{max-height:24em;overflow:auto;width:fit-content;max-width:100%;border:1px solid var(--line);margin:.3em 0 .5em}
            .profile-box thead th{position:sticky;top:0}
            h2.group{display:block;margin:1em 0 .2em;font-size:1.05em;color:#59636e}
            .tools{margin:.5em 0}.tools button{margin-left:.6em}
            body:has(#only-problems:checked) :is(section.script.pass,section.script.nc,tr.pass,tr.nc,.req.pass,.req.nc,
             h2.group.rest){display:none}
            @media print{body{margin:0}pre{white-space:pre-wrap;word-break:break-all}
             *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    private final HtmlSection sections;

    HtmlPage(HtmlXml xml) {
        this.sections = new HtmlSection(xml);
    }

    /** The end of the page, after the sections. */
    static final String TAIL = "</main>\n</body>\n</html>\n";

    /**
     * The page up to its sections: the result, the counts, the failures and the table.
     *
     * @param target   the meter, in one line
     * @param when     when the run finished, as shown
     * @param setting  a further line about how the run was checked, or null
     */
    String head(List<ScriptOutcome> outcomes, long elapsedMillis, String target, String when, String setting) {
        StringBuilder out = new StringBuilder(16 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>xmlclient report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(out, outcomes, elapsedMillis, target, when, setting);
        failures(out, outcomes);
        tools(out);
        table(out, outcomes);
        out.append("<main>\n");
        if (outcomes.stream().anyMatch(HtmlPage::isProblem) && !outcomes.stream().allMatch(HtmlPage::isProblem)) {
            out.append("<h2 class=\"group\">Did not pass</h2>\n");
        }
        return out.toString();
    }

    /** A script that failed or did not complete: its section comes first. */
    static boolean isProblem(ScriptOutcome o) {
        return o.verdict() == Verdict.FAIL || o.verdict() == Verdict.ERROR;
    }

    /** The heading between the sections that did not pass and the rest, when there are both. */
    static String restHeading(List<ScriptOutcome> outcomes) {
        boolean problems = outcomes.stream().anyMatch(HtmlPage::isProblem);
        boolean rest = !outcomes.stream().allMatch(HtmlPage::isProblem);
        return problems && rest ? "<h2 class=\"group rest\">Passed or not checked</h2>\n" : "";
    }

    /**
     * The filter (pure CSS: works where a report viewer blocks scripts) and expand/collapse all
     * (one-line handlers; without scripts each section still opens on its own).
     */
    private static void tools(StringBuilder out) {
        String all = "for(const d of document.querySelectorAll('section.script>details'))d.open=";
        out.append("<p class=\"tools\"><label><input type=\"checkbox\" id=\"only-problems\"> show only what did not pass")
                .append("</label><button type=\"button\" onclick=\"").append(all).append("true\">expand all</button>")
                .append("<button type=\"button\" onclick=\"").append(all).append("false\">collapse all</button></p>\n");
    }

    /** The section of the script at {@code index} in run order. */
    String section(ScriptOutcome outcome, int index) {
        StringBuilder out = new StringBuilder(8 * 1024);
        sections.render(out, outcome, id(index));
        return out.toString();
    }

    /** A page that says the run has not finished: it stands in for an earlier run's page until the end. */
    static String inProgress(String target, String started) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>xmlclient report (run in progress)</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + "<header>\n<h1>xmlclient report</h1>\n<p class=\"result error\">RUN IN PROGRESS: the run started at "
                + Html.escape(started) + " has not finished (or was killed)</p>\n<p class=\"facts\"><b>Target</b> "
                + Html.escape(target) + "</p>\n<p class=\"facts\">This page is replaced when the run ends;"
                + " trace.txt shows how far it got.</p>\n</header>\n</body>\n</html>\n";
    }

    private static String id(int index) {
        return "s" + (index + 1);
    }

    /** The overall result in words: "FAILED: 1 of 17 scripts failed". */
    static String result(List<ScriptOutcome> outcomes) {
        int n = outcomes.size();
        long failed = count(outcomes, Verdict.FAIL);
        long errors = count(outcomes, Verdict.ERROR);
        long passed = count(outcomes, Verdict.PASS);
        String of = " of " + n + (n == 1 ? " script" : " scripts");
        if (n == 0) {
            return "NOTHING RUN: no scripts";
        }
        if (failed > 0 || errors > 0) {
            List<String> parts = new ArrayList<>();
            if (failed > 0) {
                parts.add(failed + of + " failed");
            }
            if (errors > 0) {
                parts.add(errors + (failed > 0 ? "" : of) + " did not complete");
            }
            return "FAILED: " + String.join(", ", parts);
        }
        if (passed == n) {
            return "PASSED: " + (n == 1 ? "the script passed" : "all " + n + " scripts passed");
        }
        if (passed > 0) {
            return "PASSED: " + passed + of + " passed, " + (n - passed) + " not checked";
        }
        return "NOT CHECKED: " + (n == 1 ? "the script had no" : "none of the " + n + " scripts had an")
                + " expected reply";
    }

    private static Verdict overall(List<ScriptOutcome> outcomes) {
        if (count(outcomes, Verdict.FAIL) > 0 || count(outcomes, Verdict.ERROR) > 0) {
            return Verdict.FAIL;
        }
        return count(outcomes, Verdict.PASS) > 0 ? Verdict.PASS : Verdict.NOT_CHECKED;
    }

    private static void header(StringBuilder out, List<ScriptOutcome> outcomes, long elapsedMillis, String target,
                               String when, String setting) {
        out.append("<header>\n<h1>xmlclient report</h1>\n<p class=\"result ").append(Html.css(overall(outcomes)))
                .append("\">").append(Html.escape(result(outcomes))).append("</p>\n")
                .append("<p class=\"facts\"><b>Target</b> ").append(Html.escape(target))
                .append(" · <b>When</b> ").append(Html.escape(when))
                .append(" · <b>Duration</b> ").append(Html.duration(elapsedMillis)).append("</p>\n");
        if (setting != null) {
            out.append("<p class=\"facts\">").append(Html.escape(setting)).append("</p>\n");
        }
        long[] scripts = new long[Verdict.values().length];
        long[] requests = new long[Verdict.values().length];
        for (ScriptOutcome o : outcomes) {
            scripts[o.verdict().ordinal()]++;
            for (Verdict v : Verdict.values()) {
                requests[v.ordinal()] += o.count(v);
            }
        }
        counts(out, "Scripts", scripts);
        counts(out, "Requests", requests);
        out.append("</header>\n");
    }

    private static void counts(StringBuilder out, String what, long[] counts) {
        out.append("<p class=\"counts\"><b>").append(what).append("</b>");
        String[] words = {"passed", "failed", "not checked", "errors"};
        for (Verdict v : Verdict.values()) {
            long c = counts[v.ordinal()];
            String badge = Html.badge(v, c + " " + (c == 1 && v == Verdict.ERROR ? "error" : words[v.ordinal()]));
            out.append(' ').append(c == 0 ? badge.replace("class=\"badge ", "class=\"badge zero ") : badge);
        }
        out.append("</p>\n");
    }

    private static void failures(StringBuilder out, List<ScriptOutcome> outcomes) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            ScriptOutcome o = outcomes.get(i);
            if (o.verdict() == Verdict.FAIL || o.verdict() == Verdict.ERROR) {
                items.append("<li class=\"").append(Html.css(o.verdict())).append("\">").append(Html.badge(o.verdict()))
                        .append(" <a href=\"#").append(id(i)).append("\">")
                        .append(Html.escape(o.source().displayPath()))
                        .append("</a> <span class=\"note\">").append(Html.escape(firstProblem(o)))
                        .append("</span></li>\n");
            }
        }
        if (!items.isEmpty()) {
            out.append("<nav class=\"failures\">\n<h2>Failures</h2>\n<ul>\n").append(items).append("</ul>\n</nav>\n");
        }
    }

    private static void table(StringBuilder out, List<ScriptOutcome> outcomes) {
        out.append("<table class=\"summary\">\n<thead><tr><th>#</th><th>Verdict</th><th>Script</th>")
                .append("<th>Requests</th><th>Checked</th><th>ms</th><th>First difference or error</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int i = 0; i < outcomes.size(); i++) {
            ScriptOutcome o = outcomes.get(i);
            out.append("<tr class=\"").append(Html.css(o.verdict())).append("\"><td class=\"n\">").append(i + 1)
                    .append("</td><td>").append(Html.badge(o.verdict())).append("</td><td><a href=\"#").append(id(i))
                    .append("\">").append(Html.escape(o.source().displayPath())).append("</a></td><td class=\"n\">")
                    .append(o.requests().size()).append("</td><td class=\"n\">")
                    .append(o.count(Verdict.PASS) + o.count(Verdict.FAIL)).append("</td><td class=\"n\">")
                    .append(o.elapsedMillis()).append("</td><td class=\"first\" title=\"")
                    .append(Html.escape(firstProblem(o))).append("\">")
                    .append(Html.escape(Html.oneLine(firstProblem(o), 200))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /**
     * What a person looks at first: the error of a script that did not complete, the first
     * difference of one that failed, why one was not checked; a pass shows its first warning.
     */
    static String firstProblem(ScriptOutcome o) {
        return switch (o.verdict()) {
            case ERROR -> HtmlSection.status(o.status()) + (o.error() == null ? "" : ": " + o.error());
            case FAIL -> o.requests().stream().filter(r -> r.check().verdict() == Verdict.FAIL).findFirst()
                    .map(HtmlPage::describe).orElse("");
            case NOT_CHECKED -> o.requests().stream().map(r -> r.check().note()).filter(n -> n != null)
                    .findFirst().orElse("");
            case PASS -> o.requests().stream().filter(r -> !r.check().warnings().isEmpty()).findFirst()
                    .map(r -> "#" + r.step().number() + ": warning: " + r.check().warnings().get(0)).orElse("");
        };
    }

    private static String describe(RequestResult r) {
        Check check = r.check();
        String what = check.differences().isEmpty() ? String.valueOf(check.note())
                : check.differences().get(0).toString();
        int more = Math.max(0, check.differences().size() - 1);
        return "#" + r.step().number() + ": " + what + (more > 0 ? " (+" + more + " more)" : "");
    }

    private static long count(List<ScriptOutcome> outcomes, Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }
}
