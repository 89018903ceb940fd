// Picqer's error answers as values: {"error": true, "error_code": N, "error_message": "..."}
// with the HTTP status that goes with it. Domain operations return Result<T>; the HTTP layer
// turns an error into a response. Codes are those of the reference (§8, response codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "engine/env/http.h"

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

struct ApiError {
  int http_status = 400;
  int code = kUnknownError;
  std::string message;
};

inline ApiError bad_request(int code, std::string message) { return {400, code, std::move(message)}; }
inline ApiError not_found(std::string what) { return {404, kNotFound, std::move(what) + " not found"}; }

// A value or an ApiError.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(ApiError error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const ApiError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, ApiError> v_;
};

// For operations with nothing to return.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

// The error body with Content-Type application/json.
Response error_response(const ApiError& error);

}  // namespace lpsync::fakes::picqer
