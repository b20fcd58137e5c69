package dev.vigie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigie train-startup SAMPLES...} (hidden): what the launcher runs once per build to record
 * the JDK's ahead-of-time cache (JEP 483/515): the classes and method profiles of a parse and of
 * an ingest into a scratch embedded store, so both commands start warm afterwards
 * ({@code --parse-only}: the launcher gives parse a cache of its own).
 */
@Command(name = "train-startup", hidden = true,
    description = "Exercise parse and ingest on sample reports (for the start-up cache).")
final class TrainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*")
  List<Path> paths;

  @Option(names = "--parse-only",
      description = "Exercise parse only: a cache of its own classes maps faster than one for"
          + " every command (a corpus parse: -5 %%).")
  boolean parseOnly;

  @Override
  public Integer call() throws IOException {
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    List<String> args = new ArrayList<>(List.of("parse", "--format", "jsonl", "--out",
        "/dev/null"));
    paths.forEach(p -> args.add(p.toString()));
    Main.run(quiet, quiet, args.toArray(String[]::new));
    if (parseOnly) {
      return 0;
    }
    Path scratch = Files.createTempDirectory("vigie-train");
    try {
      List<String> ingest = new ArrayList<>(List.of("ingest", "--data", scratch.toString()));
      paths.forEach(p -> ingest.add(p.toString()));
      Main.run(quiet, quiet, ingest.toArray(String[]::new));
      Main.run(quiet, quiet, "status", "--data", scratch.toString());
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
