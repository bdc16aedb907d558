#pragma once
// The data directory holds the database and secrets: it is 0700 and the database files
// (main, -wal, -shm, -journal) are 0600 whatever the umask. SQLite creates the -wal and -shm
// files with the mode of the main file, so creating the main file 0600 first keeps them so.
#include <string>
#include <vector>

namespace greenroom::store {

// Creates the directory (and an empty database file) when missing and sets the modes;
// returns the paths whose mode had to be corrected. Throws std::runtime_error on failure.
std::vector<std::string> secure_data_dir(const std::string& data_dir, const std::string& db_path);

// Sets `path` to `mode` if it exists with another; true when it was changed.
bool restrict_mode(const std::string& path, unsigned mode);

}  // namespace greenroom::store
