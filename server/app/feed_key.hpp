#pragma once
// The server's feed key (DATA_DIR/feed.key, 0600): private Atom feed tokens are derived from
// it, so a copy of the database alone yields no usable feed address. Created on first start;
// replacing it voids every feed address.
#include <string>

namespace greenroom::app {

std::string load_or_create_feed_key(const std::string& data_dir);

}  // namespace greenroom::app
