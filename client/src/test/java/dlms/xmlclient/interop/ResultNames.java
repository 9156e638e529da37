package dlms.xmlclient.interop;

import java.util.Map;

/**
 * Data-Access-Result and Action-Result codes as Gurux simple XML names them (the names in the
 * expected files); jDLMS gives the codes as enums of its own.
 */
final class ResultNames {

    private static final Map<Long, String> NAMES = Map.ofEntries(Map.entry(0L, "Success"),
            Map.entry(1L, "HardwareFault"), Map.entry(2L, "TemporaryFailure"),
            Map.entry(3L, "ReadWriteDenied"), Map.entry(4L, "UndefinedObject"),
            Map.entry(9L, "InconsistentClass"), Map.entry(11L, "UnavailableObject"),
            Map.entry(12L, "UnmatchedType"), Map.entry(13L, "AccessViolated"),
            Map.entry(14L, "DataBlockUnavailable"), Map.entry(15L, "LongGetOrReadAborted"),
            Map.entry(16L, "NoLongGetOrReadInProgress"), Map.entry(17L, "LongSetOrWriteAborted"),
            Map.entry(18L, "NoLongSetOrWriteInProgress"),
            Map.entry(19L, "DataBlockNumberInvalid"), Map.entry(250L, "OtherReason"));

    private ResultNames() {
    }

    /** @return the Gurux name of a result code, "Code" and the number when it has none */
    static String of(long code) {
        return NAMES.getOrDefault(code, "Code" + code);
    }
}
