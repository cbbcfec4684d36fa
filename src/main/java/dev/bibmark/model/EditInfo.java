package dev.bibmark.model;

/**
 * How a snapshot made by the incremental path differs from the one it was edited from: only block
 * {@code block} was re-parsed; the old text's {@code [start, end)} was replaced, moving everything after it by
 * {@code delta}. Later consumers (the checks) use it to redo only that block's part.
 */
public record EditInfo(int block, int start, int end, int delta) {}
