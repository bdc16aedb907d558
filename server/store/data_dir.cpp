#include "store/data_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace greenroom::store {

bool restrict_mode(const std::string& path, unsigned mode) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;  // absent: nothing to correct
  if ((st.st_mode & 07777) == mode) return false;
  if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0)
    throw std::runtime_error("cannot set the mode of " + path + ": " + std::strerror(errno));
  return true;
}

std::vector<std::string> secure_data_dir(const std::string& data_dir, const std::string& db_path) {
  std::filesystem::create_directories(data_dir);
  std::vector<std::string> fixed;
  if (restrict_mode(data_dir, 0700)) fixed.push_back(data_dir);
  // The main file is made here, 0600, before SQLite first opens it (SQLite would create it
  // 0644 minus the umask, and copy that mode to -wal and -shm).
  int fd = ::open(db_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot create the database file " + db_path + ": " +
                             std::strerror(errno));
  ::close(fd);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    if (restrict_mode(db_path + suffix, 0600)) fixed.push_back(db_path + suffix);
  return fixed;
}

}  // namespace greenroom::store
