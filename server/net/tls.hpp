#pragma once
// TLS context: a configured certificate and key, or a self-signed one created on first run
// in the data directory (EC P-256, SAN localhost/127.0.0.1/::1, mode 0600 for the key).
#include <boost/asio/ssl/context.hpp>
#include <string>

namespace greenroom::net {

struct TlsFiles {
  std::string cert_path;
  std::string key_path;
};

// Creates data_dir/tls/{cert,key}.pem when they do not exist yet (directory 0700, key 0600,
// both set again on every start); returns their paths.
TlsFiles ensure_self_signed(const std::string& data_dir);

// TLS 1.2+ server context with modern ciphers, loaded from the files.
boost::asio::ssl::context make_server_context(const TlsFiles& files);

}  // namespace greenroom::net
