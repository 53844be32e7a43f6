package io.cybershield.shield.gateway.guard.screen;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The views of a text that the rules run on. {@link #fold} is the plain view (NFKC, case folded, zero-width and tag
 * characters removed, lines joined); {@link #deobfuscate} maps look-alike letters to Latin, undoes leetspeak and
 * joins spaced-out letters; {@link #decodedRuns} decodes base64 and hex runs; {@link #rot13} and
 * {@link #tagPayload} recover text hidden by rotation or in Unicode tag characters. Every step is pure.
 */
final class Normalizer {

  /** Decoded runs beyond this many characters in all are not screened: a bound on the work of one text. */
  static final int MAX_DECODED_CHARS = 64 * 1024;
  private static final int MAX_RUNS = 32;

  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
  private static final Pattern HEX_RUN = Pattern.compile("(?:(?:0x|\\\\x)?[0-9a-fA-F]{2}[\\s:,]?){12,}");
  private static final Pattern SPACED_LETTERS = Pattern.compile("\\b(?:[a-z][ .*\\-]){3,}[a-z]\\b");
  private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\pL)-\\s*\\n\\s*(\\pL)");

  /** Cyrillic and Greek letters that look like Latin ones, as NFKC and case folding leave them. */
  private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
      Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('с', 'c'), Map.entry('ԁ', 'd'), Map.entry('е', 'e'),
      Map.entry('һ', 'h'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('к', 'k'), Map.entry('м', 'm'),
      Map.entry('н', 'h'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('ѕ', 's'), Map.entry('т', 't'),
      Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('ɡ', 'g'),
      Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'),
      Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'), Map.entry('χ', 'x'),
      Map.entry('ı', 'i'), Map.entry('ѵ', 'v'), Map.entry('ɑ', 'a'));

  private static final Map<Character, Character> LEET = Map.of(
      '0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '@', 'a', '$', 's', '!', 'i', '|', 'l');

  private Normalizer() {
  }

  /** What removing invisible characters found: how many, and the ASCII text the tag characters spell. */
  record Invisibles(String visible, int zeroWidth, int tags, String tagPayload) {
  }

  /** Removes zero-width, bidi-control and Unicode tag characters, counting them and decoding the tags' text. */
  static Invisibles stripInvisibles(String text) {
    StringBuilder visible = new StringBuilder(text.length());
    StringBuilder payload = new StringBuilder();
    int zeroWidth = 0;
    int tags = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xE0000 && cp <= 0xE007F) {
        // a flag emoji (black flag + tags + cancel tag) is the one legitimate use of tag characters
        boolean flag = previous == 0x1F3F4 || (previous >= 0xE0000 && previous <= 0xE007F && payload.length() == 0);
        if (!flag) {
          tags++;
          if (cp >= 0xE0020 && cp <= 0xE007E) {
            payload.append((char) (cp - 0xE0000));
          }
        }
        previous = previous == 0x1F3F4 || flag ? previous : cp;
        continue;
      }
      if (isZeroWidth(cp)) {
        zeroWidth++;
        continue;
      }
      visible.appendCodePoint(cp);
      previous = cp;
    }
    return new Invisibles(visible.toString(), zeroWidth, tags, payload.toString());
  }

  static boolean isZeroWidth(int cp) {
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064)
        || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == 0x034F;
  }

  /** NFKC, case folding, underscores as spaces, words broken at a line end joined, all whitespace one space. */
  static String fold(String visible) {
    String text = java.text.Normalizer.normalize(visible, Form.NFKC).toLowerCase(Locale.ROOT);
    if (text.indexOf('-') >= 0 && text.indexOf('\n') >= 0) {
      text = HYPHENATED_BREAK.matcher(text).replaceAll("$1$2");
    }
    text = text.replace('_', ' ');
    return collapseWhitespace(text);
  }

  /** The folded text with look-alikes mapped to Latin, leetspeak undone and s p a c e d letters joined. */
  static String deobfuscate(String folded) {
    return joinSpacedLetters(undoLeet(mapConfusables(folded)));
  }

  /** How many words mix Latin letters with Cyrillic or Greek look-alikes. */
  static int mixedScriptWords(String folded) {
    int count = 0;
    boolean latin = false;
    boolean lookalike = false;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (c < 0x250) {
          latin = true;
        } else if (CONFUSABLES.containsKey(c)) {
          lookalike = true;
        }
      } else {
        if (latin && lookalike) {
          count++;
        }
        latin = false;
        lookalike = false;
      }
    }
    return count;
  }

  /** Maps look-alikes to Latin in words that contain a Latin letter; all-Cyrillic or all-Greek words stay. */
  static String mapConfusables(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    int start = 0;
    for (int i = 0; i <= folded.length(); i++) {
      if (i == folded.length() || !Character.isLetterOrDigit(folded.charAt(i))) {
        String word = folded.substring(start, i);
        boolean latin = false;
        for (int j = 0; j < word.length(); j++) {
          latin |= word.charAt(j) >= 'a' && word.charAt(j) <= 'z';
        }
        if (latin) {
          for (int j = 0; j < word.length(); j++) {
            out.append(CONFUSABLES.getOrDefault(word.charAt(j), word.charAt(j)));
          }
        } else {
          out.append(word);
        }
        if (i < folded.length()) {
          out.append(folded.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  /** Undoes leetspeak in tokens that hold both a letter and a leet character ("1gn0r3" → "ignore"). */
  static String undoLeet(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || !isLeetTokenChar(text.charAt(i))) {
        String token = text.substring(start, i);
        boolean letter = false;
        boolean leet = false;
        for (int j = 0; j < token.length(); j++) {
          char c = token.charAt(j);
          letter |= Character.isLetter(c);
          leet |= LEET.containsKey(c);
        }
        if (letter && leet) {
          for (int j = 0; j < token.length(); j++) {
            out.append(LEET.getOrDefault(token.charAt(j), token.charAt(j)));
          }
        } else {
          out.append(token);
        }
        if (i < text.length()) {
          out.append(text.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  private static boolean isLeetTokenChar(char c) {
    return Character.isLetter(c) || LEET.containsKey(c) || (c >= '0' && c <= '9');
  }

  /** "i g n o r e" and "i.g.n.o.r.e" become "ignore". */
  static String joinSpacedLetters(String text) {
    if (!mayHaveSpacedLetters(text)) {
      return text;
    }
    Matcher m = SPACED_LETTERS.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      String run = m.group();
      for (int i = 0; i < run.length(); i++) {
        char c = run.charAt(i);
        if (c >= 'a' && c <= 'z') {
          out.append(c);
        }
      }
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The text with its lines joined without a space: a payload split mid-word across lines. */
  static String joinLines(String visible) {
    // what LINE_BREAK ([ \t]*\r?\n[ \t]*) replaced by nothing would give, without a regex pass per text
    StringBuilder out = new StringBuilder(visible.length());
    int n = visible.length();
    int floor = 0; // a match never reaches back into the text before the previous one
    for (int i = 0; i < n; i++) {
      char c = visible.charAt(i);
      if (c != '\n') {
        out.append(c);
        continue;
      }
      int end = out.length();
      if (end > floor && out.charAt(end - 1) == '\r') {
        end--;
      }
      while (end > floor && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
        end--;
      }
      out.setLength(end);
      floor = end;
      while (i + 1 < n && (visible.charAt(i + 1) == ' ' || visible.charAt(i + 1) == '\t')) {
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Runs of RE2's {@code \s} ([\t\n\f\r ]) as one space, then {@link String#trim}: what {@code \s+} replaced by a
   * space gave, in one pass.
   */
  static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    return out.toString().trim();
  }

  /** Whether the text holds a letter, separator, letter, separator, letter, separator, letter run at all. */
  private static boolean mayHaveSpacedLetters(String text) {
    int run = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      boolean pair = c >= 'a' && c <= 'z' && (next == ' ' || next == '.' || next == '*' || next == '-');
      if (pair) {
        run++;
        if (run >= 3 && i + 2 < text.length() && text.charAt(i + 2) >= 'a' && text.charAt(i + 2) <= 'z') {
          return true;
        }
        i++;
      } else {
        run = 0;
      }
    }
    return false;
  }

  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
  private static final Pattern PLUS_BETWEEN_WORDS = Pattern.compile("(\\pL)\\+(\\pL)");

  /**
   * The text with URL escapes undone ("%69%67" → "ig", "a+b" → "a b"), or the text itself when it has none: query
   * strings and encoded file names carry instructions too.
   */
  static String urlDecode(String visible) {
    String text = visible;
    if (text.indexOf('+') >= 0) {
      text = PLUS_BETWEEN_WORDS.matcher(text).replaceAll("$1 $2");
      text = PLUS_BETWEEN_WORDS.matcher(text).replaceAll("$1 $2");
    }
    if (!PERCENT_ESCAPE.matcher(text).find()) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = text.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The text read backwards ("snoitcurtsni" → "instructions"). */
  static String reverse(String folded) {
    return new StringBuilder(folded).reverse().toString();
  }

  /**
   * Letters spaced out word by word, before whitespace is collapsed: in "I G N O R E   Y O U R" or
   * "i.g.n.o.r.e a.l.l" the separator between letters is one character, repeated, and anything else (a run of
   * spaces, another separator) separates words. Runs of fewer than three letters stay as they are.
   */
  static String joinSpacedWords(String visible) {
    String text = java.text.Normalizer.normalize(visible, Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      boolean single = Character.isLetter(c) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
          && i + 2 < n && !Character.isLetter(text.charAt(i + 1)) && isSpacer(text.charAt(i + 1))
          && Character.isLetter(text.charAt(i + 2));
      if (!single) {
        out.append(c);
        i++;
        continue;
      }
      char separator = text.charAt(i + 1);
      StringBuilder run = new StringBuilder().append(c);
      int j = i + 1;
      while (j + 1 < n && text.charAt(j) == separator && Character.isLetter(text.charAt(j + 1))
          && (j + 2 >= n || !Character.isLetter(text.charAt(j + 2)))) {
        run.append(text.charAt(j + 1));
        j += 2;
      }
      if (run.length() >= 3) {
        out.append(run).append(' ');
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return collapseWhitespace(out.toString().replace('_', ' '));
  }

  private static boolean isSpacer(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '*' || c == '_' || c == '/' || c == '|' || c == '~' || c == '+'
        || c == ',' || c == '·';
  }

  /**
   * Leetspeak undone with "1" and "|" read as "l" after a vowel or another "l" and as "i" elsewhere ("ru135" →
   * "rules", "pr3v10u5" → "previous"), for the words where reading them all as "i" misses.
   */
  static String undoLeetAsL(String text) {
    String undone = undoLeet(text);
    StringBuilder out = new StringBuilder(undone.length());
    for (int i = 0; i < undone.length(); i++) {
      char c = text.length() == undone.length() ? text.charAt(i) : undone.charAt(i);
      char mapped = undone.charAt(i);
      if ((c == '1' || c == '|') && mapped != c && i > 0) {
        char before = out.charAt(i - 1);
        mapped = "aeiouyl".indexOf(before) >= 0 ? 'l' : 'i';
      }
      out.append(mapped);
    }
    return out.toString();
  }

  /** Letters and digits only: a word split anywhere ("sys tem prom pt") is whole again. */
  static String compact(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** ROT13 of the Latin letters. */
  static String rot13(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append((char) ('a' + (c - 'a' + 13) % 26));
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) ('A' + (c - 'A' + 13) % 26));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The readable texts that base64 and hex runs of the (unfolded) text decode to; runs that decode to binary are
   * left out. At most {@link #MAX_DECODED_CHARS} characters in all.
   */
  static List<String> decodedRuns(String visible) {
    List<String> decoded = new ArrayList<>();
    int budget = MAX_DECODED_CHARS;
    Matcher b64 = BASE64_RUN.matcher(visible);
    while (b64.find() && decoded.size() < MAX_RUNS && budget > 0) {
      String run = b64.group();
      if (run.length() > budget * 2) {
        run = run.substring(0, budget * 2 - (budget * 2) % 4);
      }
      String text = decodeBase64(run);
      if (text != null) {
        decoded.add(text);
        budget -= text.length();
      }
    }
    Matcher hex = HEX_RUN.matcher(visible);
    while (hex.find() && decoded.size() < MAX_RUNS && budget > 0) {
      String digits = hex.group().replaceAll("(?i)0x|\\\\x|[\\s:,]", "");
      if (digits.length() > budget * 2) {
        digits = digits.substring(0, budget * 2);
      }
      byte[] bytes = new byte[digits.length() / 2];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
      }
      String text = readable(bytes);
      if (text != null) {
        decoded.add(text);
        budget -= text.length();
      }
    }
    return decoded;
  }

  static String decodeBase64(String run) {
    String padded = run.replace('-', '+').replace('_', '/').replace("=", "");
    int cut = padded.length() % 4 == 1 ? 1 : 0;
    padded = padded.substring(0, padded.length() - cut);
    try {
      return readable(Base64.getDecoder().decode(padded + "==".substring(0, (4 - padded.length() % 4) % 4)));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The bytes as text, as UTF-8 or (PowerShell's -EncodedCommand) UTF-16LE, if mostly printable; else null. */
  static String readable(byte[] bytes) {
    if (bytes.length < 8) {
      return null;
    }
    int zeros = 0;
    for (int i = 1; i < bytes.length; i += 2) {
      zeros += bytes[i] == 0 ? 1 : 0;
    }
    String text;
    try {
      text = (zeros * 2 >= bytes.length / 2 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8).newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
    int printable = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      printable += (c >= 0x20 && c != 0x7F) || c == '\n' || c == '\r' || c == '\t' ? 1 : 0;
      letters += Character.isLetter(c) || c == ' ' ? 1 : 0;
    }
    return printable >= text.length() * 0.95 && letters >= text.length() * 0.6 ? text : null;
  }
}
