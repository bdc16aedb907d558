#include "net/tls.hpp"

#include <fcntl.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace greenroom::net {
namespace {

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("TLS certificate generation failed: ") + what);
}

void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext != nullptr, "extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

void write_pem(const std::string& path, bool is_key, EVP_PKEY* key, X509* cert) {
  auto tmp = path + ".tmp";
  // The key file is private from its first byte: created 0600 (and set so whatever the
  // umask); the certificate is public.
  ::unlink(tmp.c_str());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, is_key ? 0600 : 0644);
  check(fd >= 0, "open file");
  if (is_key) ::fchmod(fd, 0600);
  FILE* f = ::fdopen(fd, "wb");
  if (!f) ::close(fd);
  check(f != nullptr, "open file");
  bool ok = is_key ? PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1
                   : PEM_write_X509(f, cert) == 1;
  std::fclose(f);
  check(ok, "write PEM");
  std::filesystem::rename(tmp, path);
}

}  // namespace

TlsFiles ensure_self_signed(const std::string& data_dir) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(data_dir) / "tls";
  TlsFiles files{(dir / "cert.pem").string(), (dir / "key.pem").string()};
  fs::create_directories(dir);
  ::chmod(dir.c_str(), 0700);
  if (fs::exists(files.cert_path) && fs::exists(files.key_path)) {
    ::chmod(files.key_path.c_str(), 0600);  // whatever happened to it since it was made
    return files;
  }

  PKeyPtr key(EVP_EC_gen("P-256"));
  check(key != nullptr, "key");
  X509Ptr cert(X509_new());
  check(cert != nullptr, "cert");
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  FILE* r = std::fopen("/dev/urandom", "rb");
  check(r && std::fread(serial, 1, sizeof serial, r) == sizeof serial, "serial");
  std::fclose(r);
  serial[0] &= 0x7f;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 365);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Greenroom"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  add_extension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "sign");

  write_pem(files.key_path, true, key.get(), nullptr);
  write_pem(files.cert_path, false, nullptr, cert.get());
  return files;
}

boost::asio::ssl::context make_server_context(const TlsFiles& files) {
  namespace ssl = boost::asio::ssl;
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                  ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(ctx.native_handle(),
                          "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
  // Idle connections give their TLS buffers back.
  SSL_CTX_set_mode(ctx.native_handle(), SSL_MODE_RELEASE_BUFFERS);
  ctx.use_certificate_chain_file(files.cert_path);
  ctx.use_private_key_file(files.key_path, ssl::context::pem);
  return ctx;
}

}  // namespace greenroom::net
