package dlms.xmlclient.simulator.server;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Set;

import dlms.xmlclient.simulator.transport.Frames;
import gurux.dlms.GXICipher;
import gurux.dlms.enums.Command;

/**
 * Replies gurux.dlms 4.0.47 encodes against the Green Book, put right before they go on the
 * wire:
 * <ul>
 * <li>The release response (RLRE). GXDLMSServerBase.handleReleaseRequest writes the RLRE
 * length as user-information length + 3 and the user-information [30] length as + 1, where
 * they are + 7 and + 2: {@code 63 11 80 01 00 BE 0F 04 0E} followed by 14 bytes (ciphered
 * {@code 63 24 .. BE 22 04 21}, 33 bytes). A client that decodes BER stops short or waits for
 * bytes that never come: jDLMS's release fails with EOFException. Shown by
 * StandardRepliesTest#releaseResponseLengthsMatchTheirContent and, through jDLMS, by
 * JdlmsClientSessionTest#releaseIsAnsweredWithAReleaseResponseJdlmsDecodes.
 * <li>The action response to an action refused (read-write-denied) or on an undefined object.
 * GXDLMSLNCommandHandler.methodRequest leaves out the Action-Response-With-Optional-Data's
 * return-parameters field, whose absence is a 00 byte: {@code C7 01 C1 03} instead of
 * {@code C7 01 C1 03 00} (the success reply {@code C7 01 C1 00 00} has it). Ciphered, the same
 * four bytes are enciphered; the reply is deciphered and enciphered again. Shown by
 * StandardRepliesTest#refusedActionResponseSaysItHasNoReturnParameters.
 * </ul>
 */
final class ReplyRepairs {

    /** Release-response-reason [0] and user-information [30] of the RLRE; octet string. */
    private static final int REASON = 0x80;
    private static final int USER_INFORMATION = 0xBE;
    private static final int OCTET_STRING = 0x04;
    /** Action-Response-Normal with invoke-id and result but no return-parameters field. */
    private static final int ACTION_RESPONSE_NORMAL = 1;
    private static final int ACTION_WITHOUT_RETURN_PARAMETERS = 4;

    /** First bytes of the APDUs repaired here: RLRE, action response, ciphered replies. */
    private static final Set<Integer> CANDIDATES = Set.of(Command.RELEASE_RESPONSE,
            Command.METHOD_RESPONSE, Command.GLO_METHOD_RESPONSE, Command.DED_METHOD_RESPONSE,
            Command.GENERAL_GLO_CIPHERING, Command.GENERAL_DED_CIPHERING);
    /** Bytes from the APDU to the frame's end above which a reply is none of them. */
    private static final int LARGEST_CANDIDATE = 128;

    private ReplyRepairs() {
    }

    /**
     * @param frame one frame the meter is about to send
     * @param wrapper true for WRAPPER, false for HDLC
     * @param keys the meter's ciphering settings, for a ciphered action response
     * @return the frame carrying the repaired APDU, or null when it needs no repair
     */
    static byte[] repaired(byte[] frame, boolean wrapper, GXICipher keys) {
        int offset = Frames.apduOffset(frame, wrapper);
        if (offset < 0 || !CANDIDATES.contains(frame[offset] & 0xFF)
                || frame.length - offset > LARGEST_CANDIDATE || !Frames.isWhole(frame, wrapper)
                || Frames.isSegment(frame, wrapper)) {
            return null; // every other reply, block-transferred data above all, goes as it is
        }
        byte[] apdu = Frames.apdu(frame, wrapper);
        byte[] repaired = repairedApdu(apdu, keys);
        return repaired == null || Arrays.equals(repaired, apdu) ? null
                : Frames.withApdu(frame, wrapper, repaired);
    }

    /** @return the APDU put right, or null when it is none of the APDUs repaired here */
    static byte[] repairedApdu(byte[] apdu, GXICipher keys) {
        if (apdu.length == 0) {
            return null;
        }
        if ((apdu[0] & 0xFF) == Command.RELEASE_RESPONSE) {
            return releaseResponse(apdu);
        }
        if (isActionWithoutReturnParameters(apdu)) {
            return Arrays.copyOf(apdu, apdu.length + 1); // + 00: no return parameters
        }
        CipheredReply ciphered = CipheredReply.parse(apdu);
        if (ciphered == null || ciphered.plaintextLength() != ACTION_WITHOUT_RETURN_PARAMETERS) {
            return null;
        }
        byte[] plain = ciphered.decipher(keys);
        return plain != null && isActionWithoutReturnParameters(plain)
                ? ciphered.around(Arrays.copyOf(plain, plain.length + 1), keys) : null;
    }

    private static boolean isActionWithoutReturnParameters(byte[] apdu) {
        return apdu.length == ACTION_WITHOUT_RETURN_PARAMETERS
                && (apdu[0] & 0xFF) == Command.METHOD_RESPONSE
                && apdu[1] == ACTION_RESPONSE_NORMAL;
    }

    /**
     * Encodes the RLRE again with the lengths of its content: {@code 63 len [80 01 reason]
     * [BE len 04 len user-information]}. The received length fields are skipped, not trusted.
     *
     * @return the RLRE with right lengths, null when it is not laid out so
     */
    static byte[] releaseResponse(byte[] apdu) {
        int[] at = {1};
        if (BerLength.read(apdu, at) < 0) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (at[0] < apdu.length && (apdu[at[0]] & 0xFF) == REASON) {
            ++at[0];
            int length = BerLength.read(apdu, at);
            if (length < 0 || at[0] + length > apdu.length) {
                return null;
            }
            BerLength.writeTlv(body, REASON, Arrays.copyOfRange(apdu, at[0], at[0] + length));
            at[0] += length;
        }
        if (at[0] < apdu.length && (apdu[at[0]] & 0xFF) == USER_INFORMATION) {
            ++at[0];
            if (BerLength.read(apdu, at) < 0 || at[0] >= apdu.length
                    || apdu[at[0]++] != OCTET_STRING) {
                return null;
            }
            int length = BerLength.read(apdu, at);
            if (length < 0 || at[0] + length > apdu.length) {
                return null;
            }
            ByteArrayOutputStream information = new ByteArrayOutputStream();
            BerLength.writeTlv(information, OCTET_STRING,
                    Arrays.copyOfRange(apdu, at[0], at[0] + length));
            BerLength.writeTlv(body, USER_INFORMATION, information.toByteArray());
            at[0] += length;
        }
        if (at[0] != apdu.length) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BerLength.writeTlv(out, Command.RELEASE_RESPONSE, body.toByteArray());
        return out.toByteArray();
    }
}
