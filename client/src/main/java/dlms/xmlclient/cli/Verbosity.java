package dlms.xmlclient.cli;

import java.util.Locale;

/** The -t levels of the Gurux XmlClient. */
enum Verbosity {
    ERROR, WARNING, INFO, VERBOSE;

    static Verbosity parse(String value) throws UsageException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-t " + value + ": expected Error, Warning, Info or Verbose");
        }
    }
}
