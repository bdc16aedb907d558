#include "store/search_queue.hpp"

#include <sqlite3.h>

#include "store/database.hpp"

namespace greenroom::store {

namespace {

bool has_queue(Connection& c) {
  if (c.search_queue_present) return true;
  // Looked up until it exists: a connection that applied the migrations sees it appear.
  c.search_queue_present =
      sqlite3_table_column_metadata(c.handle(), "main", "search_queue", "id", nullptr, nullptr,
                                    nullptr, nullptr, nullptr) == SQLITE_OK;
  return c.search_queue_present;
}

}  // namespace

void flush_search_queue(Connection& c) {
  if (!has_queue(c)) return;
  {
    auto any = c.prepare("SELECT EXISTS (SELECT 1 FROM search_queue)");
    if (!any.step() || any.int64(0) == 0) return;
  }
  c.prepare("DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_queue WHERE fresh = 0)")
      .run();
  c.prepare(
       "INSERT INTO search_index(rowid, body, kind, item_id) "
       "SELECT id, body, kind, item_id FROM search_queue WHERE body IS NOT NULL ORDER BY id")
      .run();
  c.prepare("DELETE FROM search_queue").run();
}

bool merge_search_index(Connection& c, int pages) {
  if (!has_queue(c)) return false;  // a schema before the index settings (during migrations)
  // FTS5 counts each page it writes as a change: a difference under two means nothing was
  // left to merge (as its documentation of 'merge' says).
  const auto before = sqlite3_total_changes64(c.handle());
  c.prepare("INSERT INTO search_index(search_index, rank) VALUES ('merge', ?1)")
      .bind(1, pages)
      .run();
  return sqlite3_total_changes64(c.handle()) - before >= 2;
}

}  // namespace greenroom::store
