package gurux.dlms;

import java.util.Set;

/**
 * The element names a Gurux translator knows, from its own table. The table is package-private;
 * reflection would reach it too, but a reflective field read sets up method handles that cost a
 * fresh JVM some 10 ms, a twentieth of a one-script run. This class is ours; it sits in the
 * library's package only to read that table, so a library upgrade that changes it fails the
 * build, not a run (docs/developer-notes.md).
 */
public final class TranslatorTagNames {

    private TranslatorTagNames() {
    }

    /** The lower-case names of {@code translator}'s elements. */
    public static Set<String> of(GXDLMSTranslator translator) {
        return Set.copyOf(translator.tagsByName.keySet());
    }
}
