#include "app/feed_key.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "api/credentials.hpp"

namespace greenroom::app {
namespace {

bool read_key(const std::string& path, std::string& key) {
  std::ifstream in(path);
  if (!in) return false;
  std::getline(in, key);
  if (key.size() < 32) throw std::runtime_error("the feed key file is too short: " + path);
  return true;
}

bool create_key(const std::string& path, const std::string& key) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return false;  // made meanwhile by another process
  const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                  ::write(fd, "\n", 1) == 1 && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot write " + path);
  return true;
}

}  // namespace

std::string load_or_create_feed_key(const std::string& data_dir) {
  const std::string path = data_dir + "/feed.key";
  std::string key;
  if (read_key(path, key)) return key;
  key = api::random_token(32);
  if (create_key(path, key)) return key;
  if (read_key(path, key)) return key;
  throw std::runtime_error("cannot create " + path);
}

}  // namespace greenroom::app
