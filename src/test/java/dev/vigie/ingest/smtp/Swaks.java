package dev.vigie.ingest.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real swaks client (Debian package swaks) against a receiver. */
final class Swaks {
  static final Path BINARY = Path.of("/usr/bin/swaks");

  record Run(int exitCode, String transcript) {}

  private Swaks() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** swaks --server ... plus {@code extra}; the transcript is stdout and stderr together. */
  static Run send(InetSocketAddress server, String to, List<String> extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--server", server.getAddress().getHostAddress(), "--port",
        String.valueOf(server.getPort()), "--helo", "mx.sender.example",
        "--from", "noreply-dmarc-support@google.com", "--to", to, "--timeout", "20s"));
    command.addAll(extra);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String transcript = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("swaks did not finish: " + transcript);
    }
    return new Run(p.exitValue(), transcript);
  }
}
