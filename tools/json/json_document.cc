#include "tools/json/json_document.h"

#include <boost/json/basic_parser_impl.hpp>

#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lpsync {
namespace {

namespace bj = boost::json;
using boost::system::error_code;

// A basic_parser handler that builds the document on a value_stack, as boost::json::parser
// does, and tracks the path to the current value and the keys of each open object.
class Builder {
 public:
  static constexpr size_t max_object_size = size_t(-1);
  static constexpr size_t max_array_size = size_t(-1);
  static constexpr size_t max_key_size = size_t(-1);
  static constexpr size_t max_string_size = size_t(-1);

  std::optional<JsonDocumentError> repeated;
  bj::value_stack stack;

  bool on_document_begin(error_code&) { return stack.reset(), true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return open(false); }
  bool on_object_end(size_t n, error_code&) { return stack.push_object(n), close(); }
  bool on_array_begin(error_code&) { return open(true); }
  bool on_array_end(size_t n, error_code&) { return stack.push_array(n), close(); }
  bool on_key_part(bj::string_view s, size_t, error_code&) {
    key_.append(s);
    return stack.push_chars(s), true;
  }
  bool on_key(bj::string_view s, size_t, error_code& ec) {
    key_.append(s);
    Frame& top = frames_.back();
    top.key = std::move(key_);
    key_.clear();
    if (!top.keys.insert(top.key).second) {
      repeated = JsonDocumentError{path(), "the key \"" + top.key + "\" appears twice in this object; give each key once",
                                   keys()};
      ec = bj::error::syntax;
      return false;
    }
    return stack.push_key(s), true;
  }
  bool on_string_part(bj::string_view s, size_t, error_code&) { return stack.push_chars(s), true; }
  bool on_string(bj::string_view s, size_t, error_code&) { return stack.push_string(s), done(); }
  bool on_number_part(bj::string_view s, error_code&) { return number_.append(s), true; }
  bool on_int64(int64_t i, bj::string_view, error_code&) { return number_.clear(), stack.push_int64(i), done(); }
  bool on_uint64(uint64_t u, bj::string_view, error_code&) { return number_.clear(), stack.push_uint64(u), done(); }
  bool on_double(double d, bj::string_view s, error_code&) {
    number_.append(s);
    double exact = d;
    auto [end, ec] = std::from_chars(number_.data(), number_.data() + number_.size(), exact);
    if (ec != std::errc() || end != number_.data() + number_.size()) exact = d;
    number_.clear();
    return stack.push_double(exact), done();
  }
  bool on_bool(bool b, error_code&) { return stack.push_bool(b), done(); }
  bool on_null(error_code&) { return stack.push_null(), done(); }
  bool on_comment_part(bj::string_view, error_code&) { return true; }
  bool on_comment(bj::string_view, error_code&) { return true; }

 private:
  struct Frame {
    bool array = false;
    size_t index = 0;  // arrays: the position of the value being read
    std::string key;   // objects: the key of the value being read
    std::set<std::string> keys;
  };

  bool open(bool array) {
    frames_.push_back(Frame{array, 0, "", {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return done();
  }
  bool done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const Frame& f : frames_) {
      if (!f.array) out.push_back(f.key);
    }
    return out;
  }
  std::string path() const {
    std::string out = "$";
    for (const Frame& f : frames_) out += f.array ? "[" + std::to_string(f.index) + "]" : "." + f.key;
    return out;
  }

  std::vector<Frame> frames_;
  std::string key_;
  std::string number_;
};

std::string position(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') line++, column = 1;
    else column++;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

std::variant<bj::value, JsonDocumentError> read_json_document(std::string_view text) {
  bj::basic_parser<Builder> parser{bj::parse_options{}};
  error_code ec;
  size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (parser.handler().repeated) return *parser.handler().repeated;
  if (ec) return JsonDocumentError{"$", "malformed JSON at " + position(text, used) + ": " + ec.message(), {}};
  if (used < text.size()) {
    return JsonDocumentError{"$",
                             "malformed JSON at " + position(text, used) +
                                 ": text after the end of the document (the file holds one JSON object)",
                             {}};
  }
  return parser.handler().stack.release();
}

}  // namespace lpsync
