package dlms.xmlclient.cli;

import dlms.xmlclient.decode.CosemNames;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Work a run will need but not at once, done ahead on a thread of its own while the command reads
 * its options, loads the first script and connects: gurux.dlms's OBIS table (read and parsed on
 * first use, 40-90 ms in a fresh JVM, for the descriptions in the trace, reply files and
 * reports) and the time zone rules and time format of the trace's time stamps. On a machine with
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
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(LocalTime.now());
            CosemNames.obisDescription("0.0.1.0.0.255");
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: the run does the same where it needs it, and reports any failure there.
        }
    }
}
