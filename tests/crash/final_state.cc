#include "tests/crash/final_state.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "engine/env/random.h"
#include "engine/state/state_words.h"

namespace lpsync::crash {
namespace {

std::string reference_of(sim::World& w, int64_t idorder) {
  auto o = w.picqer().order(idorder);
  return o ? o->reference : "unknown-picqer-order-" + std::to_string(idorder);
}

std::string code_of(sim::World& w, int64_t idproduct) {
  auto p = w.picqer().product(idproduct);
  return p ? p->productcode : "unknown-picqer-product-" + std::to_string(idproduct);
}

void picqer_lines(sim::World& w, std::vector<std::string>& out) {
  for (const auto& o : w.picqer().orders()) {
    std::vector<std::string> lines;
    for (const auto& l : o.lines) lines.push_back(l.productcode + "x" + std::to_string(l.amount));
    std::sort(lines.begin(), lines.end());
    std::ostringstream s;
    s << "picqer.order " << o.reference << " status=" << o.status << " via_api=" << o.via_api << " lines=";
    for (const auto& l : lines) s << l << ",";
    for (const auto& [field, value] : o.text) s << " " << field << "=" << value;
    out.push_back(s.str());
  }
  for (const auto& p : w.picqer().products()) {
    std::ostringstream s;
    s << "picqer.product " << p.productcode << " name=" << p.name << " price=" << p.price << " barcode=" << p.barcode
      << " active=" << p.active << " via_api=" << p.via_api << " weight=" << p.weight.value_or(-1) << " images=";
    for (const auto& i : p.images) s << i.bytes.size() << ":" << stable_hash(i.bytes) % 100000 << ",";
    for (const auto& [wh, level] : p.stock) {
      s << " stock[" << wh << "]=" << level.stock << "/free=" << level.freestock();
    }
    out.push_back(s.str());
  }
  for (const auto& h : w.picqer().hooks()) {
    out.push_back("picqer.hook " + h.event + " " + h.address + " active=" + std::to_string(h.active));
  }
}

void shop_lines(sim::World& w, std::vector<std::string>& out) {
  const auto& shop = w.lightspeed().shop();
  for (const auto& [id, v] : shop.variants()) {
    out.push_back("shop.variant " + std::to_string(id) + " stockLevel=" + std::to_string(v.stock_level));
  }
  for (const auto& [id, sh] : shop.shipments()) {
    out.push_back("shop.shipment " + std::to_string(id) + " order=" + std::to_string(sh.order_id) +
                  " status=" + sh.status + " tracking=" + sh.tracking_code + " notify=" +
                  std::to_string(sh.do_notify_shipped) + std::to_string(sh.do_notify_tracking_code));
  }
  for (const auto& [id, o] : shop.orders()) {
    out.push_back("shop.order " + o.number + " status=" + o.status + " shipmentStatus=" + o.shipment_status);
  }
  for (const auto& [id, hook] : shop.webhooks()) {
    out.push_back("shop.webhook " + hook.item_group + "/" + hook.item_action + " " + hook.address +
                  " active=" + std::to_string(hook.is_active));
  }
}

void store_lines(sim::World& w, std::vector<std::string>& out) {
  StateStore& s = w.store();
  for (const auto& l : s.order_links()) {
    out.push_back("link.order " + std::to_string(l.ls_order_id) + " " + l.number + " -> " +
                  reference_of(w, l.idorder) + " processed=" + std::to_string(l.processed) +
                  " allocated=" + std::to_string(l.allocated) + " cancelled=" + std::to_string(l.cancelled) +
                  " needs_person=" + l.needs_person);
  }
  for (const auto& l : s.product_links()) {
    out.push_back("link.product " + std::to_string(l.variant_id) + " " + l.productcode + " -> " +
                  code_of(w, l.idproduct) + " created_by_engine=" + std::to_string(l.created_by_engine) +
                  " setup_done=" + std::to_string(l.setup_done));
    // store.shop_stock is left out: it caches the level last read, and which reads happen
    // after a link was made depends on where a crash fell. A missing entry costs at most one
    // write of the same value; the shop's actual levels are compared above.
  }
  for (const auto& i : s.intents()) out.push_back("intent " + std::string(to_string(i.kind)) + " " + i.key);
  for (const auto& h : s.held()) out.push_back("held " + h.number + " " + std::string(to_string(h.reason)));
  for (const auto& p : s.shipment_pushes()) {
    out.push_back("push order=" + std::to_string(p.ls_order_id) + " shop_shipment=" + std::to_string(p.ls_shipment_id) +
                  " tracking=" + p.trackingcode + " pushed=" + std::to_string(p.pushed));
  }
  BulkImport b = s.bulk_import();
  std::ostringstream bulk;
  bulk << "bulk running=" << b.running << " finished=" << b.finished << " total=" << b.total << " done=" << b.done
       << " last=" << b.last_variant_id << " linked=" << b.linked << " created=" << b.created << " skipped=";
  for (const auto& sk : b.skipped) {
    bulk << sk.variant_id << ":" << to_string(sk.reason) << "[";
    for (int64_t v : sk.sharing) bulk << v << " ";
    bulk << "],";
  }
  out.push_back(bulk.str());
}

}  // namespace

std::vector<std::string> final_state(sim::World& world) {
  std::vector<std::string> out;
  picqer_lines(world, out);
  shop_lines(world, out);
  store_lines(world, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> at_most_once_violations(sim::World& world) {
  std::vector<std::string> out;
  std::map<std::string, int> references, codes, picqer_hooks, shop_hooks;
  for (const auto& o : world.picqer().orders()) ++references[o.reference];
  for (const auto& p : world.picqer().products()) ++codes[p.productcode];
  for (const auto& h : world.picqer().hooks()) picqer_hooks[h.event + " " + h.address] += h.active;
  for (const auto& [id, h] : world.lightspeed().shop().webhooks()) ++shop_hooks[h.item_group + "/" + h.item_action];
  for (const auto& [r, n] : references) {
    if (n > 1) out.push_back("Lightspeed order " + r + " has " + std::to_string(n) + " Picqer orders");
  }
  for (const auto& [c, n] : codes) {
    if (n > 1) out.push_back("productcode " + c + " has " + std::to_string(n) + " Picqer products");
  }
  for (const auto& [h, n] : picqer_hooks) {
    if (n > 1) out.push_back("Picqer hook " + h + " is registered " + std::to_string(n) + " times");
  }
  for (const auto& [h, n] : shop_hooks) {
    if (n > 1) out.push_back("shop webhook " + h + " is registered " + std::to_string(n) + " times");
  }
  std::map<std::string, int> shipment_puts;
  for (const auto& e : world.lightspeed().journal().entries()) {
    if (e.method == "PUT" && e.path.rfind("/shipments/", 0) == 0 && e.applied && e.status > 0 && e.status < 400) {
      ++shipment_puts[e.path];
    }
  }
  for (const auto& [path, n] : shipment_puts) {
    if (n > 1) out.push_back("shop " + path + " was updated " + std::to_string(n) + " times");
  }
  std::map<std::string, int> cancels;  // DELETE /orders/{id} that Picqer carried out
  for (const auto& e : world.picqer().journal().entries()) {
    if (e.method == "DELETE" && e.path.rfind("/orders/", 0) == 0 && e.applied && e.status > 0 && e.status < 400) {
      ++cancels[e.path];
    }
  }
  for (const auto& [path, n] : cancels) {
    if (n > 1) out.push_back("Picqer " + path + " was cancelled " + std::to_string(n) + " times");
  }
  return out;
}

std::string diff(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  std::multiset<std::string> e(expected.begin(), expected.end()), a(actual.begin(), actual.end());
  std::string out;
  for (const auto& line : expected) {
    if (auto it = a.find(line); it != a.end()) {
      a.erase(it);
    } else {
      out += "  - " + line + "\n";
    }
  }
  for (const auto& line : actual) {
    if (auto it = e.find(line); it != e.end()) {
      e.erase(it);
    } else {
      out += "  + " + line + "\n";
    }
  }
  return out;
}

}  // namespace lpsync::crash
