package dlms.xmlclient.broker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dlms.xmlclient.run.RequestResult;
import dlms.xmlclient.run.ScriptOutcome;
import dlms.xmlclient.run.ScriptSource;
import dlms.xmlclient.run.StepReply;
import dlms.xmlclient.script.Script;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.verdict.Check;
import dlms.xmlclient.verdict.Difference;
import dlms.xmlclient.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One meter's result, as a worker publishes it ({@code "format": "xmlclient-result/1"}): per
 * script its status, one-line error and time, and per request its verdict, differences, note,
 * warnings and reply time: what the fleet's console lines and junit.xml are made of. The reply
 * texts and the trace stay in the worker's output folder, which {@code outputs} names.
 *
 * @param outputs  {@code worker-host:folder} of the meter's replies, trace and report
 * @param outcomes the scripts' outcomes, without reply texts
 * @param error    why the worker could not run the job at all (its suite or flags unusable), else null;
 *                 the gathering side then reports each script of the meter as bad input with it
 */
public record MeterResult(String run, String job, String meter, String worker, String outputs,
                          long elapsedMillis, List<ScriptOutcome> outcomes, String error) {

    public static final String FORMAT = "xmlclient-result/1";

    public byte[] toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("run", run);
        o.addProperty("job", job);
        o.addProperty("meter", meter);
        o.addProperty("worker", worker);
        o.addProperty("outputs", outputs);
        o.addProperty("elapsedMillis", elapsedMillis);
        o.addProperty("error", error);
        JsonArray scripts = new JsonArray();
        for (ScriptOutcome s : outcomes) {
            JsonObject script = new JsonObject();
            script.addProperty("path", s.source().relativePath());
            script.addProperty("status", s.status().name());
            script.addProperty("error", s.error());
            script.addProperty("elapsedMillis", s.elapsedMillis());
            JsonArray requests = new JsonArray();
            for (RequestResult r : s.requests()) {
                requests.add(request(r));
            }
            script.add("requests", requests);
            scripts.add(script);
        }
        o.add("scripts", scripts);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject request(RequestResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("number", r.step().number());
        o.addProperty("line", r.step().line());
        o.addProperty("verdict", r.check().verdict().name());
        o.addProperty("note", r.check().note());
        JsonArray differences = new JsonArray();
        for (Difference d : r.check().differences()) {
            JsonObject diff = new JsonObject();
            diff.addProperty("xpath", d.xpath());
            diff.addProperty("expected", d.expected());
            diff.addProperty("actual", d.actual());
            differences.add(diff);
        }
        o.add("differences", differences);
        JsonArray warnings = new JsonArray();
        r.check().warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        if (r.reply() == null) {
            o.add("reply", JsonNull.INSTANCE);
        } else {
            JsonObject reply = new JsonObject();
            reply.addProperty("sentAt", r.reply().sentAt() == null ? null : r.reply().sentAt().toString());
            reply.addProperty("elapsedMillis", r.reply().elapsedMillis());
            reply.addProperty("xml", r.reply().replyXml() != null);
            o.add("reply", reply);
        }
        return o;
    }

    /**
     * A result message read back against the gathering side's own scripts.
     *
     * @param sources the meter's scripts by their path below -x
     * @param scripts a script loaded as the meter's association frames it, or null when it cannot be
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static MeterResult fromJson(JsonObject o, Map<String, ScriptSource> sources,
            Function<ScriptSource, Script> scripts) {
        try {
            List<ScriptOutcome> outcomes = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("scripts")) {
                JsonObject s = e.getAsJsonObject();
                String path = Job.text(s, "path");
                ScriptSource source = sources.get(path);
                if (source == null) {
                    throw new IllegalArgumentException("script " + path + " is not one of this run's");
                }
                Script script = s.getAsJsonArray("requests").isEmpty() ? null : scripts.apply(source);
                List<RequestResult> requests = new ArrayList<>();
                for (JsonElement r : s.getAsJsonArray("requests")) {
                    requests.add(request(r.getAsJsonObject(), script));
                }
                outcomes.add(new ScriptOutcome(source, script, ScriptOutcome.Status.valueOf(Job.text(s, "status")),
                        requests, optional(s, "error"), s.get("elapsedMillis").getAsLong(), ""));
            }
            return new MeterResult(Job.text(o, "run"), Job.text(o, "job"), Job.text(o, "meter"),
                    optional(o, "worker"), optional(o, "outputs"), o.get("elapsedMillis").getAsLong(), outcomes,
                    optional(o, "error"));
        } catch (ClassCastException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException("a field of the result is missing or has the wrong type: " + e);
        }
    }

    private static RequestResult request(JsonObject r, Script script) {
        int number = r.get("number").getAsInt();
        Step step = script != null && number >= 1 && number <= script.steps().size() ? script.steps().get(number - 1)
                : new Step(number, r.get("line").getAsInt(), null, "<Request/>", null, 0, 0);
        List<Difference> differences = new ArrayList<>();
        for (JsonElement e : r.getAsJsonArray("differences")) {
            JsonObject d = e.getAsJsonObject();
            differences.add(new Difference(optional(d, "xpath"), optional(d, "expected"), optional(d, "actual")));
        }
        List<String> warnings = new ArrayList<>();
        r.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
        Check check = new Check(Verdict.valueOf(Job.text(r, "verdict")), null, differences, optional(r, "note"),
                warnings);
        StepReply reply = null;
        if (r.get("reply") != null && r.get("reply").isJsonObject()) {
            JsonObject p = r.getAsJsonObject("reply");
            String sentAt = optional(p, "sentAt");
            reply = new StepReply(step, p.get("xml").getAsBoolean() ? "" : null,
                    sentAt == null ? null : Instant.parse(sentAt), p.get("elapsedMillis").getAsLong());
        }
        return new RequestResult(step, reply, check);
    }

    private static String optional(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
