#include "http/static_files.hpp"

#include <openssl/sha.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace greenroom::http {
namespace {

std::string content_type_for(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".webmanifest") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string short_hash(const std::string& data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  static const char* hex = "0123456789abcdef";
  std::string out = "\"";
  for (int i = 0; i < 12; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  out.push_back('"');
  return out;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto rel = fs::relative(it->path(), root).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    File f;
    f.body = ss.str();
    f.content_type = content_type_for(it->path());
    f.etag = short_hash(f.body);
    f.immutable = rel.rfind("assets/", 0) == 0;
    files_.emplace("/" + rel, std::move(f));
  }
}

Response StaticFiles::respond(const RequestContext& ctx, const File& f) const {
  auto inm = ctx.header("If-None-Match");
  Response res{inm && *inm == f.etag ? Status::not_modified : Status::ok, 11};
  res.set(bhttp::field::content_type, f.content_type);
  res.set(bhttp::field::etag, f.etag);
  res.set(bhttp::field::cache_control,
          f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (res.result() == Status::ok && ctx.method() == Verb::get) res.body() = f.body;
  res.prepare_payload();
  if (ctx.method() == Verb::head) res.content_length(f.body.size());
  return res;
}

std::optional<Response> StaticFiles::serve(const RequestContext& ctx) const {
  if (ctx.method() != Verb::get && ctx.method() != Verb::head) return std::nullopt;
  auto path = ctx.path();
  if (path.rfind("/api/", 0) == 0 || path == "/api") return std::nullopt;
  std::string key = path == "/" ? "/index.html" : std::string(path);
  if (auto it = files_.find(key); it != files_.end()) return respond(ctx, it->second);
  auto accept = ctx.header("Accept");
  if (accept && accept->find("text/html") != std::string::npos &&
      key.find('.') == std::string::npos) {
    if (auto it = files_.find("/index.html"); it != files_.end()) return respond(ctx, it->second);
  }
  return std::nullopt;
}

}  // namespace greenroom::http
