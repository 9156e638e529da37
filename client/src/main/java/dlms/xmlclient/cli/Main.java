package dlms.xmlclient.cli;

/** Entry point of bin/xmlclient. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(XmlClientCommand.run(args, System.out, System.err));
    }
}
