#include "fakes/picqer/errors.h"

#include "engine/env/json.h"

namespace lpsync::fakes::picqer {

Response error_response(const ApiError& error) {
  Response r;
  r.status = error.kind.http_status;
  r.headers.set("Content-Type", "application/json");
  r.body = json::serialize(json::object_of({
      {"error", true},
      {"error_code", error.kind.code},
      {"error_message", error.message},
  }));
  return r;
}

}  // namespace lpsync::fakes::picqer
