package dev.vigie.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.spf.SpfEvaluator;
import dev.vigie.dns.spf.SpfOptions;
import dev.vigie.dns.spf.SpfResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie spf}: RFC 7208 check_host() for one query, or for JSON lines on stdin
 * ({@code --batch}), answering {@code {"result": ..., "explanation": ...}} per query, in order.
 */
@Command(name = "spf", mixinStandardHelpOptions = true,
    description = {"Evaluate SPF (RFC 7208 check_host) for a client IP, sender and HELO name.",
        "With --batch, reads {\"ip\",\"sender\",\"helo\"} JSON lines on stdin and writes one result"
            + " line per query, in order."})
final class SpfCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin DnsOptions dnsOptions;

  @Option(names = "--ip", description = "The connecting client's IP address.") String ip;
  @Option(names = "--sender", description = "MAIL FROM address (empty for a bounce).") String sender;
  @Option(names = "--helo", description = "HELO/EHLO name.") String helo;
  @Option(names = "--batch", description = "Read queries as JSON lines on stdin.") boolean batch;

  @Option(names = "--default-explanation", paramLabel = "TEXT",
      description = "Explanation for a fail without exp= (macros allowed).")
  String defaultExplanation = SpfOptions.DEFAULT_EXPLANATION;

  @Option(names = "--receiver", paramLabel = "DOMAIN",
      description = "This host's domain, the %%{r} macro (default ${DEFAULT-VALUE}).")
  String receiver = "unknown";

  @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
      description = "Queries evaluated at once in --batch mode (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    DnsClient dns = dnsOptions.client();
    SpfEvaluator spf = new SpfEvaluator(dns,
        SpfOptions.defaults().withDefaultExplanation(defaultExplanation).withReceiver(receiver));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (!batch) {
      if (ip == null || helo == null) {
        spec.commandLine().getErr().println("vigie: spf needs --ip and --helo (and --sender), or --batch");
        return 2;
      }
      out.println(line(spf.check(ip, sender == null ? "" : sender, helo)));
      out.flush();
      return 0;
    }
    return batch(spf, out);
  }

  private int batch(SpfEvaluator spf, PrintStream out) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    int bad = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      ArrayDeque<Future<String>> pending = new ArrayDeque<>();
      String text;
      int n = 0;
      while ((text = in.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        final int lineNo = n;
        final String queryText = text;
        pending.add(pool.submit(() -> evaluate(spf, lineNo, queryText)));
        if (pending.size() >= threads * 4) {
          bad += write(out, pending.poll());
        }
      }
      while (!pending.isEmpty()) {
        bad += write(out, pending.poll());
      }
    } finally {
      pool.shutdownNow();
      out.flush();
    }
    return bad == 0 ? 0 : 1;
  }

  private static int write(PrintStream out, Future<String> f) throws InterruptedException {
    try {
      String s = f.get();
      out.println(s);
      return s.startsWith("{\"error\"") ? 1 : 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String evaluate(SpfEvaluator spf, int lineNo, String text) throws IOException {
    JsonNode q;
    try {
      q = JSON.readTree(text);
    } catch (IOException e) {
      return error("line " + lineNo + ": not JSON");
    }
    if (q == null || !q.isObject() || !q.path("ip").isTextual() || !q.path("helo").isTextual()) {
      return error("line " + lineNo + ": expected {\"ip\", \"sender\", \"helo\"} strings");
    }
    String sender = q.path("sender").isTextual() ? q.path("sender").asText() : "";
    return line(spf.check(q.get("ip").asText(), sender, q.get("helo").asText()));
  }

  private static String error(String message) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(b)) {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeEndObject();
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  static String line(SpfResult r) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(b)) {
      g.writeStartObject();
      g.writeStringField("result", r.verdict().keyword());
      g.writeStringField("explanation", r.explanation());
      g.writeStringField("reason", r.reason());
      g.writeNumberField("dns_lookups", r.dnsLookups());
      g.writeNumberField("void_lookups", r.voidLookups());
      g.writeEndObject();
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
