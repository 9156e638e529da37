package dlms.xmlclient.run;

import java.nio.file.Path;

/**
 * A message file to run.
 *
 * @param file         the file
 * @param relativePath its path below the -x folder, '/'-separated; the key of every output
 */
public record ScriptSource(Path file, String relativePath) {
}
