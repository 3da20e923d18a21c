/**
 * The live dispatch board: the append-only event log with gap-free sequence numbers, the
 * cross-instance fan-out over LISTEN/NOTIFY and the WebSocket stream.
 */
@NullMarked
package de.quartierdispatch.board;

import org.jspecify.annotations.NullMarked;
