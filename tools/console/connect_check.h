// The wizard's Connect step (issue 19): each system read once with the keys just given, the
// shop's and the Picqer account's names shown back, and every problem in words that say what
// to do ("this key cannot read orders: give it the Orders permission"). Reads only.
#pragma once

#include <string>
#include <vector>

#include "engine/env/http.h"
#include "tools/live/config.h"

namespace lpsync::console {

struct ConnectFindings {
  std::vector<std::string> problems;  // each stops the wizard: fix and try again
  std::vector<std::string> warnings;  // what will not work yet (a write permission missing)
  std::string shop;                   // "Acme shoes (shop 1, language en)"
  std::string picqer;                 // "https://acme.picqer.com: 2 warehouses (Main, Store)"
  bool ok() const { return problems.empty(); }
};

// An App Store app's connection reads Picqer only: the shop's access comes with its install
// callback. No message holds a key or secret.
ConnectFindings check_connection(const live::LiveConfig& config, Transport& http);

}  // namespace lpsync::console
