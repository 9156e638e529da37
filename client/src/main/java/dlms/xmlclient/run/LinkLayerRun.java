package dlms.xmlclient.run;

import dlms.xmlclient.script.LinkLayerFrame;
import dlms.xmlclient.script.LinkLayerSteps;
import dlms.xmlclient.script.Step;
import dlms.xmlclient.session.ConnectionSettings;
import dlms.xmlclient.session.Session;
import dlms.xmlclient.session.SessionException;

/** One step of a link-layer script: its frame, with the run's addresses where it names none, and the reply. */
final class LinkLayerRun {

    private LinkLayerRun() {
    }

    static String exchange(Session session, Step step, ConnectionSettings c) throws SessionException {
        LinkLayerFrame frame = LinkLayerSteps.frame(step, c.clientAddress(), c.serverAddress());
        return session.linkLayer().exchange(frame.bytes(), frame.replyWithinMillis());
    }
}
