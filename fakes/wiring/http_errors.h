// The error bodies of the fakes' HTTP layer (a 413, a malformed request, ...): Lightspeed's
// envelope {"error":{"code","method","request","message"}} and Picqer's
// {"error":true,"error_code","error_message"}, as the fakes answer their own errors.
#pragma once

#include "engine/env/http_server.h"

namespace lpsync::fakes {

HttpErrorBody lightspeed_http_errors();
HttpErrorBody picqer_http_errors();

}  // namespace lpsync::fakes
