package dlms.xmlclient.simulator.server;

import dlms.xmlclient.simulator.transport.Frames;

/**
 * The application-context-name of an AARQ (Green Book: 2.16.756.5.8.1.x, x = 1 LN, 2 SN, 3 LN
 * with ciphering, 4 SN with ciphering), read from the frame before gurux.dlms sees it, so that
 * a meter serving both referencings can hand the association to the server of the one asked
 * for. The AARQ itself is never ciphered, only its user-information.
 */
final class AarqContext {

    /** AARQ APDU tag. */
    private static final int AARQ = 0x60;
    /** application-context-name [1], constructed. */
    private static final int CONTEXT_NAME = 0xA1;
    private static final int OBJECT_IDENTIFIER = 0x06;
    /** 2.16.756.5.8.1 in BER, the arc of the DLMS application contexts. */
    private static final byte[] DLMS_CONTEXTS = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01};

    private AarqContext() {
    }

    /**
     * @param request bytes received: one frame, or the first segment of an HDLC AARQ
     * @param wrapper true for WRAPPER, false for HDLC
     * @return the context id (1..4), or -1 when they are not an AARQ naming a DLMS context
     */
    static int of(byte[] request, boolean wrapper) {
        int offset = Frames.apduOffset(request, wrapper);
        if (offset < 0 || (request[offset] & 0xFF) != AARQ) {
            return -1;
        }
        int[] at = {offset + 1};
        if (BerLength.read(request, at) < 0) {
            return -1;
        }
        while (at[0] < request.length) {
            int tag = request[at[0]++] & 0xFF;
            int length = BerLength.read(request, at);
            if (length < 0 || at[0] + length > request.length) {
                return -1;
            }
            if (tag == CONTEXT_NAME) {
                return contextId(request, at[0], length);
            }
            at[0] += length;
        }
        return -1;
    }

    private static int contextId(byte[] data, int start, int length) {
        int oidLength = DLMS_CONTEXTS.length + 1;
        if (length != oidLength + 2 || data[start] != OBJECT_IDENTIFIER
                || data[start + 1] != oidLength) {
            return -1;
        }
        for (int i = 0; i != DLMS_CONTEXTS.length; ++i) {
            if (data[start + 2 + i] != DLMS_CONTEXTS[i]) {
                return -1;
            }
        }
        return data[start + 2 + DLMS_CONTEXTS.length] & 0xFF;
    }
}
