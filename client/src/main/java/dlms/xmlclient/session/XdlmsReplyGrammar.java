package dlms.xmlclient.session;

import gurux.dlms.enums.Command;

import java.util.List;

/**
 * Walks a reply APDU by the xDLMS grammar (Green Book, xDLMS APDUs in A-XDR) and says where its
 * bytes and the grammar part: a length that disagrees with its content, bytes after the end, an
 * APDU that ends where a field belongs (a missing optional-field byte). The walk is the client's
 * own, independent of gurux.dlms, whose XML-to-PDU encoder cannot serve as the reference: it
 * drops the absent-return-parameters byte of an ActionResponse and doubles the data choice of a
 * present one, and drops the choice of every ReadResponse item after the first (shown in
 * MeterEncodingTest).
 */
final class XdlmsReplyGrammar extends AxdrReader {

    private XdlmsReplyGrammar(byte[] apdu) {
        super(apdu);
    }

    /** The finding of a reply nested past {@link #MAX_DEPTH}: it is not translated (the translator recurses). */
    static final String TOO_DEEP_FINDING = "reply nested deeper than " + MAX_DEPTH + " levels";

    /** Whether the walk of a reply APDU finds a value nested past {@link #MAX_DEPTH}. */
    static boolean nestedTooDeep(byte[] apdu) {
        if (apdu == null || apdu.length == 0) {
            return false;
        }
        try {
            new XdlmsReplyGrammar(apdu).apdu();
            return false;
        } catch (TooDeep d) {
            return true;
        } catch (Deviation | RuntimeException d) {
            return false;
        }
    }

    /**
     * @return the deviations of a reply APDU, empty when it follows the grammar or is not a reply
     *         APDU this walk knows (it then says nothing rather than guess)
     */
    static List<String> findings(byte[] apdu) {
        if (apdu.length == 0) {
            return List.of();
        }
        XdlmsReplyGrammar walk = new XdlmsReplyGrammar(apdu);
        String name;
        try {
            name = walk.apdu();
            if (name == null) {
                return List.of();
            }
        } catch (Deviation d) {
            return List.of(d.getMessage());
        } catch (TooDeep d) {
            return List.of(TOO_DEEP_FINDING);
        }
        if (walk.at < apdu.length) {
            int extra = apdu.length - walk.at;
            return List.of(name + ": " + extra + (extra == 1 ? " byte" : " bytes") + " after its end, from byte "
                    + walk.at + ": " + walk.window(walk.at));
        }
        return List.of();
    }

    /** @return the APDU's name, or null for one this walk does not know */
    private String apdu() throws Deviation, TooDeep {
        int tag = u8("the APDU tag");
        return switch (tag) {
            case 0xC4 -> getResponse();
            case 0xC5 -> setResponse();
            case 0xC7 -> actionResponse();
            case 0x0C -> readResponse();
            case 0x0D -> writeResponse();
            case 0xD8 -> exceptionResponse();
            case 0x0E -> {
                bytes(3, "the confirmed-service-error (service, error class, error)");
                yield "ConfirmedServiceError";
            }
            case 0xC2 -> eventNotification();
            case 0x0F -> dataNotification();
            case 0xE0 -> generalBlockTransfer();
            // glo- and ded- replies, general-glo- and general-ded-ciphering: a length, then ciphertext.
            case Command.GLO_GET_RESPONSE, Command.GLO_SET_RESPONSE, Command.GLO_METHOD_RESPONSE,
                    Command.GLO_READ_RESPONSE, Command.GLO_WRITE_RESPONSE, Command.GLO_EVENT_NOTIFICATION_REQUEST, Command.GLO_CONFIRMED_SERVICE_ERROR,
                    Command.DED_GET_RESPONSE, Command.DED_SET_RESPONSE, Command.DED_METHOD_RESPONSE,
                    Command.DED_READ_RESPONSE, Command.DED_WRITE_RESPONSE, Command.DED_EVENT_NOTIFICATION, Command.DED_CONFIRMED_SERVICE_ERROR,
                    Command.GENERAL_GLO_CIPHERING, Command.GENERAL_DED_CIPHERING -> ciphered(tag);
            default -> null;
        };
    }

    private String getResponse() throws Deviation, TooDeep {
        String name = "GetResponse";
        switch (u8(name + " choice")) {
            case 1 -> {
                u8("invoke-id-and-priority");
                getDataResult(name + "-normal");
                return name + "-normal";
            }
            case 2 -> {
                u8("invoke-id-and-priority");
                u8("last-block");
                bytes(4, "block-number");
                if (u8("the block's result choice") == 0) {
                    octetString(name + "-with-datablock raw-data");
                } else {
                    u8("data-access-result");
                }
                return name + "-with-datablock";
            }
            case 3 -> {
                u8("invoke-id-and-priority");
                long count = length(name + "-with-list count");
                for (long i = 0; i < count; i++) {
                    getDataResult(name + "-with-list item " + (i + 1) + " of " + count);
                }
                return name + "-with-list";
            }
            default -> {
                return null;
            }
        }
    }

    private void getDataResult(String what) throws Deviation, TooDeep {
        int choice = u8(what + ": the result choice (00 data, 01 data-access-result)");
        if (choice == 0) {
            data(what);
        } else if (choice == 1) {
            u8(what + ": data-access-result");
        } else {
            throw new Deviation(what + " at byte " + (at - 1) + ": result choice " + hex(choice)
                    + ", the grammar has 00 (data) and 01 (data-access-result)");
        }
    }

    private String setResponse() throws Deviation {
        String name = "SetResponse";
        int choice = u8(name + " choice");
        u8("invoke-id-and-priority");
        switch (choice) {
            case 1 -> u8("result");
            case 2 -> bytes(4, "block-number");
            case 3 -> {
                u8("result");
                bytes(4, "block-number");
            }
            case 4 -> {
                bytes(length("result count"), "results");
                bytes(4, "block-number");
            }
            case 5 -> bytes(length("result count"), "results");
            default -> {
                return null;
            }
        }
        return name;
    }

    private String actionResponse() throws Deviation, TooDeep {
        String name = "ActionResponse";
        switch (u8(name + " choice")) {
            case 1 -> {
                u8("invoke-id-and-priority");
                actionResult(name + "-normal");
                return name + "-normal";
            }
            case 2 -> {
                u8("invoke-id-and-priority");
                u8("last-block");
                bytes(4, "block-number");
                octetString(name + "-with-pblock raw-data");
                return name + "-with-pblock";
            }
            case 3 -> {
                u8("invoke-id-and-priority");
                long count = length(name + "-with-list count");
                for (long i = 0; i < count; i++) {
                    actionResult(name + "-with-list item " + (i + 1) + " of " + count);
                }
                return name + "-with-list";
            }
            case 4 -> {
                u8("invoke-id-and-priority");
                bytes(4, "block-number");
                return name + "-next-pblock";
            }
            default -> {
                return null;
            }
        }
    }

    /** Action-Response-With-Optional-Data: result, then return-parameters OPTIONAL (00 absent, 01 present). */
    private void actionResult(String what) throws Deviation, TooDeep {
        u8(what + ": the action-result");
        int flag = u8(what + ": the return-parameters flag after the action-result (00 absent, 01 present)");
        if (flag == 1) {
            getDataResult(what + " return-parameters");
        } else if (flag != 0) {
            throw new Deviation(what + " at byte " + (at - 1) + ": return-parameters flag " + hex(flag)
                    + ", the grammar has 00 (absent) and 01 (present)");
        }
    }

    private String readResponse() throws Deviation, TooDeep {
        String name = "ReadResponse";
        long count = length(name + " count");
        for (long i = 0; i < count; i++) {
            String item = name + " item " + (i + 1) + " of " + count;
            int choice = u8(item + ": its choice");
            switch (choice) {
                case 0 -> data(item);
                case 1 -> u8(item + ": data-access-error");
                case 2 -> {
                    u8(item + ": last-block");
                    bytes(2, item + ": block-number");
                    octetString(item + ": raw-data");
                }
                case 3 -> bytes(2, item + ": block-number");
                default -> throw new Deviation(item + " at byte " + (at - 1) + ": choice " + hex(choice)
                        + ", the grammar has 00 data, 01 data-access-error, 02 data-block-result, 03 block-number");
            }
        }
        return name;
    }

    private String writeResponse() throws Deviation {
        String name = "WriteResponse";
        long count = length(name + " count");
        for (long i = 0; i < count; i++) {
            String item = name + " item " + (i + 1) + " of " + count;
            int choice = u8(item + ": its choice");
            if (choice == 1) {
                u8(item + ": data-access-error");
            } else if (choice == 2) {
                bytes(2, item + ": block-number");
            } else if (choice != 0) {
                throw new Deviation(item + " at byte " + (at - 1) + ": choice " + hex(choice)
                        + ", the grammar has 00 success, 01 data-access-error, 02 block-number");
            }
        }
        return name;
    }

    /** state-error, service-error; an invocation-counter-error (6) carries the expected counter. */
    private String exceptionResponse() throws Deviation {
        int state = u8("ExceptionResponse state-error");
        if (state != 1 && state != 2) {
            throw new Deviation("ExceptionResponse at byte 1: state-error " + hex(state) + ", the grammar has 01"
                    + " service-not-allowed and 02 service-unknown (an exception-response has no ciphered form)");
        }
        int service = u8("ExceptionResponse service-error");
        if (service < 1 || service > 6) {
            throw new Deviation("ExceptionResponse at byte 2: service-error " + hex(service) + ", the grammar has"
                    + " 01 to 06");
        }
        if (service == 6 && at < b.length) {
            bytes(4, "the invocation counter of an invocation-counter-error");
        }
        return "ExceptionResponse";
    }

    private String eventNotification() throws Deviation, TooDeep {
        String name = "EventNotificationRequest";
        if (u8(name + " time flag (00 absent, 01 present)") == 1) {
            octetString(name + " time");
        }
        bytes(2 + 6 + 1, name + " attribute descriptor (class, logical name, attribute)");
        data(name + " attribute-value");
        return name;
    }

    private String dataNotification() throws Deviation, TooDeep {
        String name = "DataNotification";
        bytes(4, name + " long-invoke-id-and-priority");
        octetString(name + " date-time");
        data(name + " notification-body");
        return name;
    }

    private String generalBlockTransfer() throws Deviation {
        String name = "general-block-transfer";
        bytes(1 + 2 + 2, name + " block-control, block-number, block-number-ack");
        octetString(name + " block-data");
        return name;
    }

    private String ciphered(int tag) throws Deviation {
        String name = "ciphered APDU " + hex(tag);
        if (tag == Command.GENERAL_GLO_CIPHERING || tag == Command.GENERAL_DED_CIPHERING) { // system title first
            octetString(name + " system-title");
        }
        octetString(name + " ciphered content");
        return name;
    }

}
