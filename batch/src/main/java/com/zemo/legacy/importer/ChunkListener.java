package com.zemo.legacy.importer;

/**
 * Told after each chunk's transaction has committed, with the checkpoint to persist. A batch step keeps it
 * as its checkpoint; a test throws here to simulate a crash between chunks.
 */
@FunctionalInterface
public interface ChunkListener {
    ChunkListener NONE = (checkpoint, progress) -> { };

    void committed(ImportCheckpoint checkpoint, ImportProgress progress) throws Exception;
}
