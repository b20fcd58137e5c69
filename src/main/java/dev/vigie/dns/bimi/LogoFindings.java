package dev.vigie.dns.bimi;

import static dev.vigie.dns.bimi.BimiFindings.abbreviate;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.mtasts.FetchResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The findings about the logo file (fetching it and its SVG Tiny PS profile), worded once. */
final class LogoFindings {

  private static final String REJECTED = "Your logo file does not meet the BIMI format rules, "
      + "so email programs will not show it.";
  private static final String EXPORT = " Export the logo as \"SVG Tiny 1.2\" and convert it to "
      + "SVG Tiny PS (the BIMI Group publishes a converter and templates).";
  private static final String UNREACHABLE = "Email programs cannot download your logo, so they "
      + "will not show it.";

  private final String url;

  LogoFindings(String url) {
    this.url = url;
  }

  Finding failure(FetchResult.Failure failure) {
    if (failure.kind() == FetchResult.Kind.TOO_LARGE) {
      return tooLarge("more than 64 KB");
    }
    if (failure.kind() == FetchResult.Kind.TIMEOUT) {
      return new Finding("bimi.logo-timeout", Severity.WARNING,
          "We could not download your logo just now; we will retry.",
          url + ": " + failure.message() + ".", "Make sure the web server answers reliably.");
    }
    return new Finding("bimi.logo-unreachable", Severity.ERROR, UNREACHABLE,
        url + ": " + failure.message() + " (" + failure.kind() + ").",
        "Serve the logo over HTTPS with a valid public certificate at the URL in l=.");
  }

  Finding httpStatus(int status) {
    return new Finding("bimi.logo-http-status", Severity.ERROR, UNREACHABLE,
        url + " answered HTTP " + status + " instead of 200.",
        "Publish the SVG file at " + url + " or correct the l= URL in the BIMI record.",
        List.of(url));
  }

  Finding redirect(int status, @Nullable String location) {
    return new Finding("bimi.logo-redirect", Severity.WARNING,
        "Your logo address redirects elsewhere, which some email programs do not follow.",
        url + " answered HTTP " + status + " to " + (location == null ? "(no Location)"
            : abbreviate(location)) + "; the logo was not checked.",
        "Put the final URL of the SVG file in l= of the BIMI record.");
  }

  Finding tooLarge(String size) {
    return new Finding("bimi.logo-too-large", Severity.ERROR, REJECTED,
        url + " is " + size + "; BIMI logos must be 32 KB or less.",
        "Simplify the artwork (fewer paths, no embedded images) and re-export it." + EXPORT);
  }

  Finding invalidXml(String message) {
    return new Finding("bimi.logo-invalid-xml", Severity.ERROR, REJECTED,
        url + " is not a well-formed XML document: " + abbreviate(message)
            + ". (A gzip-compressed .svgz file is not accepted either.)",
        "The file is not a well-formed SVG." + EXPORT);
  }

  Finding doctype() {
    return new Finding("bimi.logo-doctype", Severity.ERROR, REJECTED,
        url + " contains a DOCTYPE or entity declarations; SVG Tiny PS allows none, and they "
            + "were refused unread (DTDs and external entities are disabled).",
        "Remove the <!DOCTYPE ...> line and any entities from the file." + EXPORT);
  }

  Finding notSvg(String root) {
    return new Finding("bimi.logo-not-svg", Severity.ERROR, REJECTED,
        "The root element of " + url + " is " + abbreviate(root) + ", not <svg> in the "
            + SvgTinyPs.SVG_NS + " namespace.",
        "Publish an SVG image at the URL in l=." + EXPORT);
  }

  Finding version(@Nullable String version) {
    return new Finding("bimi.logo-version", Severity.ERROR, REJECTED,
        "The <svg> root of " + url + " has " + (version == null ? "no version attribute"
            : "version=\"" + abbreviate(version) + "\"") + "; SVG Tiny PS requires "
            + "version=\"1.2\".",
        "Set version=\"1.2\" on the <svg> element." + EXPORT);
  }

  Finding baseProfile(@Nullable String profile) {
    return new Finding("bimi.logo-base-profile", Severity.ERROR, REJECTED,
        "The <svg> root of " + url + " has " + (profile == null ? "no baseProfile attribute"
            : "baseProfile=\"" + abbreviate(profile) + "\"") + "; BIMI requires "
            + "baseProfile=\"tiny-ps\".",
        "Set baseProfile=\"tiny-ps\" on the <svg> element." + EXPORT);
  }

  Finding rootPosition() {
    return new Finding("bimi.logo-root-position", Severity.ERROR, REJECTED,
        "The <svg> root of " + url + " has x= or y= attributes, which SVG Tiny PS forbids.",
        "Remove the x and y attributes from the <svg> element.");
  }

  Finding title(@Nullable String title) {
    return new Finding("bimi.logo-title", Severity.ERROR, REJECTED,
        url + (title == null ? " has no <title> directly under <svg>"
            : title.isEmpty() ? " has an empty <title>"
            : " has the placeholder title \"" + abbreviate(title) + "\"")
            + "; SVG Tiny PS requires a title, which should be the company name.",
        "Add <title>Your Company Name</title> as the first child of the <svg> element.");
  }

  Finding script(String element) {
    return new Finding("bimi.logo-script", Severity.ERROR, REJECTED,
        url + " contains " + (element.equalsIgnoreCase("script") ? "a <script> element"
            : "an event-handler attribute (on...) on <" + abbreviate(element) + ">")
            + "; SVG Tiny PS forbids scripts and interactivity.",
        "Remove all scripts and on... attributes from the file." + EXPORT);
  }

  Finding notSquare(String viewBox) {
    return new Finding("bimi.logo-not-square", Severity.WARNING,
        "Your logo is not square, so email programs may crop or shrink it.",
        "The viewBox of " + url + " is \"" + abbreviate(viewBox) + "\"; BIMI logos should have "
            + "a 1:1 aspect ratio and are usually shown in a circle.",
        "Centre the logo on a square canvas (equal viewBox width and height) and re-export it.");
  }
}
