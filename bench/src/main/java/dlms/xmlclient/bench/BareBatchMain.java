package dlms.xmlclient.bench;

/**
 * The floor of a cold batch, run in a child JVM of its own: the bare Gurux loop
 * ({@link BareLoop#exchanges}) over as many associations as the batch has files, each with the
 * same reads as a generated file (connect, SNRM, AARQ, the reads with their XML, RLRQ, DISC,
 * close). Arguments: PORT FILES READS.
 */
public final class BareBatchMain {

    private BareBatchMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int files = Integer.parseInt(args[1]);
        int reads = Integer.parseInt(args[2]);
        for (int i = 0; i < files; i++) {
            BareLoop.exchanges(port, false, reads);
        }
    }
}
