package dlms.xmlclient.discover;

import dlms.xmlclient.decode.CosemNames;

/**
 * One request of the access-rights check: what it does to which attribute or method, and the
 * access the association view declares for it.
 *
 * @param object   the object
 * @param member   the attribute or method id
 * @param kind     what the request does
 * @param declared the declared access mode, in the Blue Book's words
 * @param allowed  the declaration allows what the request does
 * @param written  for {@link Kind#READ_BACK}: the data written, else null
 */
public record AccessProbe(CosemObject object, int member, Kind kind, String declared, boolean allowed,
        String written) {

    public enum Kind {
        /** A Get: declared readable must read, anything else must be refused. */
        READ,
        /** A Set of the value just read: declared writable must succeed, anything else must be refused. */
        WRITE_BACK,
        /** A Get after a successful write-back: the value must be the one written. */
        READ_BACK,
        /** An Action on a method declared no-access: it must be refused. */
        INVOKE
    }

    /** E.g. "Register 1.0.1.8.0.255 attribute 3 (scaler_unit)", "Disconnect control 0.0.96.3.10.255 method 1 (remote_disconnect)". */
    public String describe() {
        boolean method = kind == Kind.INVOKE;
        String name = method ? CosemNames.methodName(object.classId(), member)
                : CosemNames.attributeName(object.classId(), member);
        return CosemNames.className(object.classId()) + " " + object.logicalName() + (method ? " method " : " attribute ")
                + member + (name == null ? "" : " (" + name + ")");
    }
}
