package dev.vigie.dns.resolver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xbill.DNS.Message;

/** A UDP DNS server on loopback that answers as badly as the test tells it to. */
final class HostileDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final AtomicInteger queries = new AtomicInteger();
  private final Thread thread;

  /** @param answer the reply to a query, or null to stay silent */
  HostileDnsServer(Function<Message, Message> answer) throws IOException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = Thread.ofVirtual().start(() -> {
      byte[] buf = new byte[4096];
      while (!socket.isClosed()) {
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          socket.receive(p);
          queries.incrementAndGet();
          Message reply = answer.apply(new Message(java.util.Arrays.copyOf(p.getData(), p.getLength())));
          if (reply != null) {
            byte[] out = reply.toWire();
            socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
          }
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  int queries() {
    return queries.get();
  }

  @Override
  public void close() {
    socket.close();
    thread.interrupt();
  }
}
