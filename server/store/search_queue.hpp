#pragma once
// Moves the search changes queued by the item triggers (schema/0021) into the FTS5 index.
// Called by Transaction::commit just before COMMIT, so the index is current in the same
// transaction as every write and FTS5 writes one segment per transaction, not one per item.

namespace greenroom::store {

class Connection;

// Applies and empties search_queue. Costs one primary-key probe when the queue is empty;
// does nothing on a database whose schema predates the queue (during migrations).
void flush_search_queue(Connection& c);

}  // namespace greenroom::store
