package dlms.xmlclient.hostile;

import dlms.xmlclient.hostile.MeddlingProxy.ClientSide;
import dlms.xmlclient.simulator.MeterSimulator;
import dlms.xmlclient.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a hostile meter does instead of answering a GetRequest, each with its name: the attacks
 * the bounded-wait tests and the attack table ({@link AttackTable}) share. The association
 * before it is the real simulator's, through a {@link MeddlingProxy}.
 */
final class GetAttacks {

    /** One attack: on the meter's real reply, what the client gets instead. */
    @FunctionalInterface
    interface Attack {
        void on(byte[] reply, ClientSide client) throws IOException;
    }

    /** A named attack, over HDLC or WRAPPER. */
    record Named(String name, boolean wrapper, Attack attack) {
    }

    static final Named GARBAGE_TRICKLE = new Named("garbage, a byte every 100 ms", false,
            (reply, client) -> endlessly(client, 100, () -> new byte[] {0x55}));
    static final Named SLOW_REPLY = new Named("the right reply, a byte every 150 ms", false, (reply, client) -> {
        for (long end = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < end; ) {
            client.trickle(reply, 150);
        }
    });
    static final Named STALE_REPLIES = new Named("a stale reply (another invoke id) every 300 ms", true,
            (reply, client) -> {
                byte[] stale = ForgedFrames.apdu(reply, true);
                stale[2] = (byte) 0xC2;
                byte[] frame = ForgedFrames.withApdu(reply, true, stale);
                endlessly(client, 300, () -> frame);
            });
    static final Named BAD_FRAMES = new Named("a frame with a bad FCS every 300 ms", false, (reply, client) -> {
        byte[] bad = Arrays.copyOf(reply, reply.length);
        bad[bad.length - 2] ^= 0x01;
        endlessly(client, 300, () -> bad);
    });
    static final Named NOTIFICATIONS = new Named("an event notification every 300 ms", true, (reply, client) -> {
        byte[] notification = ForgedFrames.withApdu(reply, true,
                ForgedFrames.hex("C2 00 0003 0100010800FF 02 06 00000001"));
        endlessly(client, 300, () -> notification);
    });
    static final Named WRAPPER_65535 = new Named("a WRAPPER header announcing 65535 bytes, then a byte every 100 ms",
            true, (reply, client) -> {
                client.send(new byte[] {0, 1, 0, 1, 0, 0x10, (byte) 0xFF, (byte) 0xFF});
                endlessly(client, 100, () -> new byte[] {0x11});
            });
    static final Named RECEIVE_NOT_READY = new Named("RNR (receive not ready) instead of the reply", false,
            (reply, client) -> {
                byte[] header = ForgedFrames.hdlcAddressesAndControl(reply);
                header[header.length - 1] = 0x35; // RNR, N(R)=1, final
                client.send(ForgedFrames.hdlc(header, new byte[0], 0));
            });

    static final List<Named> ALL = List.of(GARBAGE_TRICKLE, SLOW_REPLY, STALE_REPLIES, BAD_FRAMES, NOTIFICATIONS,
            WRAPPER_65535, RECEIVE_NOT_READY);

    private GetAttacks() {
    }

    /** Runs the public client, with {@code limits}, through a proxy whose GetRequest gets {@code attack}. */
    static HostileRun run(Named attack, Path dir, String... limits) throws Exception {
        boolean wrapper = attack.wrapper();
        Path script = Files.writeString(Files.createDirectories(dir).resolve("serial.xml"), HostileRun.READ_SERIAL_NUMBER);
        try (MeterSimulator meter = MeterSimulator.start(new SimulatorOptions().port(0).wrapper(wrapper));
             MeddlingProxy proxy = MeddlingProxy.start(meter.port(), wrapper, (n, request, reply, client) -> {
                 byte[] sent = ForgedFrames.apdu(request, wrapper);
                 if (sent.length > 0 && (sent[0] & 0xFF) == 0xC0 && reply != null) {
                     attack.attack().on(reply, client);
                 } else if (reply != null) {
                     client.send(reply);
                 }
             })) {
            String[] args = HostileRun.publicClient(proxy.port(), wrapper, "-x", script.toString());
            String[] all = Arrays.copyOf(args, args.length + limits.length);
            System.arraycopy(limits, 0, all, args.length, limits.length);
            return HostileRun.run(dir.resolve("out"), all);
        }
    }

    /** Sends {@code frame} every {@code gapMillis} until the client hangs up (or a minute passed). */
    private static void endlessly(ClientSide client, long gapMillis, Supplier<byte[]> frame) throws IOException {
        for (long end = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < end; ) {
            client.send(frame.get());
            ClientSide.pause(gapMillis);
        }
    }
}
