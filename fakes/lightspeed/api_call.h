// One parsed API request as the resource handlers see it, the error value they return,
// and the two ways an answer is built (a JSON document, or Lightspeed's error envelope
// {"error":{"code","method","request","message"}}).
#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "engine/env/http.h"
#include "engine/env/result.h"
#include "engine/env/time.h"

namespace lpsync::fakes::lightspeed {

// A refusal: its kind is the HTTP status the fake answers with (also the envelope's code).
using ApiError = Error<int>;

// A value or the reason there is none.
template <class T>
using Result = lpsync::Result<T, int>;

struct ApiCall {
  std::string method;
  std::string request_path;           // the path as received ("/en/orders/5.json"), for envelopes
  std::string language;               // an active shop language
  std::vector<std::string> segments;  // after the language, without ".json": {"orders", "5"}
  QueryParams query;
  std::string body;
  Instant now;
};

Response json_response(int status, const boost::json::value& body);
Response error_response(std::string_view method, std::string_view request_path, const ApiError& error);
inline Response error_response(const ApiCall& call, const ApiError& error) {
  return error_response(call.method, call.request_path, error);
}

}  // namespace lpsync::fakes::lightspeed
