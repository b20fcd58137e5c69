package dev.vigie.dns.resolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** dnsjava records in the presentation form {@link dev.vigie.dns.DnsAnswer} promises. */
final class RecordText {
  private RecordText() {}

  static String of(Record r) {
    if (r instanceof ARecord a) {
      return a.getAddress().getHostAddress();
    }
    if (r instanceof AAAARecord a) {
      return a.getAddress().getHostAddress();
    }
    if (r instanceof MXRecord mx) {
      return mx.getPriority() + " " + name(mx.getTarget());
    }
    if (r instanceof TXTRecord t) {
      return String.join("", strings(t)); // RFC 7208 §3.3: strings are joined, no separator
    }
    if (r instanceof PTRRecord p) {
      return name(p.getTarget());
    }
    if (r instanceof CNAMERecord c) {
      return name(c.getTarget());
    }
    if (r instanceof NSRecord ns) {
      return name(ns.getTarget());
    }
    return r.rdataToString();
  }

  /** The character-strings as sent (raw bytes as UTF-8; getStrings() would add escapes). */
  static List<String> strings(TXTRecord t) {
    List<String> out = new ArrayList<>();
    for (byte[] b : t.getStringsAsByteArrays()) {
      out.add(new String(b, StandardCharsets.UTF_8));
    }
    return out;
  }

  static String name(Name n) {
    String s = n.toString(true).toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
