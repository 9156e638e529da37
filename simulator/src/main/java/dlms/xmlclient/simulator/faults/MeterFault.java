package dlms.xmlclient.simulator.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A way the simulated meter misbehaves ({@code --fault NAME}), so that a client's handling of a
 * broken meter can be seen and tested. Each has a bounded, documented outcome (see the
 * simulator's help). "After the association" means while the connection state has an
 * established application association; the replies a fault builds are plain (never ciphered).
 */
public enum MeterFault {

    /** Receives everything, answers nothing (a TCP connection is still accepted). */
    SILENT,
    /** HDLC: answers SNRM with UA; every other frame is ignored, unserved. */
    SNRM_ONLY,
    /** Answers every AARQ with an AARE rejected-permanent. */
    REJECT_ASSOCIATION,
    /** TCP: closes the connection at the 2nd data request of an association. */
    DROP_CONNECTION,
    /** HDLC: replies to data requests carry a wrong frame check sequence. */
    BAD_CRC,
    /** Replies to data requests come from server address (logical device) 5. */
    WRONG_ADDRESS,
    /** Get, Set and Action responses carry the request's invoke id + 1 (mod 16). */
    WRONG_INVOKE_ID,
    /** Replies to data requests are cut to about their first half. */
    TRUNCATED,
    /** A Get (or SN Read) is answered by data blocks that never end. */
    ENDLESS_BLOCKS,
    /** Data requests are answered with exception-response D8 01 01. */
    EXCEPTION_RESPONSE,
    /** The object list declares two attributes' access wrongly (see the server's DeclaredAccess). */
    WRONG_ACCESS_RIGHTS,
    /** Data requests are answered with a confirmed-service-error (0E). */
    SERVICE_ERROR,
    /**
     * General block transfer (WRAPPER and HDLC): the second block of the first window of three blocks or
     * more is not sent, once; the client must acknowledge the block before it and get it again.
     */
    GBT_LOST_BLOCK;

    /** @return the name on the command line, e.g. "bad-crc" */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return every option name, comma separated: "silent, snrm-only, ..." */
    public static String optionNames() {
        return Arrays.stream(values()).map(MeterFault::optionName)
                .collect(Collectors.joining(", "));
    }

    /**
     * @param name an option name such as "bad-crc"
     * @return its fault
     * @throws IllegalArgumentException naming the allowed names when there is none of that name
     */
    public static MeterFault forOptionName(String name) {
        for (MeterFault fault : values()) {
            if (fault.optionName().equals(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("no fault '" + name + "': one of " + optionNames());
    }
}
