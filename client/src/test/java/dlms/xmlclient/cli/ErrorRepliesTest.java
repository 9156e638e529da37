package dlms.xmlclient.cli;

import gurux.dlms.GXDLMSTranslator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exception-response and confirmed-service-error replies are replies like any other: recorded,
 * and the requests after them still run. A scripted WRAPPER meter sends them on real sockets.
 */
@Tag("integration")
class ErrorRepliesTest {

    private static final String AARE = "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00"
            + " BE 10 04 0E 08 00 06 5F 1F 04 00 00 10 10 02 00 00 07";
    private static final String RLRE = "63 03 80 01 00";

    @TempDir
    Path out;

    @Test
    void exceptionAndServiceErrorRepliesAreRecordedAndLaterRequestsStillRun() throws Exception {
        Deque<String> dataReplies = new ArrayDeque<>(List.of(
                "D8 01 02",                       // exception-response: service-not-allowed, service-not-supported
                "0E 06 00 01",                    // confirmed-service-error
                "C4 01 C1 00 09 02 31 32"));      // a normal GetResponse
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread meter = new Thread(() -> serve(server, request -> dataReplies.poll(), 0), "scripted meter");
            meter.setDaemon(true);
            meter.start();
            Path script = out.resolve("three-gets.xml");
            String get = Files.readString(Path.of("messages/get-serial-number.xml"))
                    .replaceAll("(?s).*?(<GetRequest>.*</GetRequest>).*", "$1");
            Files.writeString(script, "<Messages>" + get + get + get + "</Messages>");

            CliRun run = CliRun.run(out.resolve("out"), "-h", "127.0.0.1", "-p", String.valueOf(server.getLocalPort()),
                    "-w", "--wait-time", "2000", "-x", script.toString());

            assertEquals(0, run.exitCode, run.toString());
            List<Element> replies = run.replies("three-gets.xml");
            assertEquals(3, replies.size());
            assertEquals("ExceptionResponse", replies.get(0).getTagName());
            assertEquals("ServiceNotAllowed", CliRun.xpath(replies.get(0), "StateError/@Value"));
            assertEquals("ConfirmedServiceError", replies.get(1).getTagName());
            assertEquals("3132", CliRun.xpath(replies.get(2), ".//Data/OctetString/@Value"));
        }
    }

    @Test
    void lateReplyToAResentRequestIsNotTakenForTheNextRequestsReply() throws Exception {
        // The meter answers each Get with its own invoke id as the value, the first one late.
        java.util.function.Function<byte[], String> echo =
                request -> String.format("C4 01 %02X 00 11 %02X", request[2] & 0xFF, request[2] & 0xFF);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread meter = new Thread(() -> serve(server, echo, 700), "slow meter");
            meter.setDaemon(true);
            meter.start();
            Path script = out.resolve("three-gets.xml");
            String get = Files.readString(Path.of("messages/get-serial-number.xml"))
                    .replaceAll("(?s).*?(<GetRequest>.*</GetRequest>).*", "$1");
            Files.writeString(script, "<Messages>" + get + get.replace("\"193\"", "\"194\"")
                    + get.replace("\"193\"", "\"195\"") + "</Messages>");

            CliRun run = CliRun.run(out.resolve("out"), "-h", "127.0.0.1", "-p", String.valueOf(server.getLocalPort()),
                    "-w", "--wait-time", "500", "--retries", "2", "-x", script.toString());

            assertEquals(0, run.exitCode, run.toString());
            List<Element> replies = run.replies("three-gets.xml");
            assertEquals("193", CliRun.xpath(replies.get(0), ".//Data/UInt8/@Value"));
            assertEquals("194", CliRun.xpath(replies.get(1), ".//Data/UInt8/@Value"));
            assertEquals("195", CliRun.xpath(replies.get(2), ".//Data/UInt8/@Value"));
        }
    }

    /**
     * A WRAPPER meter that accepts any AARQ and answers data requests as told; the first data
     * request is answered after {@code firstDelayMillis}.
     */
    private static void serve(ServerSocket server, java.util.function.Function<byte[], String> dataReplies,
                              long firstDelayMillis) {
        boolean first = true;
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream outStream = s.getOutputStream();
            while (true) {
                byte[] header = new byte[8];
                in.readFully(header);
                byte[] apdu = new byte[((header[6] & 0xFF) << 8) | (header[7] & 0xFF)];
                in.readFully(apdu);
                String reply = switch (apdu[0] & 0xFF) {
                    case 0x60 -> AARE;
                    case 0x62 -> RLRE;
                    default -> dataReplies.apply(apdu);
                };
                if (first && (apdu[0] & 0xFF) == 0xC0) {
                    first = false;
                    Thread.sleep(firstDelayMillis);
                }
                byte[] body = GXDLMSTranslator.hexToBytes(reply);
                byte[] frame = new byte[8 + body.length];
                frame[1] = 1;          // version 1
                frame[3] = header[5];  // source wPort: the meter's
                frame[5] = header[3];  // destination wPort: the client's
                frame[6] = (byte) (body.length >> 8);
                frame[7] = (byte) body.length;
                System.arraycopy(body, 0, frame, 8, body.length);
                outStream.write(frame);
            }
        } catch (IOException | InterruptedException done) {
            // the client hung up
        }
    }
}
