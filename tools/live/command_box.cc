#include "tools/live/command_box.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/env/crypto.h"
#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

constexpr size_t kMaxListed = 10'000;  // a directory holding more is not ours to read

bool write_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << text;
    if (!f) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  return !ec;
}

std::optional<std::string> read_small(const fs::path& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec || size > CommandBox::kMaxFileBytes) return std::nullopt;
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  if (!f) return std::nullopt;
  return s.str();
}

// The ids of the `.json` files of `dir`, oldest first (at most kMaxListed).
std::vector<std::string> ids_in(const fs::path& dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end && ids.size() < kMaxListed; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() == ".json") ids.push_back(p.stem().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool make_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return false;
  return ::chmod(dir.c_str(), 0700) == 0;
}

std::optional<BoxCommand> parse_command(const std::string& id, const std::string& text) {
  bj::error_code ec;
  bj::value v = bj::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const bj::object& o = v.as_object();
  const bj::value* kind = o.if_contains("kind");
  const bj::value* args = o.if_contains("args");
  const bj::value* user = o.if_contains("user");
  const bj::value* at = o.if_contains("at");
  if (!kind || !kind->is_string() || !args || !args->is_object() || !user || !user->is_string() || !at ||
      !at->is_string()) {
    return std::nullopt;
  }
  auto when = parse_iso8601(std::string(at->as_string()));
  if (!when) return std::nullopt;
  return BoxCommand{id, std::string(kind->as_string()), args->as_object(), std::string(user->as_string()), *when};
}

}  // namespace

CommandBox::CommandBox(const std::string& state_path) : dir_(state_path + ".commands") {}

std::string CommandQueue::new_id(Instant now) {
  char stamp[16];
  std::snprintf(stamp, sizeof stamp, "%015lld", static_cast<long long>(std::max<int64_t>(0, now.unix_millis())));
  return std::string(stamp) + "-" + system_random_hex(4);
}

bool CommandQueue::is_id(const std::string& id) {
  if (id.size() != 24 || id[15] != '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = i < 15 ? (c >= '0' && c <= '9') : i == 15 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> CommandBox::submit(const std::string& kind, bj::object args, const std::string& user,
                                              Instant now, std::string& error) {
  if (!make_private_dir(dir_)) {
    error = "cannot make the directory " + dir_ + " (check that this user may write next to the state)";
    return std::nullopt;
  }
  if (ids_in(dir_).size() >= kMaxPending) {
    error = "already " + std::to_string(kMaxPending) +
            " commands wait for lpsync run: is it running for this connection? Start it, then try again";
    return std::nullopt;
  }
  std::string id = new_id(now);
  bj::object doc{{"kind", kind}, {"args", std::move(args)}, {"user", user}, {"at", format_iso8601(now)}};
  if (!write_atomically(fs::path(dir_) / (id + ".json"), json::serialize(doc))) {
    error = "cannot write to " + dir_ + " (is the disk full?)";
    return std::nullopt;
  }
  return id;
}

std::vector<BoxCommand> CommandBox::take(size_t limit, std::vector<std::string>* refused) {
  std::vector<BoxCommand> out;
  for (const std::string& id : ids_in(dir_)) {
    if (out.size() >= limit) break;
    fs::path path = fs::path(dir_) / (id + ".json");
    auto text = read_small(path);
    std::optional<BoxCommand> command = is_id(id) && text ? parse_command(id, *text) : std::nullopt;
    std::error_code ec;
    fs::remove(path, ec);
    if (command) {
      out.push_back(std::move(*command));
    } else if (refused) {
      refused->push_back(id);
    }
  }
  return out;
}

void CommandBox::answer(const std::string& id, const bj::object& answer) {
  fs::path answers = fs::path(dir_) / "answers";
  if (!is_id(id) || !make_private_dir(answers)) return;
  write_atomically(answers / (id + ".json"), json::serialize(answer));
  std::vector<std::string> kept = ids_in(answers);
  for (size_t i = 0; i + kMaxAnswers < kept.size(); ++i) {
    std::error_code ec;
    fs::remove(answers / (kept[i] + ".json"), ec);
  }
}

std::optional<bj::object> CommandBox::answer_of(const std::string& id) const {
  if (!is_id(id)) return std::nullopt;
  auto text = read_small(fs::path(dir_) / "answers" / (id + ".json"));
  if (!text) return std::nullopt;
  bj::error_code ec;
  bj::value v = bj::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

std::optional<bj::object> CommandQueue::wait_for_answer(const std::string& id, int tenths) const {
  for (int i = 0; i <= tenths; ++i) {
    if (auto a = answer_of(id)) return a;
    if (i < tenths) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return std::nullopt;
}

bool CommandBox::waiting(const std::string& id) const {
  std::error_code ec;
  return is_id(id) && fs::exists(fs::path(dir_) / (id + ".json"), ec);
}

}  // namespace lpsync::live
