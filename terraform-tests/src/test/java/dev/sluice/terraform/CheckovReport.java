package dev.sluice.terraform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one checkov run over Terraform code found. A file checkov cannot parse is only counted in
 * parsingErrors (checkov still exits 0), so the resources in it are silently not checked.
 */
record CheckovReport(int passed, List<Finding> failed, List<Finding> skipped, int parsingErrors, List<String> unparsedFiles) {

    /**
     * What checkov puts in {@code suppress_comment} for {@code #checkov:skip=CKV_...} without a
     * reason: a skip that does not say why is not accepted.
     */
    static final String NO_REASON = "No comment provided";

    /** One check on one resource; reason is the skip comment's text, empty for failed checks. */
    record Finding(String checkId, String checkName, String resource, String location, String reason) {
        @Override
        public String toString() {
            return checkId + " " + resource + " (" + location + ")" + (reason.isEmpty() ? ": " + checkName : ": " + reason);
        }
    }

    /** Skipped checks whose skip comment gives no reason. */
    List<Finding> skipsWithoutReason() {
        return skipped.stream()
                .filter(skip -> skip.reason().isBlank() || skip.reason().strip().equals(NO_REASON))
                .toList();
    }

    String summaryLine() {
        return "checkov terraform: " + passed + " passed, " + failed.size() + " failed, " + skipped.size() + " skipped"
                + (parsingErrors == 0 ? "" : ", " + parsingErrors + " files not parsed " + unparsedFiles);
    }

    /** The summary line, then one line per skipped check: id, resource, reason. */
    String summaryWithSkips() {
        return summaryLine() + "\n" + skipped.stream()
                .map(skip -> "skipped " + skip.checkId() + " " + skip.resource() + ": " + skip.reason() + "\n")
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return summaryLine()
                + (failed.isEmpty() ? "" : "\nfailed:\n  " + failed.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
    }
}
