package dev.sluice.terraform;

import java.util.List;
import java.util.stream.Collectors;

/** What the provider-schema check found in the .tf files of some directories. */
record SchemaReport(String provider, String source, int files, int checkedBlocks,
                    List<SchemaFinding> findings, List<UncheckedBlock> unchecked) {

    /** One finding a line, for assertion messages. */
    String describeFindings() {
        return findings.stream().map(SchemaFinding::toString).collect(Collectors.joining("\n"));
    }
}
