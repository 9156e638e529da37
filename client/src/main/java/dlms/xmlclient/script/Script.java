package dlms.xmlclient.script;

import java.nio.file.Path;
import java.util.List;

/**
 * A message file, loaded: its requests in order.
 *
 * @param file         the file on disk
 * @param relativePath its path below the folder given with -x (the file name when -x names a file),
 *                     with '/' separators; every output keeps it
 * @param steps        the requests
 */
public record Script(Path file, String relativePath, List<Step> steps) {

    public Script {
        steps = List.copyOf(steps);
    }

    /** True when the script itself sends this command (SNRM, AARQ, RLRQ, DISC). */
    public boolean sends(int command) {
        return steps.stream().anyMatch(s -> s.command() == command);
    }
}
