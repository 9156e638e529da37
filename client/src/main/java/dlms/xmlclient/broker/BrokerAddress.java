package dlms.xmlclient.broker;

import com.rabbitmq.client.ConnectionFactory;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code --broker amqp://user:password@host:port/vhost}: where the RabbitMQ broker is. The
 * password never appears in a message of ours: {@link #toString} masks it.
 */
public final class BrokerAddress {

    private final String uri;
    private final String shown;

    private BrokerAddress(String uri, String shown) {
        this.uri = uri;
        this.shown = shown;
    }

    /** @throws IllegalArgumentException with a one-line reason when the text is no amqp URI */
    public static BrokerAddress parse(String text) {
        URI parsed;
        try {
            parsed = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI (expected amqp://user:password@host:port/vhost): "
                    + e.getReason());
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("amqp") || scheme.equalsIgnoreCase("amqps"))) {
            throw new IllegalArgumentException("expected amqp://user:password@host:port/vhost (or amqps://)");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("no host in it (expected amqp://user:password@host:port/vhost)");
        }
        String user = parsed.getRawUserInfo();
        String masked = user == null ? "" : (user.contains(":") ? user.substring(0, user.indexOf(':')) + ":***" : user)
                + "@";
        String shown = scheme + "://" + masked + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort())
                + (parsed.getRawPath() == null ? "" : parsed.getRawPath());
        BrokerAddress address = new BrokerAddress(text.strip(), shown);
        address.factory(); // the client's own checks (port, vhost encoding) fail here, not at the first connect
        return address;
    }

    /**
     * A connection factory for this broker. Connections do not recover by themselves: a worker or
     * fleet that loses its broker says so and ends (exit 3), and the broker gives the jobs it had
     * not acknowledged to other workers; a service manager restarts a worker.
     */
    public ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an amqp URI: " + e.getMessage());
        }
        if (factory.getVirtualHost().isEmpty()) {
            factory.setVirtualHost("/"); // amqp://host:5672/ means the default vhost to a person, "" to the URI spec
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(10_000);
        factory.setRequestedHeartbeat(30);
        return factory;
    }

    @Override
    public String toString() {
        return shown;
    }
}
