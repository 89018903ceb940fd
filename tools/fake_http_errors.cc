#include "tools/fake_http_errors.h"

#include "fakes/lightspeed/api_call.h"
#include "fakes/picqer/errors.h"

namespace lpsync::cli {

HttpErrorBody lightspeed_http_errors() {
  return [](const std::string& method, const std::string& path, int status, const std::string& message) {
    return fakes::lightspeed::error_response(method, path, fakes::lightspeed::ApiError{status, message});
  };
}

HttpErrorBody picqer_http_errors() {
  return [](const std::string&, const std::string&, int status, const std::string& message) {
    return fakes::picqer::error_response(fakes::picqer::ApiError{status, fakes::picqer::kUnknownError, message});
  };
}

}  // namespace lpsync::cli
