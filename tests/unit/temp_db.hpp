#pragma once
// A migrated SQLite database in a fresh temporary directory, removed afterwards.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "store/database.hpp"
#include "store/migrations.hpp"

namespace greenroom::test {

class TempDb {
 public:
  TempDb() {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("greenroom-unit-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(dir_);
    store::Connection c(path(), store::Connection::Mode::read_write);
    store::migrate(c);
  }
  ~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path() const { return (dir_ / "test.db").string(); }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

}  // namespace greenroom::test
