package dlms.xmlclient.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a failure asks its reader to check: words around the settings it suspects, e.g.
 * " (check " PASSWORD ")". The session knows which settings; only the caller knows where each
 * was set, so the caller words them ({@link #words}).
 */
public final class Hint {

    public static final Hint NONE = new Hint(List.of());

    /** Between a setting's name and the file line that set it (the caller's words). */
    private static final String IN = " in ";

    private sealed interface Part permits Text, Settings {
    }

    private record Text(String text) implements Part {
    }

    /** Settings worded together ("a, b and c"), a place they share said once. */
    private record Settings(List<Setting> settings) implements Part {
    }

    private final List<Part> parts;

    private Hint(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The usual hint: " (check " and the settings ")". */
    public static Hint check(Setting... settings) {
        return of(" (check ").then(settings).then(")");
    }

    public static Hint of(String text) {
        return NONE.then(text);
    }

    public Hint then(String text) {
        return with(new Text(text));
    }

    public Hint then(Setting... settings) {
        return with(new Settings(List.of(settings)));
    }

    private Hint with(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new Hint(more);
    }

    /** The settings this hint points at, each once, in order. */
    public List<Setting> suspects() {
        Set<Setting> all = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Settings s) {
                all.addAll(s.settings());
            }
        }
        return List.copyOf(all);
    }

    /**
     * The hint in words, "" when there is none.
     *
     * @param places where each setting was set, in its user's words: {@code [-P]},
     *               {@code [-P in messages/xmlclient.options:4]}; a place two settings share is said
     *               once, and so is a file line: "-A, -B and -T in targets.csv:2"
     */
    public String words(Function<Setting, List<String>> places) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                b.append(t.text());
            } else if (p instanceof Settings s) {
                Set<String> said = new LinkedHashSet<>();
                s.settings().forEach(setting -> said.addAll(places.apply(setting)));
                b.append(list(grouped(said)));
            }
        }
        return b.toString();
    }

    /** Places "what in where" that share their where, said once: "-A and -B in targets.csv:2". */
    private static List<String> grouped(Set<String> places) {
        Map<String, List<String>> byWhere = new LinkedHashMap<>();
        for (String place : places) {
            int in = place.indexOf(IN);
            String where = in < 0 ? place : place.substring(in);
            byWhere.computeIfAbsent(where, k -> new ArrayList<>()).add(in < 0 ? "" : place.substring(0, in));
        }
        List<String> out = new ArrayList<>();
        byWhere.forEach((where, whats) -> out.add(where.startsWith(IN) ? list(whats) + where : where));
        return out;
    }

    /** a; a and b; a, b and c. */
    private static String list(List<String> items) {
        int last = items.size() - 1;
        return last <= 0 ? String.join("", items)
                : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }

    /** The hint with each setting by its name, e.g. " (check password)". */
    @Override
    public String toString() {
        return words(s -> List.of(s.toString()));
    }
}
