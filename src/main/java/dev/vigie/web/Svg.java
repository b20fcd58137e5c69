package dev.vigie.web;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn on the server (no chart library, no script): numbers are formatted by
 * code and labels escaped, so the markup is safe to embed. Colours come from presentation
 * attributes, not style attributes (the CSP allows no inline style).
 */
public final class Svg {
  private final String markup;

  private Svg(String markup) {
    this.markup = markup;
  }

  String markup() {
    return markup;
  }

  /** One bar of a stacked daily chart: a label (date) and the values of each series. */
  public record Bar(String label, long[] values) {}

  /**
   * A stacked bar chart, one bar per entry, series drawn bottom-up in the given colours.
   *
   * @param title the accessible name (aria-label and title)
   */
  public static Svg stackedBars(String title, List<Bar> bars, String[] colours, int width,
      int height) {
    long max = 1;
    for (Bar b : bars) {
      long sum = 0;
      for (long v : b.values()) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    StringBuilder s = new StringBuilder(256 + bars.size() * 120);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" aria-label=\"");
    Html.escape(s, title);
    s.append("\"><title>");
    Html.escape(s, title);
    s.append("</title>");
    int plotH = height - 18;
    s.append("<line x1=\"0\" y1=\"").append(plotH).append("\" x2=\"").append(width)
        .append("\" y2=\"").append(plotH).append("\" stroke=\"#8a94a6\" stroke-width=\"1\"/>");
    if (!bars.isEmpty()) {
      double w = (double) width / bars.size();
      for (int i = 0; i < bars.size(); i++) {
        Bar b = bars.get(i);
        double y = plotH;
        StringBuilder tip = new StringBuilder(b.label());
        for (int k = 0; k < b.values().length; k++) {
          double h = (double) b.values()[k] * (plotH - 4) / max;
          y -= h;
          tip.append(k == 0 ? ": " : " / ").append(b.values()[k]);
          if (h > 0) {
            s.append("<rect x=\"").append(fmt(i * w + w * 0.1)).append("\" y=\"").append(fmt(y))
                .append("\" width=\"").append(fmt(w * 0.8)).append("\" height=\"").append(fmt(h))
                .append("\" fill=\"").append(colours[k % colours.length]).append("\"><title>");
            Html.escape(s, tip.toString());
            s.append("</title></rect>");
          }
        }
      }
      s.append("<text x=\"0\" y=\"").append(height - 3).append("\" font-size=\"11\" fill=\"#33415c\">");
      Html.escape(s, bars.get(0).label());
      s.append("</text><text x=\"").append(width).append("\" y=\"").append(height - 3)
          .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#33415c\">");
      Html.escape(s, bars.get(bars.size() - 1).label());
      s.append("</text>");
    }
    s.append("</svg>");
    return new Svg(s.toString());
  }

  /** A horizontal bar showing a share (0–100 %), for compliance and scores. */
  public static Svg meter(String title, double percent, String colour) {
    double p = Math.max(0, Math.min(100, percent));
    StringBuilder s = new StringBuilder(300);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"meter\" role=\"img\" viewBox=\"0 0 100 8\""
        + " preserveAspectRatio=\"none\" aria-label=\"");
    Html.escape(s, title);
    s.append("\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"8\" fill=\"#e3e8ef\"/><rect x=\"0\""
        + " y=\"0\" width=\"").append(fmt(p)).append("\" height=\"8\" fill=\"").append(colour)
        .append("\"/></svg>");
    return new Svg(s.toString());
  }

  /** A line chart of percentages (0–100) over time, e.g. DMARC compliance per day. */
  public static Svg percentLine(String title, List<String> labels, List<Double> values, int width,
      int height) {
    StringBuilder s = new StringBuilder(512);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" aria-label=\"");
    Html.escape(s, title);
    s.append("\"><title>");
    Html.escape(s, title);
    s.append("</title>");
    int plotH = height - 18;
    for (int g = 0; g <= 100; g += 50) {
      double y = plotH - g * (plotH - 4) / 100.0;
      s.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d5dbe5\" stroke-width=\"1\"/>");
    }
    if (!values.isEmpty()) {
      StringBuilder pts = new StringBuilder();
      double step = values.size() == 1 ? 0 : (double) width / (values.size() - 1);
      for (int i = 0; i < values.size(); i++) {
        double y = plotH - Math.max(0, Math.min(100, values.get(i))) * (plotH - 4) / 100.0;
        pts.append(fmt(i * step)).append(',').append(fmt(y)).append(' ');
      }
      s.append("<polyline fill=\"none\" stroke=\"#1d6fd1\" stroke-width=\"2\" points=\"")
          .append(pts.toString().strip()).append("\"/>");
      s.append("<text x=\"0\" y=\"").append(height - 3).append("\" font-size=\"11\" fill=\"#33415c\">");
      Html.escape(s, labels.get(0));
      s.append("</text><text x=\"").append(width).append("\" y=\"").append(height - 3)
          .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#33415c\">");
      Html.escape(s, labels.get(labels.size() - 1));
      s.append("</text>");
    }
    s.append("</svg>");
    return new Svg(s.toString());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
