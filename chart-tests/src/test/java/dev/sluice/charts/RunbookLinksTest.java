package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Links into the runbook's sections resolve, so an alert's reader never lands on the top of the page. */
class RunbookLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\((runbook\\.md)?#([^)]+)\\)");

    @Test
    void anchorsFollowGitHub() {
        assertThat(MarkdownAnchors.anchor("A job stays PENDING")).isEqualTo("a-job-stays-pending");
        assertThat(MarkdownAnchors.anchor("Locally, or from a laptop against an environment"))
                .isEqualTo("locally-or-from-a-laptop-against-an-environment");
        assertThat(MarkdownAnchors.anchor("The `reaper` itself (v2)")).isEqualTo("the-reaper-itself-v2");
        assertThat(MarkdownAnchors.of("## X\n```bash\n# not a heading\n```\n## X\n")).containsExactly("x", "x-1");
    }

    @Test
    void linksWithinTheRunbookResolve() throws Exception {
        String runbook = Files.readString(RepoRoot.resolve("docs/runbook.md"));
        assertResolve(runbook, MarkdownAnchors.of(runbook), "docs/runbook.md");
    }

    @Test
    void linksFromTheMetricCatalogueIntoTheRunbookResolve() throws Exception {
        String catalogue = Files.readString(RepoRoot.resolve("docs/observability.md"));
        Set<String> anchors = MarkdownAnchors.of(Files.readString(RepoRoot.resolve("docs/runbook.md")));
        Matcher m = LINK.matcher(catalogue);
        while (m.find()) {
            if (m.group(1) != null) {
                assertThat(anchors).as("runbook.md#%s linked from docs/observability.md", m.group(2))
                        .contains(m.group(2));
            }
        }
    }

    private static void assertResolve(String markdown, Set<String> anchors, String file) {
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            if (m.group(1) == null) {
                assertThat(anchors).as("#%s linked within %s", m.group(2), file).contains(m.group(2));
            }
        }
    }
}
