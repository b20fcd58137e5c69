package dev.vigie.cli;

import dev.vigie.store.DirectorySql;
import dev.vigie.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie client}: client organisations and their domains, which route reports. */
@Command(name = "client", mixinStandardHelpOptions = true,
    description = {"Add a client organisation and its domains, or list them.",
        "  vigie client add \"Bakery Dupont\" --domain dupont.fr --domain dupont-boulangerie.fr",
        "  vigie client list"})
final class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "add|list") String action;
  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME") String name;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "A domain the client owns (repeatable).")
  List<String> domains = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = storeOptions.open()) {
      switch (action) {
        case "add" -> {
          if (name == null || name.isBlank()) {
            spec.commandLine().getErr().println("vigie: client add needs a NAME");
            return 2;
          }
          long id = DirectorySql.addClient(store, name, domains);
          out.println("client " + id + ": " + name + " " + domains);
        }
        case "list" -> {
          for (DirectorySql.Client c : DirectorySql.clients(store)) {
            out.println(c.id() + "\t" + c.name() + "\t" + String.join(" ", c.domains()));
          }
        }
        default -> {
          spec.commandLine().getErr().println("vigie: client " + action + ": use add or list");
          return 2;
        }
      }
    }
    out.flush();
    return 0;
  }
}
