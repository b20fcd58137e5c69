package dev.vigie.cli;

import dev.vigie.store.Store;
import java.io.PrintWriter;

/** {@code vigie serve --demo}: loads the demo MSP (dev.vigie.demo) once the road branch lands. */
final class Demo {
  private Demo() {}

  static void load(Store store, PrintWriter err) {
    err.println("vigie: --demo: the demo data generator is not available in this build yet");
  }
}
