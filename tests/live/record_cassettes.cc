// Records the cassettes committed under cassettes/, against both fakes on loopback:
//   bazel run //tests/live:record_cassettes -- $PWD/cassettes
// run-once.jsonl: `lpsync run --once` from an empty state (an order imported, two held, a
// product created, another linked, stock pushed). run-with-webhooks.jsonl: then `lpsync run`
// with its listener: the shipment and new stock levels pushed, webhooks registered, and a
// Picqer and a Lightspeed webhook received, until SIGTERM. Run it again when the engine's
// behaviour changes on purpose (the replay test says when).
#include <iostream>

#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;
namespace pq = fakes::picqer;

int record(const std::string& out_dir) {
  LiveWorld w = make_world("record-cassettes", false, 7);
  add_shop(*w.fakes);
  // shipment_delay 0: the recording runs on the wall clock and should not wait 5 minutes for the
  // shipment (the delay is covered by the scenario corpus on the simulated clock).
  bj::object settings{{"active", true}, {"send_stock", true}, {"send_shipments", true}, {"shipment_delay", 0}};
  bj::object webhooks{{"webhooks", {{"listen", "127.0.0.1:0"}, {"public_url", "http://127.0.0.1:0"}}}};
  std::string config = write_config(w, "shop", settings, webhooks);

  CliResult once = lpsync({"run", "--config", config, "--once", "--record", out_dir + "/run-once.jsonl"});
  if (once.code != 0) {
    std::cerr << once.err;
    return 1;
  }
  std::cout << once.out;

  w.fakes->picqer([](pq::PicqerFake& p) { return p.ship_order("ORD1", "3SCASSETTE1").ok(); });
  Background run({"run", "--config", config, "--record", out_dir + "/run-with-webhooks.jsonl"});
  bool ok = run.wait_for("picqer_hook_created", 2) && run.wait_for("lightspeed_webhook_created", 3) &&
            run.wait_for("shipment_pushed") && run.wait_for("stock_reconciled");
  if (ok) {
    w.fakes->picqer([](pq::PicqerFake& p) { return p.set_stock("SHIRT-S", 1, 3).ok(); });
    ok = run.wait_for("webhook_received", 1);
  }
  if (ok) {
    w.fakes->lightspeed([](ls::LightspeedFake& s) {
      ls::OrderSpec o;
      o.number = "ORD4";
      o.payment_status = "paid";
      ls::OrderLineSpec line;
      line.variant = 21;
      o.lines.push_back(line);
      return s.place_order(o);
    });
    ok = run.wait_for("webhook_received", 2);
  }
  int code = run.stop();
  std::cout << run.out();
  if (!ok || code != 0) {
    std::cerr << run.log().text() << "\nrecording the run with webhooks did not go as planned\n";
    return 1;
  }
  std::cout << "wrote " << out_dir << "/run-once.jsonl and " << out_dir << "/run-with-webhooks.jsonl\n";
  return 0;
}

}  // namespace
}  // namespace lpsync::testing

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: record_cassettes DIR   (bazel run //tests/live:record_cassettes -- $PWD/cassettes)\n";
    return 2;
  }
  return lpsync::testing::record(argv[1]);
}
