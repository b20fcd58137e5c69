package dev.vigie.cli;

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
    return run(new CommandLine(new Main()), args);
  }

  /** Runs with the given console streams for messages (report data still goes to stdout or --out). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    return run(cli, args);
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
