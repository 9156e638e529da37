package dlms.xmlclient.run;

import dlms.xmlclient.session.SessionException;
import dlms.xmlclient.session.Setting;

import java.util.List;
import java.util.Map;

/**
 * Where each setting of a script's association was set, in the words its user knows: {@code -P},
 * {@code messages/xmlclient.options:4}, {@code targets.csv:12}, {@code XMLCLIENT_PASSWORD}. Whoever
 * assembles the run knows (the command line does); the run words a session failure's hint with
 * it, so that the hint points where the value can be fixed.
 *
 * @param places each setting's places; a setting without one is named by what it is
 */
public record SettingSources(Map<Setting, List<String>> places) {

    /** For a run assembled without a command line: each setting by its name, "(check password)". */
    public static final SettingSources UNKNOWN = new SettingSources(Map.of());

    public SettingSources {
        places = Map.copyOf(places);
    }

    public List<String> of(Setting setting) {
        return places.getOrDefault(setting, List.of(setting.toString()));
    }

    /** The failure in one line: what failed, and where to look for the settings it suspects. */
    public String explain(SessionException failure) {
        return failure.worded(this::of);
    }
}
