package dlms.xmlclient.bench;

import gurux.dlms.enums.ObjectType;

/** The floor's loops: {@link BareClient} doing what a script file of our path does. */
final class BareLoop {

    /**
     * @param nanos the read alone, association excluded
     * @param bytes reply bytes on the wire
     * @param xml   the reply XML, for a sanity check of its size
     */
    record Read(long nanos, long bytes, String xml) {
    }

    private BareLoop() {
    }

    /** Connect, associate, N reads (clock time and A+ register in turn, XML each), release, close. */
    static long exchanges(int port, boolean wrapper, int n) throws Exception {
        long start = System.nanoTime();
        try (BareClient client = BareClient.connect(port, wrapper)) {
            client.associate();
            for (int i = 0; i < n; i++) {
                String xml = i % 2 == 0 ? client.read(GeneratedScripts.CLOCK, ObjectType.CLOCK, 2)
                        : client.read(GeneratedScripts.REGISTER, ObjectType.REGISTER, 2);
                if (xml.isEmpty()) {
                    throw new IllegalStateException("the translator gave no XML");
                }
            }
            client.release();
        }
        return System.nanoTime() - start;
    }

    /** Connect, associate, release, disconnect and close. */
    static void associateOnce(int port, boolean wrapper) throws Exception {
        try (BareClient client = BareClient.connect(port, wrapper)) {
            client.associate();
            client.release();
        }
    }

    /** The whole load profile buffer, timed from the request to its XML. */
    static Read profile(int port, boolean wrapper) throws Exception {
        try (BareClient client = BareClient.connect(port, wrapper)) {
            client.associate();
            long bytesBefore = client.bytesReceived();
            long start = System.nanoTime();
            String xml = client.read(GeneratedScripts.PROFILE, ObjectType.PROFILE_GENERIC, 2);
            long nanos = System.nanoTime() - start;
            Read read = new Read(nanos, client.bytesReceived() - bytesBefore, xml);
            client.release();
            return read;
        }
    }
}
