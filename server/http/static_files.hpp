#pragma once
// Serves the built browser client. Files are loaded into memory at start; hashed assets
// (assets/*) are cached for a year as immutable, everything else is revalidated (ETag).
// A GET for an unknown non-API path that accepts HTML gets index.html (client routing).
#include <map>
#include <optional>
#include <string>

#include "http/context.hpp"

namespace greenroom::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& root);
  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }
  // nullopt when this is not a static file request.
  std::optional<Response> serve(const RequestContext& ctx) const;

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
    bool immutable = false;
  };
  Response respond(const RequestContext& ctx, const File& f) const;
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace greenroom::http
