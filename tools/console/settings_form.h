// The settings form of the console (sync-rules section 1): every setting with its current
// value and one plain sentence saying what it does, and the form sent back as the settings
// object the config file and `lpsync run` check. Used by the wizard's Configure step and by a
// connection's Settings page. Pure text building.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/env/http.h"
#include "engine/rules/settings.h"

namespace lpsync::console {

// The form's fields (no <form> element, no button): the caller wraps them.
std::string settings_fields(const Settings& s);
// The form sent back, as a settings object (check it with live::check_settings). An unticked
// box is false; a number field left empty is left out (its default applies).
boost::json::object settings_from_form(const QueryParams& form);

}  // namespace lpsync::console
