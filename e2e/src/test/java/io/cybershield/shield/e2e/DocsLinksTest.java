package io.cybershield.shield.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the docs, the README and DEVELOPERS.md leads to a file that exists and, with a
 * {@code #fragment}, to a heading of it (GitHub's anchors). Links inside code are not links.
 */
class DocsLinksTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** Pages other changes of the same issue write (metrics, Argo CD, conditions); a link to them waits for them. */
  private static final Set<String> WRITTEN_ELSEWHERE = Set.of("docs/metrics.md", "docs/gitops.md",
      "docs/conditions.md");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("DEVELOPERS.md")));
    try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
      walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      for (String target : links(page)) {
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        checked++;
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String relative = ROOT.relativize(resolved).toString();
        if (!Files.exists(resolved)) {
          if (!WRITTEN_ELSEWHERE.contains(relative)) {
            broken.add(ROOT.relativize(page) + ": " + target + " (no file " + relative + ")");
          }
          continue;
        }
        if (fragment != null && Files.isRegularFile(resolved) && relative.endsWith(".md")
            && !anchors(resolved).contains(fragment)) {
          broken.add(ROOT.relativize(page) + ": " + target + " (no heading #" + fragment + " in " + relative + ")");
        }
      }
    }
    assertThat(checked).as("relative links checked").isGreaterThan(50);
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void anchorsAreGitHubs() {
    assertThat(slug("`spec.tls`: the gateway's certificate")).isEqualTo("spectls-the-gateways-certificate");
    assertThat(slug("The audit log")).isEqualTo("the-audit-log");
    assertThat(slug("2a. Install with Helm")).isEqualTo("2a-install-with-helm");
  }

  /** Link targets outside fenced blocks and code spans. */
  static List<String> links(Path page) throws IOException {
    List<String> targets = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (matcher.find()) {
        targets.add(matcher.group(1));
      }
    }
    return targets;
  }

  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
          String slug = slug(heading.group(1));
          String unique = slug;
          for (int n = 1; !anchors.add(unique); n++) {
            unique = slug + "-" + n;
          }
        }
      }
    }
    return anchors;
  }

  /** GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped, spaces to '-'. */
  static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
