package dlms.xmlclient.discover;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The attributes whose data differed between the suite's two reads: they move by themselves. */
public final class MovedValues {

    private MovedValues() {
    }

    /**
     * @param first  the recorded replies by message file, in read order
     * @param second the second read's, likewise
     * @return their keys as {@link AccessRightsScripts#key} makes them
     */
    public static Set<String> between(List<SuiteScripts.SuiteScript> scripts, Map<String, List<String>> first,
            Map<String, List<String>> second) {
        Set<String> moved = new HashSet<>();
        for (SuiteScripts.SuiteScript s : scripts) {
            List<String> a = first.getOrDefault(s.fileName(), List.of());
            List<String> b = second.getOrDefault(s.fileName(), List.of());
            for (int i = 0; i < s.reads().size() && i < a.size() && i < b.size(); i++) {
                if (!Objects.equals(ReplyData.data(a.get(i)), ReplyData.data(b.get(i)))) {
                    PlannedRead r = s.reads().get(i);
                    moved.add(AccessRightsScripts.key(r.object(), r.attribute()));
                }
            }
        }
        return moved;
    }
}
