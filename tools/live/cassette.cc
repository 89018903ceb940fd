#include "tools/live/cassette.h"

#include <sstream>

#include "engine/env/crypto.h"
#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t more = 0;
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;  // control bytes: not text
    } else if ((c >> 5) == 0x6) {
      more = 1;
    } else if ((c >> 4) == 0xe) {
      more = 2;
    } else if ((c >> 3) == 0x1e) {
      more = 3;
    } else {
      return false;
    }
    if (i + more >= s.size() && more > 0) return false;
    for (size_t k = 1; k <= more; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += more + 1;
  }
  return true;
}

bj::array headers_json(const Headers& h) {
  bj::array out;
  for (const auto& [k, v] : h.fields()) out.push_back(bj::array{bj::string(k), bj::string(v)});
  return out;
}

Headers headers_from(const bj::value* v) {
  Headers h;
  if (!v || !v->is_array()) return h;
  for (const auto& pair : v->as_array()) {
    const auto& a = pair.as_array();
    h.add(std::string(a.at(0).as_string()), std::string(a.at(1).as_string()));
  }
  return h;
}

void put_body(bj::object& o, const std::string& body) {
  if (body.empty()) return;
  if (valid_utf8(body)) {
    o["body"] = body;
  } else {
    o["body_base64"] = base64_encode(body);
  }
}

std::string body_from(const bj::object& o) {
  if (auto it = o.find("body"); it != o.end()) return std::string(it->value().as_string());
  if (auto it = o.find("body_base64"); it != o.end()) {
    auto decoded = base64_decode(std::string(it->value().as_string()));
    if (!decoded) throw json::Error("$.body_base64", "not base64");
    return *decoded;
  }
  return "";
}

std::string text_at(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() || !it->value().is_string() ? "" : std::string(it->value().as_string());
}

int64_t int_at(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return 0;
  return it->value().is_int64() ? it->value().as_int64() : static_cast<int64_t>(it->value().to_number<double>());
}

}  // namespace

bj::object request_json(const Request& r) {
  bj::object o;
  o["method"] = r.method;
  o["url"] = r.url;
  o["headers"] = headers_json(r.headers);
  put_body(o, r.body);
  return o;
}

bj::object response_json(const Response& r) {
  bj::object o;
  o["status"] = r.status;
  o["headers"] = headers_json(r.headers);
  put_body(o, r.body);
  return o;
}

Request request_from_json(const bj::object& o) {
  Request r;
  r.method = text_at(o, "method");
  r.url = text_at(o, "url");
  r.headers = headers_from(o.if_contains("headers"));
  r.body = body_from(o);
  return r;
}

Response response_from_json(const bj::object& o) {
  Response r;
  r.status = static_cast<int>(int_at(o, "status"));
  r.headers = headers_from(o.if_contains("headers"));
  r.body = body_from(o);
  return r;
}

bj::object connection_json(const Connection& c) {
  return bj::object{{"lightspeed_url", c.lightspeed_url}, {"language", c.language},  {"shop_id", c.shop_id},
                    {"picqer_url", c.picqer_url},         {"webhook_url", c.webhook_url}, {"user_agent", c.user_agent}};
}

Connection connection_from_json(const bj::object& o) {
  Connection c;
  c.lightspeed_url = text_at(o, "lightspeed_url");
  c.language = text_at(o, "language");
  c.shop_id = int_at(o, "shop_id");
  c.picqer_url = text_at(o, "picqer_url");
  c.webhook_url = text_at(o, "webhook_url");
  c.user_agent = text_at(o, "user_agent");
  return c;
}

bj::object settings_json(const Settings& s) {
  bj::array warehouses;
  for (int64_t w : s.stock_warehouses) warehouses.push_back(w);
  bj::object methods;
  for (const auto& [method, profile] : s.shipping_methods) methods[method] = profile;
  return bj::object{{"active", s.active},
                    {"import_orders", s.import_orders},
                    {"import_products", s.import_products},
                    {"order_filter", to_string(s.order_filter)},
                    {"send_stock", s.send_stock},
                    {"send_shipments", s.send_shipments},
                    {"read_only", s.read_only},
                    {"poll_interval", s.poll_interval.seconds()},
                    {"stock_warehouses", std::move(warehouses)},
                    {"process_orders", s.process_orders},
                    {"shipment_delay", s.shipment_delay.seconds()},
                    {"shipping_methods", std::move(methods)}};
}

Settings settings_from_json(const bj::object& o) {
  Settings s;
  auto flag = [&](std::string_view k, bool& out) {
    if (auto it = o.find(k); it != o.end() && it->value().is_bool()) out = it->value().as_bool();
  };
  flag("active", s.active);
  flag("import_orders", s.import_orders);
  flag("import_products", s.import_products);
  flag("send_stock", s.send_stock);
  flag("send_shipments", s.send_shipments);
  flag("read_only", s.read_only);
  flag("process_orders", s.process_orders);
  if (auto f = parse_order_filter(text_at(o, "order_filter"))) s.order_filter = *f;
  if (o.contains("poll_interval")) s.poll_interval = Duration::seconds(int_at(o, "poll_interval"));
  if (auto it = o.find("stock_warehouses"); it != o.end() && it->value().is_array()) {
    for (const auto& w : it->value().as_array()) s.stock_warehouses.push_back(w.as_int64());
  }
  if (o.contains("shipment_delay")) s.shipment_delay = Duration::seconds(int_at(o, "shipment_delay"));
  if (auto it = o.find("shipping_methods"); it != o.end() && it->value().is_object()) {
    for (const auto& [method, profile] : it->value().as_object()) {
      if (profile.is_int64()) s.shipping_methods[std::string(method)] = profile.as_int64();
    }
  }
  return s;
}

CassetteWriter::CassetteWriter(const std::string& path, const Redactor& redactor)
    : path_(path), redactor_(redactor), out_(path, std::ios::trunc) {}

void CassetteWriter::write(bj::object line) {
  bj::array clock;
  for (int64_t r : pending_readings_) clock.push_back(r);
  pending_readings_.clear();
  line["clock"] = std::move(clock);
  out_ << json::serialize(line) << '\n';
  out_.flush();
}

void CassetteWriter::header(const CassetteHeader& h) {
  std::lock_guard lock(mu_);
  start_ = h.start;
  bj::object line;
  line["cassette"] = 1;
  line["start_ms"] = h.start.unix_millis();
  line["start"] = format_iso8601(h.start);
  line["seed"] = std::to_string(h.seed);
  line["mode"] = h.mode;
  line["redact_personal"] = h.redact_personal;
  line["connection"] = connection_json(h.connection);
  line["settings"] = settings_json(h.settings);
  line["state"] = h.state;
  // The header has no readings of its own; "clock" is added for a uniform shape.
  out_ << redactor_.text(json::serialize(line)) << '\n';
  out_.flush();
}

void CassetteWriter::reading(Instant t) {
  std::lock_guard lock(mu_);
  pending_readings_.push_back((t - start_).millis());
}

void CassetteWriter::exchange(const Request& request, const TransportResult& result, Instant at) {
  std::lock_guard lock(mu_);
  bj::object line;
  line["exchange"] = ++exchanges_;
  line["at_ms"] = (at - start_).millis();
  line["request"] = request_json(redactor_.request(request));
  if (result.ok()) {
    line["response"] = response_json(redactor_.response(result.value()));
  } else {
    line["error"] =
        bj::object{{"kind", to_string(result.error().kind)}, {"detail", redactor_.text(result.error().message)}};
  }
  write(std::move(line));
}

void CassetteWriter::inbound(const Request& request, int64_t callback, const std::string& picqer_signature,
                             int status) {
  std::lock_guard lock(mu_);
  Request r = redactor_.request(request);
  r.headers.remove("X-Picqer-Signature");
  bj::object line;
  line["inbound"] = ++inbound_;
  line["callback"] = callback;
  line["request"] = request_json(r);
  line["picqer_signature"] = picqer_signature;
  line["status"] = status;
  write(std::move(line));
}

void CassetteWriter::decision(const bj::object& trace_line) {
  std::lock_guard lock(mu_);
  bj::object line;
  line["decision"] = json::parse(redactor_.text(json::serialize(trace_line)));
  write(std::move(line));
}

void CassetteWriter::end(int64_t callbacks) {
  std::lock_guard lock(mu_);
  write(bj::object{{"end", true}, {"callbacks", callbacks}});
}

namespace {

CassetteHeader header_from_json(const bj::object& o) {
  if (int_at(o, "cassette") != 1) throw json::Error("$.cassette", "a cassette format this lpsync does not know");
  CassetteHeader h;
  h.start = Instant::from_unix_millis(int_at(o, "start_ms"));
  h.seed = std::stoull(text_at(o, "seed"));
  h.mode = text_at(o, "mode");
  h.redact_personal = o.contains("redact_personal") && o.at("redact_personal").as_bool();
  h.connection = connection_from_json(o.at("connection").as_object());
  h.settings = settings_from_json(o.at("settings").as_object());
  if (auto s = o.if_contains("state"); s && s->is_object()) h.state = s->as_object();
  return h;
}

RecordedExchange exchange_from_json(const bj::object& o, Instant start) {
  RecordedExchange e;
  e.n = int_at(o, "exchange");
  e.at = start + Duration::millis(int_at(o, "at_ms"));
  e.request = request_from_json(o.at("request").as_object());
  if (auto r = o.if_contains("response")) {
    e.response = response_from_json(r->as_object());
    return e;
  }
  const auto& err = o.at("error").as_object();
  std::string kind = text_at(err, "kind");
  TransportErrorKind k = kind == "timeout" ? TransportErrorKind::timeout
                         : kind == "reset" ? TransportErrorKind::reset
                                           : TransportErrorKind::refused;
  e.error = TransportError{k, text_at(err, "detail")};
  return e;
}

RecordedInbound inbound_from_json(const bj::object& o) {
  RecordedInbound i;
  i.n = int_at(o, "inbound");
  i.callback = int_at(o, "callback");
  i.request = request_from_json(o.at("request").as_object());
  i.picqer_signature = text_at(o, "picqer_signature");
  i.status = static_cast<int>(int_at(o, "status"));
  return i;
}

}  // namespace

Result<Cassette, CassetteProblem> load_cassette(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error<CassetteProblem>{CassetteProblem::unreadable, path + ": cannot read the cassette"};
  Cassette c;
  std::string line;
  int64_t number = 0;
  bool have_header = false;
  try {
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      bj::value v = json::parse(line);
      if (!v.is_object()) throw json::Error("$", "expected an object");
      const bj::object& o = v.as_object();
      if (auto clock = o.if_contains("clock"); clock && clock->is_array()) {
        for (const auto& r : clock->as_array()) c.readings.push_back(c.header.start + Duration::millis(r.as_int64()));
      }
      if (o.contains("cassette")) {
        c.header = header_from_json(o);
        have_header = true;
        continue;
      }
      if (!have_header) throw json::Error("$", "the first line must be the cassette header");
      if (o.contains("exchange")) {
        c.exchanges.push_back(exchange_from_json(o, c.header.start));
      } else if (o.contains("inbound")) {
        c.inbound.push_back(inbound_from_json(o));
      } else if (o.contains("decision")) {
        c.decisions.push_back(json::serialize(o.at("decision")));
      } else if (o.contains("end")) {
        c.callbacks = int_at(o, "callbacks");
      } else {
        throw json::Error("$", "a line of unknown kind");
      }
    }
  } catch (const std::exception& e) {
    return Error<CassetteProblem>{CassetteProblem::malformed,
                                  path + ":" + std::to_string(number) + ": not a readable cassette line: " + e.what()};
  }
  if (!have_header) return Error<CassetteProblem>{CassetteProblem::malformed, path + ": empty, or not a cassette"};
  return c;
}

}  // namespace lpsync::live
