#pragma once
// Moves the search changes queued by the item triggers (schema/0021) into the FTS5 index.
// Called by Transaction::commit just before COMMIT, so the index is current in the same
// transaction as every write and FTS5 writes one segment per transaction, not one per item.

namespace greenroom::store {

class Connection;

// Applies and empties search_queue. Costs one primary-key probe when the queue is empty;
// does nothing on a database whose schema predates the queue (during migrations).
void flush_search_queue(Connection& c);

// One bounded step of merging the index's segments while the writer is idle (schema/0026):
// FTS5's 'merge' command, which writes up to about `pages` leaf pages, and only on a level
// of 4 segments or more (its usermerge). Returns whether it did any work (then another step
// may do more). Runs inside the caller's transaction.
bool merge_search_index(Connection& c, int pages = 64);

}  // namespace greenroom::store
