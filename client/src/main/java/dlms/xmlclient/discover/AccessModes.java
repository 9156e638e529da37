package dlms.xmlclient.discover;

import java.util.List;

/**
 * The access_mode values of an Association LN's object list, by its version (Blue Book):
 * versions 0 to 2 enumerate them (attributes: 0 no-access, 1 read-only, 2 write-only,
 * 3 read-and-write, 4 to 6 their authenticated forms; methods: a boolean in version 0, then
 * 0 no-access, 1 access, 2 authenticated-access); version 3 maps bits (0 read or access, 1 write,
 * 2 authenticated request, 3 encrypted request, 4 digitally signed request, 5 to 7 the same for
 * the response). A mode that asks for a protection the association's requests do not carry grants
 * nothing to this association.
 */
final class AccessModes {

    private static final int READ = 0x01;
    private static final int WRITE = 0x02;
    private static final int AUTHENTICATED = 0x04;
    private static final int ENCRYPTED = 0x08;
    private static final int SIGNED = 0x10;

    private final boolean bitMapped;
    private final RequestProtection protection;

    /** @param associationVersion the version of the Association LN class the list comes from */
    AccessModes(int associationVersion, RequestProtection protection) {
        this.bitMapped = associationVersion >= 3;
        this.protection = protection;
    }

    CosemObject.AttributeAccess attribute(int attribute, int mode, List<Integer> selectors) {
        if (bitMapped) {
            boolean granted = protected3(mode);
            return new CosemObject.AttributeAccess(attribute, mode, selectors, granted && (mode & READ) != 0,
                    granted && (mode & WRITE) != 0, name3(mode, (mode & READ) != 0 && (mode & WRITE) != 0
                            ? "read-and-write" : (mode & READ) != 0 ? "read" : (mode & WRITE) != 0 ? "write" : "no-access"));
        }
        boolean authenticated = mode >= 4 && mode <= 6;
        boolean granted = !authenticated || protection.authenticated();
        boolean read = mode == 1 || mode == 3 || mode == 4 || mode == 6;
        boolean write = mode == 2 || mode == 3 || mode == 5 || mode == 6;
        String name = switch (mode) {
            case 0 -> "no-access";
            case 1 -> "read-only";
            case 2 -> "write-only";
            case 3 -> "read-and-write";
            case 4 -> "authenticated-read-only";
            case 5 -> "authenticated-write-only";
            case 6 -> "authenticated-read-and-write";
            default -> "access mode " + mode;
        };
        return new CosemObject.AttributeAccess(attribute, mode, selectors, granted && read, granted && write, name);
    }

    /** @param mode 0 or 1 for a version 0 boolean */
    CosemObject.MethodAccess method(int method, int mode) {
        if (bitMapped) {
            return new CosemObject.MethodAccess(method, mode, (mode & READ) != 0 && protected3(mode));
        }
        return new CosemObject.MethodAccess(method, mode, mode == 1 || mode == 2 && protection.authenticated());
    }

    private boolean protected3(int mode) {
        return ((mode & AUTHENTICATED) == 0 || protection.authenticated())
                && ((mode & ENCRYPTED) == 0 || protection.encrypted()) && (mode & SIGNED) == 0;
    }

    private static String name3(int mode, String access) {
        StringBuilder b = new StringBuilder(access);
        String sep = " (";
        for (String[] bit : new String[][] {{"4", "authenticated"}, {"8", "encrypted"}, {"16", "signed"}}) {
            if ((mode & Integer.parseInt(bit[0])) != 0) {
                b.append(sep).append(bit[1]);
                sep = ", ";
            }
        }
        return sep.equals(", ") ? b.append(" requests)").toString() : b.toString();
    }
}
