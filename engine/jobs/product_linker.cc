#include "engine/jobs/product_linker.h"

#include "engine/env/crypto.h"
#include "engine/jobs/picqer_account.h"
#include "engine/rules/product_mapping.h"
#include "engine/rules/stock_rules.h"
#include "engine/rules/vat_rules.h"

namespace lpsync {

StepWith<std::optional<int64_t>> ProductLinker::find(int64_t variant_id, const std::string& sku, Priority p,
                                                     int64_t unseen_pending) {
  if (auto link = parts_.links.product_link(variant_id);
      link && link->productcode == sku && basics_.tuning.reuse_product_links) {
    // A product this engine created whose images or base stock were cut short (a failure,
    // or the process stopped): finish that, once, before the product is used.
    if (Step s = finish_setup(*link, p, unseen_pending); !s.is_done()) return s;
    return std::optional<int64_t>(link->idproduct);
  }
  auto found = parts_.picqer.products_with_code(p, sku);
  if (!found.ok()) return step_for(basics_, backoff_, found);
  backoff_.succeeded();
  for (const auto& product : found.value) note_product(product);
  if (found.value.empty()) return std::optional<int64_t>();
  // A left-over create intent means the product is ours: finish its set-up.
  bool ours = false;
  for (const auto& i : parts_.intents.intents()) ours |= i.kind == IntentKind::create_product && i.key == sku;
  if (ours) {
    ProductLink link{variant_id, sku, found.value.front().id, true, false};
    parts_.commits.atomically([&] {
      parts_.links.put_product_link(link);
      parts_.intents.end_intent(IntentKind::create_product, sku);
    });
    Step s = finish_setup(link, p, unseen_pending);
    if (!s.is_done()) return s;
  } else {
    link_existing(variant_id, sku, found.value.front().id);
  }
  return std::optional<int64_t>(found.value.front().id);
}

void ProductLinker::link_existing(int64_t variant_id, const std::string& sku, int64_t idproduct) {
  // A variant whose SKU changed drops its old link first; a code linked to another variant
  // (whose SKU changed away) is released.
  parts_.commits.atomically([&] {
    if (auto old = parts_.links.product_link_by_code(sku); old && old->variant_id != variant_id) {
      parts_.links.remove_product_link(old->variant_id);
    }
    parts_.links.put_product_link({variant_id, sku, idproduct, false, true});
  });
  ++basics_.report.products_linked;
  basics_.decide("product_linked", {{"variant", variant_id}, {"productcode", sku}, {"idproduct", idproduct}});
}

StepWith<ls::Product> ProductLinker::product_facts(const ls::Variant& v, Priority p) {
  if (const ls::Product* known = parts_.catalog.product(v.product_id)) return *known;
  auto read = parts_.lightspeed.product(p, v.product_id);
  if (!read.ok()) return step_for(basics_, backoff_, read);
  parts_.catalog.put_product(read.value);
  return read.value;
}

StepWith<int64_t> ProductLinker::create(int64_t variant_id, const std::string& sku, Priority p,
                                        const std::function<void()>& with_link, std::optional<double> tax_rate,
                                        int64_t unseen_pending, bool listed_absent) {
  if (Step s = wait_for_open_orders(); !s.is_done()) return s;
  const ls::Variant* v = parts_.catalog.variant(variant_id);
  if (!v) return Step::item_failed("variant " + std::to_string(variant_id) + " is not in the catalogue");
  if (!parts_.account.loaded) {
    Step s = load_picqer_account(basics_, {parts_.picqer, parts_.account}, backoff_, p);
    if (!s.is_done()) return s;
  }
  StepWith<ls::Product> facts = product_facts(*v, p);
  if (!facts.is_done()) return facts;
  const ls::Product& product = facts.value;
  NewProduct np = new_product_for(product, *v, parts_.catalog.variants_of_product(v->product_id), sku);
  auto vat = choose_vat_group(parts_.account.vatgroups, tax_rate ? tax_rate_percent(*tax_rate) : std::nullopt);
  if (!vat) return Step::item_failed("no VAT group in Picqer");

  bool retry = false;
  for (const auto& i : parts_.intents.intents()) retry |= i.kind == IntentKind::create_product && i.key == sku;
  parts_.intents.begin_intent({IntentKind::create_product, sku, basics_.now()});
  ProductLink link{variant_id, sku, 0, true, false};
  auto look_up = [&]() -> StepWith<int64_t> {
    auto existing = parts_.picqer.products_with_code(p, sku);
    if (!existing.ok()) return step_for(basics_, backoff_, existing);
    for (const auto& product : existing.value) note_product(product);
    return existing.value.empty() ? int64_t{0} : existing.value.front().id;
  };
  if (retry || !listed_absent) {
    // Look up right before creating: an earlier attempt may have created it already.
    StepWith<int64_t> found = look_up();
    if (!found.is_done()) return found;
    link.idproduct = found.value;
    if (link.idproduct != 0) {
      basics_.decide("product_adopted", {{"variant", variant_id}, {"productcode", sku}, {"idproduct", link.idproduct}});
    }
  }
  if (link.idproduct == 0) {
    auto created = parts_.picqer.create_product(p, np, vat->group.id);
    if (created.outcome == CallOutcome::rejected && !retry && listed_absent) {
      // Perhaps someone gave a product this code since the listing: then it is theirs,
      // linked with its stock left alone.
      StepWith<int64_t> found = look_up();
      if (!found.is_done()) return found;
      if (found.value == 0) return step_for(basics_, backoff_, created);
      parts_.intents.end_intent(IntentKind::create_product, sku);
      link_existing(variant_id, sku, found.value);
      return found.value;
    }
    if (created.outcome == CallOutcome::rate_limited) {
      // Held back by the budget or refused with 429: nothing was created, so the next
      // attempt is a first one, with no look-up before it.
      parts_.intents.end_intent(IntentKind::create_product, sku);
    }
    if (!created.ok()) return step_for(basics_, backoff_, created);
    link.idproduct = created.value.id;
    unlimited_[link.idproduct] = false;  // created as a normal product
    images_uploaded_[variant_id] = 0;
    ++basics_.report.products_created;
    basics_.decide("product_created", {{"variant", variant_id}, {"productcode", sku}, {"idproduct", link.idproduct},
                                     {"idvatgroup", vat->group.id}, {"vatgroup", explain(*vat)}});
  }
  parts_.commits.atomically([&] {
    parts_.links.put_product_link(link);
    parts_.intents.end_intent(IntentKind::create_product, sku);
    if (with_link) with_link();
  });
  backoff_.succeeded();
  StepWith<int64_t> finished = finish_setup(link, p, unseen_pending);
  finished.value = link.idproduct;
  return finished;
}

Step ProductLinker::upload_images(const ProductLink& link, int64_t ls_product_id, Priority p) {
  const std::vector<ls::Image>* images = parts_.catalog.images(ls_product_id);
  if (!images) {
    auto read = parts_.lightspeed.product_images(p, ls_product_id);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    parts_.catalog.put_images(ls_product_id, read.value);
    images = parts_.catalog.images(ls_product_id);
  }
  auto done = images_uploaded_.find(link.variant_id);
  if (done == images_uploaded_.end()) {
    // Set-up started by an earlier process: count what arrived.
    auto count = parts_.picqer.count_images(p, link.idproduct);
    if (!count.ok()) return step_for(basics_, backoff_, count);
    done = images_uploaded_.emplace(link.variant_id, count.value).first;
  }
  for (size_t i = static_cast<size_t>(done->second); i < images->size(); ++i) {
    auto bytes = parts_.lightspeed.image_bytes((*images)[i].src);
    if (!bytes.ok()) {
      if (should_retry(bytes.outcome)) return step_for(basics_, backoff_, bytes);
      basics_.report.note("Image " + (*images)[i].src + " of product " + link.productcode +
                                   " could not be downloaded: " + bytes.message);
      ++done->second;
      continue;
    }
    auto added = parts_.picqer.add_image(p, link.idproduct, base64_encode(bytes.value));
    if (!added.ok()) {
      // The image may have arrived (a lost answer): count them in Picqer before the next one.
      // Not after a refusal for the rate (held back, or 429): that one surely did not.
      if (added.outcome != CallOutcome::rate_limited) images_uploaded_.erase(done);
      return step_for(basics_, backoff_, added);
    }
    ++done->second;
  }
  return Step::ok();
}

StepWith<bool> ProductLinker::unlimited(const ProductLink& link, Priority p) {
  if (auto it = unlimited_.find(link.idproduct); it != unlimited_.end()) return it->second;
  auto found = parts_.picqer.products_with_code(p, link.productcode);
  if (!found.ok()) return step_for(basics_, backoff_, found);
  for (const auto& product : found.value) note_product(product);
  // Not found under its code (renamed or deleted in Picqer): counted as a normal product.
  if (!unlimited_.count(link.idproduct)) unlimited_[link.idproduct] = false;
  return unlimited_[link.idproduct];
}

Step ProductLinker::wait_for_open_orders() const {
  if (parts_.pending.open.known) return Step::ok();
  // After a start the base stock waits for the first order poll's count of the open orders
  // (section 3): created earlier, a product would miss them for good.
  return Step::stop_until(basics_.now() + kOpenOrdersWait,
                          "waiting for the first order poll to count the open orders for the base stock");
}

Step ProductLinker::finish_setup(const ProductLink& link, Priority p, int64_t unseen_pending) {
  if (link.setup_done) return Step::ok();
  if (Step s = wait_for_open_orders(); !s.is_done()) return s;
  const ls::Variant* v = parts_.catalog.variant(link.variant_id);
  if (!v) return Step::item_failed("variant " + std::to_string(link.variant_id) + " is not in the catalogue");
  if (!parts_.account.loaded) {
    Step s = load_picqer_account(basics_, {parts_.picqer, parts_.account}, backoff_, p);
    if (!s.is_done()) return s;
  }
  if (Step s = upload_images(link, v->product_id, p); !s.is_done()) return s;
  int64_t pending = parts_.pending.open.of(link.variant_id) + unseen_pending;
  int64_t base = base_stock(v->stock_level, pending);
  if (base > 0) {
    auto warehouse = base_stock_warehouse(basics_.settings, parts_.account);
    if (!warehouse) return Step::item_failed("no stock warehouse in Picqer for the base stock of " + link.productcode);
    auto set = parts_.picqer.set_stock(p, link.idproduct, *warehouse, base, "Base stock from Lightspeed (lpsync)");
    if (!set.ok()) return step_for(basics_, backoff_, set);
    basics_.decide("base_stock_set", {{"variant", link.variant_id}, {"idproduct", link.idproduct},
                                      {"stockLevel", v->stock_level}, {"pending", pending}, {"stock", base}});
  }
  ProductLink finished = link;
  finished.setup_done = true;
  parts_.links.put_product_link(finished);
  images_uploaded_.erase(link.variant_id);
  backoff_.succeeded();
  return Step::ok();
}

}  // namespace lpsync
