package io.cybershield.shield.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How DocsExamplesIT finds the examples of a Markdown page and the markers in front of them. */
class DocsBlocksTest {

  @TempDir
  Path dir;

  @Test
  void findsYamlFencesWithTheirLineAndMarkers() throws IOException {
    Path page = write("""
        # A page

        ```yaml
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: plain}
        ```

        <!-- expect-refused: restricted data may not be placed -->

        ```yaml
        kind: ShieldModel
        ```

        <!-- not-applied: a JSON merge patch, not an object -->
        ```yml
        kind: ConfigMap
        ```

        ```console
        $ kubectl apply -f x.yaml
        ```

        ```json
        {"kind": "ConfigMap"}
        ```
        """);

    List<DocsExamplesIT.Block> blocks = DocsExamplesIT.markdownBlocks(page);

    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).line()).isEqualTo(3);
    assertThat(blocks.get(0).yaml()).isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\n");
    assertThat(blocks.get(0).expectRefused()).isNull();
    assertThat(blocks.get(0).notApplied()).isNull();
    assertThat(blocks.get(1).line()).isEqualTo(11);
    assertThat(blocks.get(1).expectRefused()).isEqualTo("restricted data may not be placed");
    assertThat(blocks.get(2).notApplied()).isEqualTo("a JSON merge patch, not an object");
    assertThat(blocks.get(2).expectRefused()).isNull();
  }

  @Test
  void aMarkerSeparatedByTextDoesNotApply() throws IOException {
    Path page = write("""
        <!-- expect-refused: something -->
        Some prose in between.

        ```yaml
        kind: ConfigMap
        ```
        """);

    assertThat(DocsExamplesIT.markdownBlocks(page)).singleElement()
        .satisfies(block -> assertThat(block.expectRefused()).isNull());
  }

  @Test
  void anUnclosedFenceNamesTheFileAndLine() throws IOException {
    Path page = write("""
        text

        ```yaml
        kind: ConfigMap
        """);

    assertThatThrownBy(() -> DocsExamplesIT.markdownBlocks(page))
        .hasMessageContaining("page.md").hasMessageContaining("line 3").hasMessageContaining("never closed");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("page.md"), text);
  }
}
