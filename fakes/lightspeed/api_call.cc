#include "fakes/lightspeed/api_call.h"

#include "engine/env/json.h"

namespace lpsync::fakes::lightspeed {

Response json_response(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", "application/json");
  r.body = json::serialize(body);
  return r;
}

Response error_response(std::string_view method, std::string_view request_path, const ApiError& error) {
  boost::json::object inner;
  inner["code"] = error.kind;
  inner["method"] = method;
  inner["request"] = request_path;
  inner["message"] = error.message;
  boost::json::object body;
  body["error"] = std::move(inner);
  return json_response(error.kind, body);
}

}  // namespace lpsync::fakes::lightspeed
