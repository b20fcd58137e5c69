package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Checks a BIMI logo against the SVG Tiny Portable/Secure profile as receivers apply it: at most
 * 32 KB, root {@code <svg version="1.2" baseProfile="tiny-ps">} without x/y, a meaningful {@code
 * <title>}, no scripts, square. Pure: bytes in, findings out.
 *
 * <p>Parsed with the JDK's StAX with DTDs and external entities disabled; any DOCTYPE is refused
 * outright (SVG Tiny PS has none), so no entity, internal or external, is ever expanded.
 */
final class SvgTinyPs {

  static final int MAX_BYTES = 32 * 1024;
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  /** Titles left by drawing tools or templates, which say nothing about the brand. */
  private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "untitled-1",
      "untitled 1", "title", "logo", "svg", "image", "icon", "layer 1", "layer_1", "drawing",
      "document", "placeholder", "company name", "your company", "brand", "company logo",
      "my logo", "insert title here");

  private SvgTinyPs() {}

  static List<Finding> check(String url, byte[] svg) {
    LogoFindings words = new LogoFindings(url);
    List<Finding> findings = new ArrayList<>();
    if (svg.length > MAX_BYTES) {
      findings.add(words.tooLarge(svg.length + " bytes"));
    }
    XMLStreamReader reader = null;
    List<Finding> profile = new ArrayList<>();
    try {
      // Decoded here rather than by the parser, whose encoding errors go to System.err.
      reader = factory().createXMLStreamReader(new StringReader(decode(svg)));
      scan(reader, words, profile);
      findings.addAll(profile);
    } catch (CharacterCodingException e) {
      findings.add(words.invalidXml("the file is not UTF-8 text"));
    } catch (XMLStreamException | RuntimeException e) {
      // A document that is not well-formed is rejected whole; what was seen before the error
      // would only be noise.
      findings.add(words.invalidXml(e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Nothing is held open: the input is an in-memory array.
        }
      }
    }
    return findings;
  }

  /** UTF-8, or UTF-16 when a byte-order mark says so; the BOM itself is dropped. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      charset = StandardCharsets.UTF_16;
    } else if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      skip = 3;
    }
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
  }

  static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the class path.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // Problems become findings; nothing goes to the console.
    f.setXMLReporter((message, type, info, location) -> { });
    return f;
  }

  private static void scan(XMLStreamReader r, LogoFindings words, List<Finding> findings)
      throws XMLStreamException {
    int depth = 0;
    boolean inTitle = false;
    boolean scriptReported = false;
    StringBuilder title = null;
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.DTD -> {
          findings.add(words.doctype());
          return;
        }
        case XMLStreamConstants.ENTITY_REFERENCE -> {
          findings.add(words.doctype());
          return;
        }
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          String local = r.getLocalName();
          if (depth == 1) {
            checkRoot(r, words, findings);
          } else if (depth == 2 && local.equals("title") && title == null) {
            title = new StringBuilder();
            inTitle = true;
          }
          if (!scriptReported && (local.equalsIgnoreCase("script") || hasEventHandler(r))) {
            findings.add(words.script(local));
            scriptReported = true;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (inTitle && title != null) {
            title.append(r.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          inTitle = false;
        }
        default -> { }
      }
    }
    checkTitle(title == null ? null : title.toString(), words, findings);
  }

  private static void checkRoot(XMLStreamReader r, LogoFindings words, List<Finding> findings) {
    if (!r.getLocalName().equals("svg") || !SVG_NS.equals(r.getNamespaceURI())) {
      findings.add(words.notSvg(r.getName().toString()));
      return;
    }
    String version = attribute(r, "version");
    if (!"1.2".equals(version)) {
      findings.add(words.version(version));
    }
    String profile = attribute(r, "baseProfile");
    if (!"tiny-ps".equals(profile)) {
      findings.add(words.baseProfile(profile));
    }
    if (attribute(r, "x") != null || attribute(r, "y") != null) {
      findings.add(words.rootPosition());
    }
    String viewBox = attribute(r, "viewBox");
    if (viewBox != null && !isSquare(viewBox)) {
      findings.add(words.notSquare(viewBox));
    }
  }

  private static void checkTitle(@Nullable String title, LogoFindings words,
      List<Finding> findings) {
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || PLACEHOLDER_TITLES.contains(t.toLowerCase(Locale.ROOT))) {
      findings.add(words.title(title == null ? null : t));
    }
  }

  /** The value of an attribute in no namespace, as SVG writes them; null when absent. */
  private static @Nullable String attribute(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if ((ns == null || ns.isEmpty()) && r.getAttributeLocalName(i).equals(name)) {
        return r.getAttributeValue(i).strip();
      }
    }
    return null;
  }

  private static boolean hasEventHandler(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).toLowerCase(Locale.ROOT).startsWith("on")) {
        return true;
      }
    }
    return false;
  }

  /** viewBox is "min-x min-y width height", separated by spaces and/or commas. */
  static boolean isSquare(String viewBox) {
    String[] parts = viewBox.strip().split("[\\s,]+");
    if (parts.length != 4) {
      return false;
    }
    try {
      return Double.compare(Double.parseDouble(parts[2]), Double.parseDouble(parts[3])) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
