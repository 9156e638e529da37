package dlms.xmlclient.cli;

import dlms.xmlclient.decode.CosemNames;
import dlms.xmlclient.verdict.ReplyComparator;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Work a run will need but not at once, done ahead on a thread of its own while the command reads
 * its options, loads the first script and connects: the classes of a reply comparator (the JDK's
 * XML parser factory and xmlunit's placeholders, each found by a service search, 5-8 ms in a
 * fresh JVM), gurux.dlms's OBIS table (read and parsed on first use, 40-90 ms, for the
 * descriptions in the trace, reply files and reports) and the time zone rules and time format of
 * the trace's time stamps. On a machine with
 * two cores or more, a one-script run is that much shorter; on one core nothing is lost but a
 * thread. A daemon: it never holds the JVM up, and whatever it has not done yet is done where
 * it is needed, as before.
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread thread = new Thread(Warmup::run, "xmlclient-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            new ReplyComparator(); // its classes initialised; the run makes its own
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(LocalTime.now());
            CosemNames.obisDescription("0.0.1.0.0.255");
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the run does the same where it needs it, and reports any failure there.
        }
    }
}
