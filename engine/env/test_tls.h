// Test hook: a throw-away certificate authority and a server certificate for 127.0.0.1 and
// localhost, written as PEM files, so HTTPS tests need no files from outside the sandbox.
#pragma once

#include <string>

namespace lpsync::testing {

struct TestTls {
  std::string ca_file;    // the CA certificate: give it to the client as its trust anchor
  std::string cert_file;  // the server certificate, signed by the CA
  std::string key_file;   // the server's private key
};

// Writes ca.pem, server.pem and server.key into `dir` (which must exist). Throws on failure.
TestTls make_test_tls(const std::string& dir);

}  // namespace lpsync::testing
