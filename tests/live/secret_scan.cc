#include "tests/live/secret_scan.h"

#include <regex>
#include <sstream>

namespace lpsync::testing {
namespace {

struct Pattern {
  const char* what;
  std::regex re;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> kPatterns = [] {
    auto icase = std::regex::ECMAScript | std::regex::icase;
    std::vector<Pattern> p;
    p.push_back({"an Authorization header with a value", std::regex(R"("Authorization"\s*,\s*"(?!\[redacted))", icase)});
    p.push_back({"Basic credentials", std::regex(R"(Basic [A-Za-z0-9+/]{8,}=*)")});
    p.push_back({"a secret, password or token member with a value",
                 std::regex(R"("[a-z_]*(secret|password|token)[a-z_]*"\s*:\s*"(?!\[redacted))", icase)});
    p.push_back({"a credential in a URL", std::regex(R"([?&](token|key|secret|password|api_key)=(?!\[redacted))", icase)});
    p.push_back({"a 32-hex key", std::regex(R"((^|[^0-9A-Za-z])[0-9a-fA-F]{32}($|[^0-9A-Za-z]))")});
    return p;
  }();
  return kPatterns;
}

}  // namespace

std::vector<std::string> find_secrets(const std::string& text, const std::vector<std::string>& known) {
  std::vector<std::string> out;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    auto report = [&](const std::string& what, size_t at) {
      size_t from = at > 40 ? at - 40 : 0;
      out.push_back("line " + std::to_string(number) + ": " + what + ": ..." + line.substr(from, 100) + "...");
    };
    for (const auto& k : known) {
      if (size_t at = line.find(k); !k.empty() && at != std::string::npos) report("a configured secret", at);
    }
    for (const auto& p : patterns()) {
      std::smatch m;
      if (std::regex_search(line, m, p.re)) report(p.what, static_cast<size_t>(m.position(0)));
    }
  }
  return out;
}

}  // namespace lpsync::testing
