// Picqer's error answers as values: {"error": true, "error_code": N, "error_message": "..."}
// with the HTTP status that goes with it. Domain operations return Result<T>; the HTTP layer
// turns an error into a response. Codes are those of the reference (§8, response codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "engine/env/http.h"
#include "engine/env/result.h"

namespace lpsync::fakes::picqer {

// The documented error codes the fake uses.
enum ErrorCode : int {
  kUnknownError = 1,            // also: bad credentials, stock refusals (no documented code)
  kMissingParameters = 5,       // missing or invalid value in a POST/PUT body or query
  kResourceFound = 7,           // "Resource ID found": used for a productcode that is taken
  kNoSuchFunction = 8,          // "API function not yet implemented": not served here
  kInvalidCountry = 9,
  kOrderMissingProducts = 13,
  kUnknownVatgroup = 14,
  kNotFound = 20,
  kWrongStatus = 21,            // "Item not found or does not have the right status"
  kInvalidJson = 22,
  kOrderLineIncomplete = 23,    // "Idproduct or amount missing from product in a order"
  kUnknownProduct = 24,
  kUnknownCustomer = 25,
  kRateLimited = 28,
};

// What kind of refusal: the HTTP status and Picqer's error code that go with it.
struct ApiErrorKind {
  int http_status = 400;
  int code = kUnknownError;
};
using ApiError = Error<ApiErrorKind>;

inline ApiError bad_request(int code, std::string message) { return {{400, code}, std::move(message)}; }
inline ApiError not_found(std::string what) { return {{404, kNotFound}, std::move(what) + " not found"}; }

// A value or an ApiError.
template <typename T>
using Result = lpsync::Result<T, ApiErrorKind>;

// For operations with nothing to return.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

// The error body with Content-Type application/json.
Response error_response(const ApiError& error);

}  // namespace lpsync::fakes::picqer
