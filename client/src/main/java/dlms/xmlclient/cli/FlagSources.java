package dlms.xmlclient.cli;

import dlms.xmlclient.run.SettingSources;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.Setting;
import gurux.dlms.enums.InterfaceType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each association setting came from, in the words the user finds it by: the flag when it
 * was typed on the command line ({@code -P}), with the options-file or targets-file line that set it
 * ({@code -c in messages/xmlclient.options:4}, {@code -P in targets.csv:12}), the keys-file line, or
 * {@code XMLCLIENT_PASSWORD}. A setting left at its default is named by the flag that sets it.
 */
final class FlagSources {

    /** The flag of each setting that one flag gives; the password and server address have more ways. */
    private static final Map<Setting, String> FLAGS = Map.ofEntries(
            Map.entry(Setting.CLIENT_ADDRESS, ClientOptions.CLIENT),
            Map.entry(Setting.AUTHENTICATION, ClientOptions.AUTHENTICATION),
            Map.entry(Setting.REFERENCING, ClientOptions.REFERENCING),
            Map.entry(Setting.SECURITY, ClientOptions.SECURITY),
            Map.entry(Setting.SECURITY_SUITE, ClientOptions.SUITE),
            Map.entry(Setting.SYSTEM_TITLE, ClientOptions.SYSTEM_TITLE),
            Map.entry(Setting.METER_SYSTEM_TITLE, ClientOptions.METER_SYSTEM_TITLE),
            Map.entry(Setting.AUTHENTICATION_KEY, ClientOptions.AUTHENTICATION_KEY),
            Map.entry(Setting.BLOCK_CIPHER_KEY, ClientOptions.BLOCK_CIPHER_KEY),
            Map.entry(Setting.DEDICATED_KEY, ClientOptions.DEDICATED_KEY),
            Map.entry(Setting.INVOCATION_COUNTER, ClientOptions.INVOCATION_COUNTER),
            Map.entry(Setting.INVOCATION_COUNTER_OBJECT, ClientOptions.INVOCATION_COUNTER_OBJECT));

    /** The flags the sources depend on: the settings' own, the keys and password files, the framing. */
    static final Set<String> READ = Set.of(ClientOptions.CLIENT, ClientOptions.SERVER, ClientOptions.LOGICAL_SERVER,
            ClientOptions.SERIAL_NUMBER, ClientOptions.AUTHENTICATION, ClientOptions.PASSWORD,
            ClientOptions.PASSWORD_FILE, ClientOptions.REFERENCING, ClientOptions.SECURITY, ClientOptions.SUITE,
            ClientOptions.SYSTEM_TITLE, ClientOptions.METER_SYSTEM_TITLE, ClientOptions.AUTHENTICATION_KEY,
            ClientOptions.BLOCK_CIPHER_KEY, ClientOptions.DEDICATED_KEY, ClientOptions.INVOCATION_COUNTER,
            ClientOptions.INVOCATION_COUNTER_OBJECT, ClientOptions.KEYS, ClientOptions.WRAPPER, ClientOptions.UDP);

    private FlagSources() {
    }

    /**
     * @param flags    the script's flags, each with where it was written
     * @param env      the environment ({@code XMLCLIENT_PASSWORD})
     * @param settings what the flags made: whether keys were read, and the framing
     */
    static SettingSources of(FlagValues flags, Map<String, String> env, ConnectionSettings settings) {
        Map<String, KeysFile.Entry> keysFile = keysFile(flags, settings);
        Map<Setting, List<String>> places = new EnumMap<>(Setting.class);
        FLAGS.forEach((setting, flag) -> places.put(setting, List.of(keysFile.containsKey(flag) && !flags.has(flag)
                ? keysFile.get(flag).place() : place(flags, flag))));
        places.put(Setting.PASSWORD, List.of(password(flags, env)));
        places.put(Setting.SERVER_ADDRESS, serverAddress(flags, settings.interfaceType()));
        return new SettingSources(places);
    }

    /**
     * The flag, and the file line that set it when a file did ({@code -P in targets.csv:12}: the
     * line holds other flags too); the flag alone when typed or left at its default.
     */
    private static String place(FlagValues flags, String flag) {
        String line = flags.fileLine(flag);
        String name = (flag.length() == 1 ? "-" : "--") + flag;
        return line != null ? name + " in " + line : name;
    }

    /** As {@link SecurityOptions#password} chooses: a typed flag, else the environment, else a file's flag. */
    private static String password(FlagValues flags, Map<String, String> env) {
        boolean typed = flags.onCommandLine(ClientOptions.PASSWORD) || flags.onCommandLine(ClientOptions.PASSWORD_FILE);
        if (!typed && env.get(SecurityOptions.PASSWORD_VARIABLE) != null) {
            return SecurityOptions.PASSWORD_VARIABLE;
        }
        return place(flags, flags.has(ClientOptions.PASSWORD_FILE) && !flags.has(ClientOptions.PASSWORD)
                ? ClientOptions.PASSWORD_FILE : ClientOptions.PASSWORD);
    }

    /**
     * The lines that gave -s, -l or -n; typed parts by their own flag. With none from a file,
     * all the flags that make the address: which one is wrong, the address in the message tells.
     */
    private static List<String> serverAddress(FlagValues flags, InterfaceType framing) {
        List<String> parts = List.of(ClientOptions.SERVER, ClientOptions.LOGICAL_SERVER, ClientOptions.SERIAL_NUMBER);
        if (parts.stream().noneMatch(p -> flags.fileLine(p) != null)) {
            return List.of(framing == InterfaceType.HDLC ? "-s, -l or -n" : "-s");
        }
        List<String> places = new ArrayList<>();
        for (String part : parts) {
            if (flags.has(part)) {
                places.add(place(flags, part));
            }
        }
        return places;
    }

    /**
     * The keys file's entries, when the settings took keys from one (it was read then, so it reads
     * again); else none, so a key is named by its flag.
     */
    private static Map<String, KeysFile.Entry> keysFile(FlagValues flags, ConnectionSettings settings) {
        if (!flags.has(ClientOptions.KEYS) || !settings.security().hasKeys()) {
            return Map.of();
        }
        try {
            return KeysFile.read(Path.of(flags.get(ClientOptions.KEYS)), flags.flag(ClientOptions.KEYS));
        } catch (UsageException e) {
            return Map.of(); // read a moment ago: changed since, and the flag is the place to look
        }
    }
}
