package dev.vigie.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigie} command line. */
@Command(
    name = "vigie",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Email-domain trust for MSPs: DMARC, failure and SMTP TLS reports.",
    subcommands = {ServeCommand.class, ParseCommand.class, IngestCommand.class, ReceiveCommand.class, StatusCommand.class, ReprocessCommand.class, ClientCommand.class, CheckCommand.class, SpfCommand.class, BenchCommand.class, DemoCommand.class, DashboardBenchCommand.class, TokenCommand.class, TrainCommand.class})
public final class Main {
  public static void main(String[] args) {
    // The JDK's log lines (the SMTP receiver, the web app's key warning…) as one console line
    // each, like every other message: "vigie: <message>", no date-and-class line before it.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "vigie: %5$s%6$s%n");
    }
    System.exit(run(args));
  }

  public static int run(String... args) {
    return run(commandLine(args), rest(args));
  }

  /** Runs with the given console streams for messages (report data still goes to stdout or --out). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    return run(cli, rest(args));
  }

  /**
   * The commands whose start-up time counts (a parse or ingest of a few files is over in well
   * under a second) get a command line of their own: picocli builds its model of every
   * subcommand by reflection, and its classes, compiled for Java 5, stay out of the start-up
   * cache — ≈ 0.1 s of a 0.4 s run. Everything else gets the whole tree (help, usage).
   */
  private static final Map<String, Supplier<Object>> ALONE =
      Map.of("parse", ParseCommand::new, "ingest", IngestCommand::new);

  private static boolean alone(String... args) {
    return args.length > 0 && ALONE.containsKey(args[0]);
  }

  private static CommandLine commandLine(String... args) {
    return alone(args)
        ? new CommandLine(ALONE.get(args[0]).get()).setCommandName("vigie " + args[0])
        : new CommandLine(new Main());
  }

  /** The arguments for {@link #commandLine}'s command: without the name of one run alone. */
  private static String[] rest(String... args) {
    return alone(args) ? Arrays.copyOfRange(args, 1, args.length) : args;
  }

  private static int run(CommandLine cli, String... args) {
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Never a stack trace for the user: one line saying what went wrong.
      cmd.getErr().println("vigie: " + e.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vigie " + (v == null ? "dev" : v)};
    }
  }
}
