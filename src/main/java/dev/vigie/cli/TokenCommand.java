package dev.vigie.cli;

import dev.vigie.store.ApiTokenSql;
import dev.vigie.store.AuditSql;
import dev.vigie.store.Store;
import dev.vigie.web.auth.Secrets;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie token create}: an API token for scripts and automated installs, made from the
 * host (where whoever can run this can read the store anyway) rather than through the web app.
 * The secret is printed once; only its SHA-256 is kept, and the creation is in the audit log.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create an API token (printed once) for the REST API.",
    subcommands = TokenCommand.Create.class)
final class TokenCommand {
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token for the MSP (all clients, or one with --client).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--label", defaultValue = "cli", description = "What it is for.")
    String label;

    @Option(names = "--client", paramLabel = "ID", description = "Only this client's data.")
    Long client;

    @Option(names = "--write", description = "Read-write (default: read-only).")
    boolean write;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      long tenant = Store.DEFAULT_TENANT;
      String secret = "vgt_" + tenant + "_" + Secrets.random();
      try (Store store = storeOptions.open()) {
        if (client != null && !dev.vigie.store.TenantSql.clientExists(store.connection(), tenant,
            client)) {
          spec.commandLine().getErr().println("vigie: no client " + client
              + " (see vigie client list)");
          return 2;
        }
        Instant now = Instant.now();
        long id = ApiTokenSql.create(store.connection(), tenant, Secrets.sha256(secret), label,
            client, write, 0, now);
        AuditSql.record(store.connection(), tenant, "cli (" + System.getProperty("user.name")
            + ")", "token.create", label, "token " + id + (write ? ", read-write" : ", read-only")
            + (client == null ? ", all clients" : ", client " + client), null, now);
      }
      out.println(secret);
      out.flush();
      return 0;
    }
  }
}
