package dlms.xmlclient.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * DLMS2AMPQ's InQueue and OutQueue: declared durable when they are not there yet, and used as
 * they are when its own daemon or the broker's operator declared them otherwise (a declaration
 * that differs would be refused and close the channel, so that one is only checked).
 */
public final class Dlms2AmpqQueues {

    private Dlms2AmpqQueues() {
    }

    public static void declare(Connection connection, String... queues) throws IOException {
        for (String queue : queues) {
            try (Channel channel = connection.createChannel()) {
                channel.queueDeclare(queue, true, false, false, null);
            } catch (IOException | TimeoutException differently) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDeclarePassive(queue);
                } catch (TimeoutException e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
