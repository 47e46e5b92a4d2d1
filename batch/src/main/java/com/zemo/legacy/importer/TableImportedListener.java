package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacyTable;

/**
 * Told when the import has written and committed the last chunk of a table that nothing later in the run
 * writes to again (users to prompts when the sequential phase ends, each of the others when its worker finishes
 * it), with the source checksums the run recorded. Called from the import's threads: must not block.
 */
@FunctionalInterface
public interface TableImportedListener {
    TableImportedListener NONE = (table, sourceLog) -> { };

    /**
     * A worker starts on tasks or one of the tables after them. Until {@link #imported} for it, the table's source
     * log grows chunk by chunk, each chunk recorded after it committed, and no row of the table changes again
     * once committed (the rows of these tables never touch one another).
     */
    default void started(LegacyTable table, SourceChecksumLog sourceLog) {
    }

    void imported(LegacyTable table, SourceChecksumLog sourceLog);
}
