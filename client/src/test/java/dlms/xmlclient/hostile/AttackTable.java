package dlms.xmlclient.hostile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: prints the attacks of {@link GetAttacks} as a Markdown table (time, exit code, the
 * run's first problem line) for the limits given as arguments, e.g.
 * {@code --wait-time 2000 --retries 1}. Run on two commits, it gives the before and after of a
 * closing note: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * dlms.xmlclient.hostile.AttackTable --wait-time 2000 --retries 1}.
 */
public final class AttackTable {

    private AttackTable() {
    }

    public static void main(String[] limits) throws Exception {
        System.out.println("| attack | time | exit | what the user sees |");
        System.out.println("|---|---|---|---|");
        Path dir = Files.createTempDirectory("attacks");
        int n = 0;
        for (GetAttacks.Named attack : GetAttacks.ALL) {
            HostileRun run = GetAttacks.run(attack, dir.resolve("a" + ++n), limits);
            String line = run.out().lines().filter(l -> l.startsWith("[1/1]")).findFirst().orElse(run.out().strip());
            String seen = line.replaceFirst("^\\[1/1\\]\\s+\\S+\\s+\\S+\\s+\\d+ requests?\\s+\\d+ ms\\s+", "");
            System.out.printf("| %s (%s) | %.1f s | %d | `%s` |%n", attack.name(), attack.wrapper() ? "WRAPPER" : "HDLC",
                    run.elapsedMillis() / 1000.0, run.exitCode(), seen.replace("|", "\\|"));
        }
        System.exit(0); // the proxies' threads may still be winding down
    }
}
