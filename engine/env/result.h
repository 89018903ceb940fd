// One result type for every layer: a value, or an error with a kind and a message.
// `Kind` is the layer's own enum of what went wrong (e.g. StoreProblem); the message is for
// a person: what is wrong and how to fix it, never a secret.
//
// ApiResult (engine/client/api_call.h) stays separate: an API call's answer carries more
// than an error (the retry time of a rate limit, the HTTP status) and every outcome but `ok`
// still has a typed value slot the clients fill, so it is the HTTP-outcome type, not a
// general result. TransportResult (env/http.h) and StoreOpenError (state/store_errors.h) are
// still their own types because tools/live reads their fields by name (`detail`, `problem`);
// they become Result / Error when those tools move over.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "engine/env/check.h"

namespace lpsync {

template <typename Kind>
struct Error {
  Kind kind;
  std::string message;
};

template <typename T, typename Kind>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error<Kind> error) : v_(std::in_place_index<1>, std::move(error)) {}
  static Result failure(Kind kind, std::string message) { return Result(Error<Kind>{kind, std::move(message)}); }

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    LPSYNC_CHECK(ok(), "value() of a failed Result: check ok() first");
    return std::get<0>(v_);
  }
  T& value() & {
    LPSYNC_CHECK(ok(), "value() of a failed Result: check ok() first");
    return std::get<0>(v_);
  }
  T&& value() && {
    LPSYNC_CHECK(ok(), "value() of a failed Result: check ok() first");
    return std::get<0>(std::move(v_));
  }
  const Error<Kind>& error() const {
    LPSYNC_CHECK(!ok(), "error() of a successful Result: check ok() first");
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error<Kind>> v_;
};

}  // namespace lpsync
