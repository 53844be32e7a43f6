package io.cybershield.shield.gateway.awareness;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The file names an email carries or points at: from {@code Content-Disposition} and {@code Content-Type} headers
 * (of the message, or of MIME parts pasted in the body), and names mentioned beside the word "attach" in its text.
 */
final class Attachments {

  /** Files that run code when opened (or mount a disk that holds such files). */
  static final Set<String> EXECUTABLE = Set.of("exe", "scr", "js", "jse", "vbs", "vbe", "hta", "iso", "img", "lnk",
      "bat", "cmd", "ps1", "msi", "jar", "wsf", "wsh", "pif", "com", "cpl", "reg", "chm", "vhd", "vhdx", "one",
      "appx", "msix", "xll", "application", "url", "library-ms", "search-ms", "cab");
  /** Office documents with macros. */
  static final Set<String> MACRO = Set.of("docm", "xlsm", "pptm", "xlam", "dotm", "xltm", "potm", "ppam", "sldm");
  /** Pages that open in the browser from the disk, the usual carrier of a fake login form. */
  static final Set<String> PAGE = Set.of("html", "htm", "shtml", "xhtml", "svg", "mht", "mhtml");
  static final Set<String> ARCHIVE = Set.of("zip", "rar", "7z", "gz", "tgz", "ace", "arj", "cab", "xz", "tar");

  private static final Pattern HEADER_NAME = Pattern.compile(
      "(?i)\\b(?:file)?name\\*?\\s*=\\s*(?:\"([^\"]{1,255})\"|([^\\s;\"]{1,255}))");
  private static final Pattern MIME_LINE = Pattern.compile(
      "(?im)^content-(?:disposition|type):[^\\n]*\\b(?:file)?name\\*?\\s*=\\s*\"?([^\";\\r\\n]{1,255})");
  private static final Pattern MENTIONED = Pattern.compile(
      "(?i)([\\p{L}\\p{N}_][\\p{L}\\p{N}_\\-.()\\[\\]]{0,100}\\.([a-z0-9-]{1,12}))(?:[\\s,;:)\\]\"']|$)");
  private static final Pattern ATTACH_CONTEXT = Pattern.compile("(?i)\\b(?:attach|enclos|open the|download the|"
      + "see the file|file below)");
  private static final Pattern ARCHIVE_PASSWORD = Pattern.compile("(?i)\\b(?:password|passcode|pwd|pass code|"
      + "kennwort|mot de passe)\\b[^\\n]{0,40}?[:=]|(?:zip|archive|rar|7z)[^\\n]{0,60}\\b(?:password|passcode)|"
      + "\\b(?:password|passcode)[^\\n]{0,60}\\b(?:zip|archive|rar|7z)\\b");

  private Attachments() {
  }

  /** The file names in the headers and the MIME part lines of the body. */
  static Set<String> declared(MailHeaders headers, String body) {
    Set<String> names = new LinkedHashSet<>();
    for (String header : List.of("Content-Disposition", "Content-Type", "X-Attachment-Name", "X-Attachments")) {
      for (String value : headers.all(header)) {
        Matcher m = HEADER_NAME.matcher(value);
        while (m.find() && names.size() < 50) {
          names.add(clean(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        if (header.startsWith("X-") && names.isEmpty()) {
          for (String part : value.split("[,;]")) {
            if (!part.isBlank()) {
              names.add(clean(part));
            }
          }
        }
      }
    }
    Matcher mime = MIME_LINE.matcher(body);
    while (mime.find() && names.size() < 50) {
      names.add(clean(mime.group(1)));
    }
    return names;
  }

  /** File names mentioned on a line of the text that speaks of an attachment. */
  static Set<String> mentioned(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : text.split("\n", 2000)) {
      if (line.length() > 5000 || !ATTACH_CONTEXT.matcher(line).find()) {
        continue;
      }
      Matcher m = MENTIONED.matcher(line);
      while (m.find() && names.size() < 50) {
        String extension = m.group(2).toLowerCase(Locale.ROOT);
        if (risk(extension) != null || ARCHIVE.contains(extension)) {
          names.add(clean(m.group(1)));
        }
      }
    }
    return names;
  }

  /** Whether the text gives a password for an archive (the trick that keeps a scanner out of it). */
  static boolean archivePassword(String text) {
    return ARCHIVE_PASSWORD.matcher(text).find();
  }

  private static String clean(String name) {
    String n = name.strip();
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    return slash >= 0 ? n.substring(slash + 1) : n;
  }

  /** The extension of a file name, lower case; empty when it has none. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
  }

  /** What a file of this extension can do, for a person; null when it is not risky by its type. */
  static String risk(String extension) {
    if (EXECUTABLE.contains(extension)) {
      return "a program or disk image that runs as soon as it is opened";
    }
    if (MACRO.contains(extension)) {
      return "an Office document with macros, which can run code when enabled";
    }
    if (PAGE.contains(extension)) {
      return "a web page that opens in your browser and can imitate a sign-in page";
    }
    return null;
  }

  /** Whether a name hides its real type behind a second one ({@code invoice.pdf.exe}). */
  static boolean doubleExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int last = lower.lastIndexOf('.');
    if (last <= 0) {
      return false;
    }
    int previous = lower.lastIndexOf('.', last - 1);
    if (previous < 0) {
      return false;
    }
    String inner = lower.substring(previous + 1, last);
    return Set.of("pdf", "doc", "docx", "xls", "xlsx", "jpg", "png", "txt", "csv", "ppt", "pptx", "rtf")
        .contains(inner) && risk(extension(lower)) != null;
  }
}
