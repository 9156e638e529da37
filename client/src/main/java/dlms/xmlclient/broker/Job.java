package dlms.xmlclient.broker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One meter of a fleet run on a broker: everything a worker on another host needs to run it
 * (see docs/broker.md). The message is JSON, {@code "format": "xmlclient-job/1"}.
 *
 * @param run          the fleet run's id: results go to {@code resultQueue}, and a result of another run is not
 *                     this one's
 * @param id           the job's id, unique in its run: the gathering side reports each id once
 * @param resultQueue  where the worker publishes the meter's result
 * @param meterLine    the meter's line of the targets file, {@code name,host,port[,flags]}
 * @param origin       where that line is ({@code targets.csv:7: }), for the meter's error messages
 * @param flags        the fleet's own command-line flags for every meter (association and timing), as tokens
 * @param strict       {@code --strict}
 * @param missingExpectedFails {@code --missing-expected fail}
 * @param suiteDigest  the suite zip's SHA-256, hex
 * @param suiteZip     the suite (see {@link SuiteArchive})
 */
public record Job(String run, String id, String resultQueue, String meterLine, String origin, List<String> flags,
                  boolean strict, boolean missingExpectedFails, String suiteDigest, byte[] suiteZip) {

    public static final String FORMAT = "xmlclient-job/1";

    public Job {
        flags = List.copyOf(flags);
    }

    /** The meter's name: the first column of its line. */
    public String meterName() {
        int comma = meterLine.indexOf(',');
        return (comma < 0 ? meterLine : meterLine.substring(0, comma)).strip();
    }

    public byte[] toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("run", run);
        o.addProperty("job", id);
        o.addProperty("resultQueue", resultQueue);
        JsonObject meter = new JsonObject();
        meter.addProperty("line", meterLine);
        meter.addProperty("origin", origin);
        o.add("meter", meter);
        JsonArray f = new JsonArray();
        flags.forEach(f::add);
        o.add("flags", f);
        o.addProperty("strict", strict);
        o.addProperty("missingExpected", missingExpectedFails ? "fail" : "not-checked");
        JsonObject suite = new JsonObject();
        suite.addProperty("sha256", suiteDigest);
        suite.addProperty("zip", Base64.getEncoder().encodeToString(suiteZip));
        o.add("suite", suite);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** True when the message says it is a job of ours (a DLMS2AMPQ request is not). */
    public static boolean isJob(JsonObject message) {
        JsonElement format = message.get("format");
        return format != null && format.isJsonPrimitive() && FORMAT.equals(format.getAsString());
    }

    /** @throws IllegalArgumentException naming what is missing or wrong */
    public static Job fromJson(JsonObject o) {
        try {
            JsonObject meter = o.getAsJsonObject("meter");
            JsonObject suite = o.getAsJsonObject("suite");
            if (meter == null || suite == null) {
                throw new IllegalArgumentException("a job needs \"meter\" and \"suite\"");
            }
            List<String> flags = new ArrayList<>();
            JsonArray f = o.getAsJsonArray("flags");
            if (f != null) {
                f.forEach(e -> flags.add(e.getAsString()));
            }
            return new Job(text(o, "run"), text(o, "job"), text(o, "resultQueue"), text(meter, "line"),
                    meter.has("origin") ? meter.get("origin").getAsString() : "job: ", flags,
                    o.has("strict") && o.get("strict").getAsBoolean(),
                    !o.has("missingExpected") || "fail".equals(o.get("missingExpected").getAsString()),
                    text(suite, "sha256"), Base64.getDecoder().decode(text(suite, "zip")));
        } catch (ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("a field of the job has the wrong type: " + e.getMessage());
        }
    }

    /** The message body as a JSON object. @throws IllegalArgumentException when it is none */
    public static JsonObject parse(byte[] body) {
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("the message is JSON but no object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the message is not JSON: " + e.getMessage());
        }
    }

    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return e.getAsString();
    }
}
