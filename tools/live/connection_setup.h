// From a checked config and the state store to what the engine needs: the Connection (URLs,
// credentials: the API key's, or the installed app's from the state store), the secret
// token of the Lightspeed webhook address (made once, kept in the state store), and every
// secret the redactor must know.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/core/connection.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/config.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

inline constexpr char kWebhookTokenKey[] = "live.webhook_token";

// Opens the config's state database (its directory made private to this user when lpsync
// creates it). On failure `error` says what is wrong and what to do; `note` is what a person
// should know about a database that did open (an empty file started anew), else "".
std::unique_ptr<SqliteStateStore> open_state(const LiveConfig& config, std::string& error, std::string& note);

struct ConnectionSetup {
  std::optional<Connection> connection;  // nullopt: the app is not installed yet
  std::string why_not;                   // when nullopt, for the merchant
};

// `with_webhooks`: give the engine the public address (lpsync run with a webhooks section).
// Adds the credentials and tokens in use to `redactor`. Creates the webhook token when
// missing (a write to `store`, unless `store_writable` is false: plan).
ConnectionSetup connection_for(const LiveConfig& config, StateStore& store, bool with_webhooks, Redactor& redactor,
                               bool store_writable = true);

// Every secret of the config and the store, for a redactor.
void add_known_secrets(const LiveConfig& config, const StateStore& store, Redactor& redactor);

}  // namespace lpsync::live
