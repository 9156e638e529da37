package dlms.xmlclient.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Gurux reader's flags, as DLMS2AMPQ's ConnectionString has them, in our words. Most mean
 * the same here ({@code -h -p -S -a -P -c -s -n -l -C -V -T -M -A -B -D -F -v -W}); a few
 * differ: {@code -i WRAPPER|HDLC} is the interface (ours is {@code -w}, and {@code -i} is mode
 * E), {@code -r SN|LN} is upper case there, {@code -w N} and {@code -f N} are the HDLC window
 * and frame sizes; {@code -t LEVEL}, {@code -I} and {@code -o FILE} (trace, invoke ids, a cache)
 * change nothing of a read. The others (signing, gateways, PLC, certificates, standards) are
 * refused by name.
 */
final class ReaderFlags {

    private static final Set<String> SAME_WITH_VALUE = Set.of("-h", "-p", "-S", "-a", "-P", "-c", "-s", "-n", "-l",
            "-C", "-V", "-T", "-M", "-A", "-B", "-D", "-F", "-v", "-W");

    private ReaderFlags() {
    }

    static List<String> translate(List<String> reader) throws UsageException {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < reader.size(); i++) {
            String flag = reader.get(i);
            boolean last = i + 1 >= reader.size();
            String value = last ? null : reader.get(i + 1);
            switch (flag) {
                case "-I" -> {
                }
                case "-i" -> {
                    String v = need(flag, value).toUpperCase(Locale.ROOT);
                    if (v.equals("WRAPPER")) {
                        ours.add("-w");
                    } else if (!v.equals("HDLC")) {
                        throw new UsageException("ConnectionString: -i " + value + ": only WRAPPER and HDLC are"
                                + " supported");
                    }
                    i++;
                }
                case "-r" -> {
                    ours.addAll(List.of("-r", need(flag, value).toLowerCase(Locale.ROOT)));
                    i++;
                }
                case "-w" -> {
                    ours.addAll(List.of("--window-size", need(flag, value)));
                    i++;
                }
                case "-f" -> {
                    ours.addAll(List.of("--frame-size", need(flag, value)));
                    i++;
                }
                case "-t", "-o" -> {
                    need(flag, value);
                    i++;
                }
                default -> {
                    if (!SAME_WITH_VALUE.contains(flag)) {
                        throw new UsageException("ConnectionString: " + flag + " is not supported by xmlclient"
                                + " (supported: -h -p -S -a -P -c -s -n -l -r -i -C -V -T -M -A -B -D -F -v -W -w -f)");
                    }
                    ours.addAll(List.of(flag, need(flag, value)));
                    i++;
                }
            }
        }
        return ours;
    }

    private static String need(String flag, String value) throws UsageException {
        if (value == null) {
            throw new UsageException("ConnectionString: " + flag + " needs a value");
        }
        return value;
    }
}
