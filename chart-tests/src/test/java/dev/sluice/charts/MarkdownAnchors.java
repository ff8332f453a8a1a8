package dev.sluice.charts;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The anchors GitHub gives a Markdown file's headings, so links like runbook.md#x can be checked. */
final class MarkdownAnchors {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    // GitHub keeps letters, digits, '-' and '_' and drops every other punctuation character.
    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{N}\\- _]");

    private MarkdownAnchors() {
    }

    /** Anchors in document order; a repeated heading gets -1, -2, ... as on GitHub. */
    static Set<String> of(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : markdown.split("\\R")) {
            // '# comment' lines inside code blocks are not headings.
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (inFence || !m.matches()) {
                continue;
            }
            String anchor = anchor(m.group(1));
            int n = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? anchor : anchor + "-" + n);
        }
        return anchors;
    }

    static String anchor(String headingText) {
        return DROPPED.matcher(headingText.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }
}
