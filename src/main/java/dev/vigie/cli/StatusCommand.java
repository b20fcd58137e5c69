package dev.vigie.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.store.StatusSql;
import dev.vigie.store.Store;
import dev.vigie.store.StoreStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie status}: what the store holds. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the store holds.")
final class StatusCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    StoreStatus s;
    String where;
    try (Store store = storeOptions.open()) {
      s = StatusSql.status(store);
      where = store.location().describe();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("store", where);
        g.writeNumberField("raw_messages", s.rawMessages());
        g.writeNumberField("reports", s.reports());
        g.writeNumberField("records", s.records());
        g.writeNumberField("messages", s.messages());
        g.writeNumberField("failure_reports", s.failureReports());
        g.writeNumberField("smtp_tls_reports", s.tlsReports());
        g.writeNumberField("duplicates", s.duplicates());
        g.writeNumberField("quarantined", s.quarantined());
        g.writeNumberField("unclaimed", s.unclaimed());
        g.writeArrayFieldStart("last_received");
        for (StoreStatus.LastArrival a : s.lastBySource()) {
          g.writeStartObject();
          g.writeStringField("source", a.sourceKind().toLowerCase(java.util.Locale.ROOT));
          g.writeStringField("name", a.sourceName());
          g.writeStringField("received_at", a.receivedAt().toString());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      out.println(w);
    } else {
      out.println("store:            " + where);
      out.println("raw messages:     " + s.rawMessages());
      out.println("reports:          " + s.reports() + " aggregate, " + s.failureReports()
          + " failure, " + s.tlsReports() + " SMTP TLS");
      out.println("records:          " + s.records());
      out.println("messages:         " + s.messages());
      out.println("duplicates:       " + s.duplicates());
      out.println("quarantined:      " + s.quarantined());
      out.println("unclaimed:        " + s.unclaimed());
      for (StoreStatus.LastArrival a : s.lastBySource()) {
        out.println("last via " + String.format("%-8s", a.sourceKind().toLowerCase(java.util.Locale.ROOT))
            + a.receivedAt() + "  " + a.sourceName());
      }
    }
    out.flush();
    return 0;
  }
}
