package dev.vigie.web.page;

import dev.vigie.road.Advice;
import dev.vigie.road.ClassSplit;
import dev.vigie.road.Compliance;
import dev.vigie.road.NextRecord;
import dev.vigie.road.Road;
import dev.vigie.road.ServiceGroup;
import dev.vigie.road.Simulation;
import dev.vigie.road.Stage;
import dev.vigie.road.StageCounts;
import dev.vigie.web.Html;
import dev.vigie.web.Messages;
import dev.vigie.web.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How dev.vigie.road's results are drawn: stages, charts, sources, the road, the simulator. */
final class RoadViews {
  static final String PASS = "#1b6e3a";
  static final String FAIL = "#b3261e";

  private RoadViews() {}

  static String pct(Messages m, double p) {
    return m.pct(p);
  }

  /** A pass rate, or "—" when there was no message to rate (never a misleading 0.0 %). */
  static String share(Messages m, long messages, double p) {
    return messages == 0 ? "—" : pct(m, p);
  }

  static String num(Messages m, long n) {
    return m.num(n);
  }

  static void stage(Html h, Messages m, Stage s, boolean partial) {
    String css = switch (s) {
      case REJECT -> "reject";
      case QUARANTINE -> "quarantine";
      case MONITORING -> "monitoring";
      case NONE -> "none";
    };
    h.el("span", m.get("stage." + css) + (partial ? " " + m.get("stage.partial") : ""),
        "class", "stage " + css);
  }

  static void stageTiles(Html h, Messages m, StageCounts s) {
    h.open("div", "class", "tiles", "id", "stages");
    tile(h, m.get("stage.none"), String.valueOf(s.none()), "stage-none");
    tile(h, m.get("stage.monitoring"), String.valueOf(s.monitoring()), "stage-monitoring");
    tile(h, m.get("stage.quarantine"), String.valueOf(s.quarantine()), "stage-quarantine");
    tile(h, m.get("stage.reject"), String.valueOf(s.reject()), "stage-reject");
    h.close("div");
  }

  static void tile(Html h, String label, String value, String id) {
    h.open("div", "class", "tile", "id", id).el("span", value, "class", "big")
        .el("span", label, "class", "label").close("div");
  }

  static void advice(Html h, Messages m, Advice a) {
    h.text(m.get(a.key(), a.args().toArray()));
  }

  static void adviceList(Html h, Messages m, List<Advice> list, String css) {
    if (list.isEmpty()) {
      return;
    }
    h.open("ul", "class", css);
    for (Advice a : list) {
      h.open("li");
      advice(h, m, a);
      h.close("li");
    }
    h.close("ul");
  }

  /** Daily messages passing and failing DMARC, and the pass rate. */
  static void compliance(Html h, Messages m, Compliance c) {
    List<Svg.Bar> bars = new ArrayList<>();
    for (Compliance.Day d : c.days()) {
      bars.add(new Svg.Bar(d.date().toString(), new long[] {d.pass(), d.messages() - d.pass()}));
    }
    h.open("figure");
    h.svg(Svg.stackedBars(m.get("chart.daily", c.period().from(), c.period().to()), bars,
        new String[] {PASS, FAIL}, 600, 160));
    h.open("figcaption", "class", "legend");
    h.el("span", "■ " + m.get("chart.pass"), "class", "pass");
    h.el("span", "■ " + m.get("chart.fail"), "class", "fail");
    h.text(m.get("chart.summary", num(m, c.messages()), share(m, c.messages(), c.passPercent())));
    h.close("figcaption").close("figure");
  }

  static String className(Messages m, String sourceClass) {
    return m.get("class." + sourceClass.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  static void services(Html h, Messages m, List<ServiceGroup> groups, boolean staff) {
    if (groups.isEmpty()) {
      h.el("p", m.get("domain.no-sources"), "class", "muted");
      return;
    }
    h.open("div", "class", "scroll").open("table", "class", "grid", "id", "services");
    h.open("thead").open("tr").el("th", m.get("sources.service"), "scope", "col")
        .el("th", m.get("sources.class"), "scope", "col")
        .el("th", m.get("sources.messages"), "scope", "col", "class", "num")
        .el("th", m.get("sources.pass"), "scope", "col", "class", "num")
        .el("th", m.get("sources.what-to-do"), "scope", "col").close("tr").close("thead");
    h.open("tbody");
    for (ServiceGroup g : groups) {
      h.open("tr");
      h.open("th", "scope", "row").text(g.name());
      if (staff && !g.topIps().isEmpty()) {
        h.el("span", m.get("sources.ips", g.ipCount(), g.topIps().get(0).ip()), "class",
            "muted code");
      }
      h.close("th");
      h.el("td", className(m, g.sourceClass()));
      h.el("td", num(m, g.messages()), "class", "num");
      h.open("td", "class", "num").text(pct(m, g.passPercent()) + " ")
          .svg(Svg.meter(pct(m, g.passPercent()), g.passPercent(), g.passPercent() >= 95 ? PASS
              : FAIL)).close("td");
      h.open("td");
      adviceList(h, m, g.advice(), "advice");
      h.close("td").close("tr");
    }
    h.close("tbody").close("table").close("div");
  }

  static void road(Html h, Messages m, String domain, Road r) {
    h.open("section", "aria-labelledby", "road-h", "id", "road");
    h.el("h2", m.get("road.title"), "id", "road-h");
    h.open("p").text(m.get("road.stage-now") + " ");
    stage(h, m, r.stage(), r.partial());
    h.close("p");
    h.el("p", m.get("road.verdict." + r.verdict().name().toLowerCase(Locale.ROOT).replace('_',
        '-')), "class", "verdict " + r.verdict().name().toLowerCase(Locale.ROOT));
    if (!r.blockers().isEmpty()) {
      h.el("h3", m.get("road.blockers"));
      h.open("ul", "class", "blockers");
      for (var b : r.blockers()) {
        h.open("li").el("strong", b.name())
            .text(" — " + m.get("road.blocker-failing", num(m, b.failing()),
                pct(m, b.sharePercent())));
        adviceList(h, m, b.fixes(), "fixes");
        h.close("li");
      }
      h.close("ul");
    }
    adviceList(h, m, r.reasons(), "reasons");
    if (!r.warnings().isEmpty()) {
      h.el("h3", m.get("road.warnings"));
      adviceList(h, m, r.warnings(), "warnings");
    }
    NextRecord next = r.next();
    if (next != null) {
      h.el("h3", m.get("road.next-record", m.get("stage." + next.target().name()
          .toLowerCase(Locale.ROOT))) + (next.testing() ? " " + m.get("road.testing") : ""));
      h.open("dl", "class", "pairs record", "id", "next-record");
      h.el("dt", m.get("setup-records.name")).open("dd").el("code", next.record().name())
          .close("dd");
      h.el("dt", m.get("setup-records.type")).open("dd").el("code", next.record().type())
          .close("dd");
      h.el("dt", m.get("setup-records.value")).open("dd").el("code", next.record().value(),
          "class", "copy").close("dd");
      h.close("dl");
      adviceList(h, m, next.notes(), "notes");
    }
    h.open("p").el("a", m.get("sim.link"), "href", "/domains/" + domain + "/simulate")
        .close("p");
    h.close("section");
  }

  static void classSplit(Html h, Messages m, ClassSplit c) {
    h.open("dl", "class", "pairs");
    h.el("dt", m.get("class.authorised-passing")).el("dd", num(m, c.authorisedPassing()));
    h.el("dt", m.get("class.authorised-failing")).el("dd", num(m, c.authorisedFailing()),
        "id", "sim-legit");
    h.el("dt", m.get("class.forwarded")).el("dd", num(m, c.forwarded()));
    h.el("dt", m.get("class.unknown-or-impostor")).el("dd", num(m, c.unknownOrImpostor()));
    h.el("dt", m.get("class.unclassified")).el("dd", num(m, c.unclassified()));
    h.close("dl");
  }

  static void simulation(Html h, Messages m, Simulation s) {
    String policy = s.policy().name().toLowerCase(Locale.ROOT);
    h.el("p", m.get("sim.summary", s.period().days(), policy, num(m, s.affected()),
        num(m, s.messages()), pct(m, s.affectedPercent())), "id", "sim-summary", "class", "lead");
    h.open("div", "class", "tiles");
    tile(h, m.get("sim.messages"), num(m, s.messages()), "sim-messages");
    tile(h, m.get("sim.affected"), num(m, s.affected()), "sim-affected");
    tile(h, m.get("sim.newly"), num(m, s.newlyAffected()), "sim-newly");
    tile(h, m.get("sim.legit"), num(m, s.affectedByClass().authorisedFailing()), "sim-legit-tile");
    h.close("div");
    h.el("h2", m.get("sim.by-class"));
    classSplit(h, m, s.affectedByClass());
    h.el("h2", m.get("sim.senders"));
    if (s.senders().isEmpty()) {
      h.el("p", m.get("sim.none"), "class", "muted");
    } else {
      h.open("div", "class", "scroll").open("table", "class", "grid", "id", "sim-senders");
      h.open("thead").open("tr").el("th", m.get("sources.service"), "scope", "col")
          .el("th", m.get("sources.class"), "scope", "col")
          .el("th", m.get("sources.messages"), "scope", "col", "class", "num")
          .el("th", m.get("sim.affected"), "scope", "col", "class", "num")
          .close("tr").close("thead").open("tbody");
      for (Simulation.Sender x : s.senders()) {
        h.open("tr").el("th", x.name(), "scope", "row").el("td", className(m, x.sourceClass()))
            .el("td", num(m, x.messages()), "class", "num")
            .el("td", num(m, x.affected()), "class", "num").close("tr");
      }
      h.close("tbody").close("table").close("div");
    }
    adviceList(h, m, s.notes(), "notes");
  }
}
