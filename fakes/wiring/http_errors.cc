#include "fakes/wiring/http_errors.h"

#include "fakes/lightspeed/api_call.h"
#include "fakes/picqer/errors.h"

namespace lpsync::fakes {

HttpErrorBody lightspeed_http_errors() {
  return [](const std::string& method, const std::string& path, int status, const std::string& message) {
    return lightspeed::error_response(method, path, lightspeed::ApiError{status, message});
  };
}

HttpErrorBody picqer_http_errors() {
  return [](const std::string&, const std::string&, int status, const std::string& message) {
    return picqer::error_response(picqer::ApiError{{status, picqer::kUnknownError}, message});
  };
}

}  // namespace lpsync::fakes
