// One result type for every layer: a value, or an error with a kind and a message.
// `Kind` says what went wrong, usually as the layer's own enum (e.g. StoreProblem); the
// message is for a person: what is wrong and how to fix it, never a secret. Users: the
// transport (TransportResult in env/http.h), opening a state store (SqliteStateStore,
// PgStateStore), both fakes' domain operations (there the kind is the HTTP answer they
// refuse with), and the tools (command-line flags, loading a cassette). A job's piece of work is a Step
// (jobs/step.h), which also says when to stop.
//
// ApiResult (engine/client/api_call.h) stays separate: an API call's answer carries more
// than an error (the retry time of a rate limit, the HTTP status) and every outcome but `ok`
// still has a typed value slot the clients fill, so it is the HTTP-outcome type, not a
// general result. The tools' few other result-like types (ParseResult, ConfigResult,
// read_json_document, ChildResult) say at their definition why they are not Result.
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
