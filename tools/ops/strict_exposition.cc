#include "tools/ops/strict_exposition.h"

#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace lpsync::ops::testing {
namespace {

[[noreturn]] void fail(int line, const std::string& why) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + why);
}

const std::regex kName("[a-zA-Z_:][a-zA-Z0-9_:]*");
const std::regex kLabelName("[a-zA-Z_][a-zA-Z0-9_]*");

// Reads `{a="x",b="y"}` from `s` at `i` (just past the '{'); leaves `i` past the '}'.
std::map<std::string, std::string> read_labels(const std::string& s, size_t& i, int line) {
  std::map<std::string, std::string> labels;
  while (true) {
    if (i < s.size() && s[i] == '}') {
      ++i;
      return labels;
    }
    size_t eq = s.find('=', i);
    if (eq == std::string::npos) fail(line, "label without =");
    std::string name = s.substr(i, eq - i);
    if (!std::regex_match(name, kLabelName) || name.rfind("__", 0) == 0) fail(line, "bad label name '" + name + "'");
    i = eq + 1;
    if (i >= s.size() || s[i] != '"') fail(line, "label value not quoted");
    ++i;
    std::string value;
    while (true) {
      if (i >= s.size()) fail(line, "unterminated label value");
      char c = s[i++];
      if (c == '"') break;
      if (c == '\\') {
        if (i >= s.size()) fail(line, "dangling backslash");
        char e = s[i++];
        if (e == 'n') value += '\n';
        else if (e == '\\' || e == '"') value += e;
        else fail(line, std::string("bad escape \\") + e);
      } else {
        value += c;
      }
    }
    if (labels.count(name)) fail(line, "label " + name + " twice");
    labels[name] = value;
    if (i < s.size() && s[i] == ',') ++i;
    else if (i >= s.size() || s[i] != '}') fail(line, "expected , or } after a label");
  }
}

double read_value(const std::string& text, int line) {
  if (text == "+Inf" || text == "-Inf" || text == "NaN") return 0;
  static const std::regex kNumber("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  if (!std::regex_match(text, kNumber)) fail(line, "bad value '" + text + "'");
  return std::stod(text);
}

}  // namespace

Exposition parse_strictly(const std::string& text) {
  if (text.empty() || text.back() != '\n') fail(0, "the text must end with a newline");
  Exposition out;
  std::set<std::string> series, families_with_samples;
  std::istringstream in(text);
  std::string s;
  int line = 0;
  while (std::getline(in, s)) {
    ++line;
    if (s.empty()) fail(line, "empty line");
    if (s.find('\r') != std::string::npos) fail(line, "carriage return");
    if (s.rfind("# HELP ", 0) == 0 || s.rfind("# TYPE ", 0) == 0) {
      bool help = s[2] == 'H';
      std::string rest = s.substr(7);
      size_t sp = rest.find(' ');
      if (sp == std::string::npos) fail(line, "HELP/TYPE without text");
      std::string name = rest.substr(0, sp), what = rest.substr(sp + 1);
      if (!std::regex_match(name, kName)) fail(line, "bad metric name " + name);
      if (what.empty()) fail(line, "empty HELP/TYPE text");
      if (families_with_samples.count(name)) fail(line, name + ": HELP/TYPE after its samples");
      auto& seen = help ? out.help : out.type;
      if (seen.count(name)) fail(line, name + ": HELP/TYPE twice");
      if (!help) {
        if (what != "counter" && what != "gauge" && what != "untyped") fail(line, "unknown type " + what);
        if ((what == "counter") != (name.size() > 6 && name.substr(name.size() - 6) == "_total")) {
          fail(line, name + ": a counter's name ends in _total, and only a counter's");
        }
      } else if (what.find('\n') != std::string::npos) {
        fail(line, "newline in HELP");
      }
      seen[name] = what;
      continue;
    }
    if (s[0] == '#') fail(line, "a comment that is neither HELP nor TYPE");
    size_t i = 0;
    while (i < s.size() && s[i] != '{' && s[i] != ' ') ++i;
    Sample sample;
    sample.name = s.substr(0, i);
    if (!std::regex_match(sample.name, kName)) fail(line, "bad sample name " + sample.name);
    if (!out.type.count(sample.name)) fail(line, sample.name + ": sample before its TYPE");
    if (!out.help.count(sample.name)) fail(line, sample.name + ": sample before its HELP");
    if (i < s.size() && s[i] == '{') {
      ++i;
      sample.labels = read_labels(s, i, line);
    }
    if (i >= s.size() || s[i] != ' ') fail(line, "expected one space before the value");
    std::string value = s.substr(i + 1);
    if (value.find(' ') != std::string::npos) fail(line, "a timestamp or extra text after the value");
    sample.value = read_value(value, line);
    std::string key = sample.name;
    for (const auto& [k, v] : sample.labels) key += "|" + k + "=" + v;
    if (!series.insert(key).second) fail(line, "series twice: " + key);
    families_with_samples.insert(sample.name);
    out.samples.push_back(sample);
  }
  return out;
}

double value_of(const Exposition& e, const std::string& name, std::map<std::string, std::string> labels) {
  for (const auto& s : e.samples) {
    if (s.name == name && s.labels == labels) return s.value;
  }
  throw std::runtime_error("no sample " + name);
}

}  // namespace lpsync::ops::testing
