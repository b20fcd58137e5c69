package dev.vigie.ingest.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A raw-socket SMTP client for tests: sends exactly the bytes given, reads whole replies. */
final class SmtpClient implements AutoCloseable {
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  SmtpClient(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.connect(address, 5000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends {@code text} as ISO-8859-1 bytes, nothing added. */
  SmtpClient send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** Sends one command with CRLF and returns its reply. */
  String command(String line) throws IOException {
    send(line + "\r\n");
    return reply();
  }

  /** One whole reply, multi-line replies joined by "\n"; "" when the server has closed. */
  String reply() throws IOException {
    StringBuilder reply = new StringBuilder();
    while (true) {
      String line = line();
      if (line == null) {
        return reply.toString();
      }
      reply.append(reply.isEmpty() ? "" : "\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return reply.toString();
      }
    }
  }

  /** True when the server has closed the connection (after reading what is left). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  /** Performs the client side of STARTTLS after the 220, trusting any certificate. */
  void startTls(SSLContext context) throws IOException {
    SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket,
        "localhost", socket.getPort(), true);
    ssl.setUseClientMode(true);
    ssl.startHandshake();
    socket = ssl;
    in = ssl.getInputStream();
    out = ssl.getOutputStream();
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
