#include "engine/jobs/bulk_import.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/picqer_account.h"
#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::bulk;

}  // namespace

std::string BulkImportJob::start(Instant now) {
  if (!basics_.settings.active) return "the connection is not active yet: activate it first";
  if (!basics_.settings.import_products) return "import_products is off: switch it on to import products";
  BulkImport state = parts_.bulk.bulk_import();
  if (state.running) return "";  // already running: pressing again changes nothing
  state = BulkImport{};
  state.running = true;
  state.started_at = now;
  parts_.bulk.put_bulk_import(state);
  prepared_ = false;
  prep_ = {};
  picqer_codes_.clear();
  basics_.decide("bulk_import_started", {});
  return "";
}

Step BulkImportJob::prepare() {
  BulkImport state = parts_.bulk.bulk_import();
  if (state.total == 0) {
    auto count = parts_.catalog.lightspeed.count_variants(kP);
    if (!count.ok()) return step_for(basics_, backoff_, count);
    state.total = count.value;
    parts_.bulk.put_bulk_import(state);
  }
  if (!parts_.catalog.catalog.complete()) {
    if (Step s = scan_catalog(basics_, parts_.catalog, backoff_, kP); !s.is_done()) return s;
  }
  if (!parts_.account.account.loaded) {
    if (Step s = load_picqer_account(basics_, parts_.account, backoff_, kP); !s.is_done()) return s;
  }
  // Product titles for the names of created products, 250 per request.
  while (!prep_.products_read) {
    if (prep_.next_product_page > basics_.limits.lightspeed_pages) {
      basics_.report.problem("page_cap:products",
                           "Lightspeed lists more than " + std::to_string(basics_.limits.lightspeed_pages) +
                               " pages of products; lpsync stopped reading there (page cap): Import "
                               "products reads the rest one by one (one request each), so it takes longer");
      break;
    }
    auto read = parts_.catalog.lightspeed.products(kP, prep_.next_product_page);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    for (const auto& p : read.value) parts_.catalog.catalog.put_product(p);
    prep_.products_read = read.value.size() < static_cast<size_t>(kLightspeedPageSize);
    ++prep_.next_product_page;
  }
  // Every Picqer product once, 100 per request, instead of one lookup per variant.
  while (!prep_.picqer_read) {
    if (prep_.picqer_offset >= static_cast<int64_t>(basics_.limits.picqer_pages) * kPicqerPageSize) {
      // Unread codes would look missing and be created or adopted as new: stop instead.
      return Step::item_failed("Picqer lists more than " + std::to_string(basics_.limits.picqer_pages) +
                               " pages of " + (prep_.inactive ? "inactive" : "active") +
                               " products; lpsync stopped reading there (page cap) and imports nothing, so that "
                               "no product is created twice. Archive unused products in Picqer, or link by hand");
    }
    auto read = parts_.account.picqer.products(kP, prep_.picqer_offset, prep_.inactive);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    for (const auto& p : read.value) {
      picqer_codes_.emplace(p.productcode, p.id);
      products_.note_product(p);
    }
    prep_.picqer_offset += kPicqerPageSize;
    if (read.value.size() < static_cast<size_t>(kPicqerPageSize)) {
      prep_.picqer_read = prep_.inactive;
      prep_.inactive = true;
      prep_.picqer_offset = 0;
    }
  }
  prepared_ = true;
  backoff_.succeeded();
  return Step::ok();
}

Step BulkImportJob::handle(const ls::Variant& v, BulkImport& state) {
  SkuStatus st = parts_.catalog.catalog.skus().status(v.id);
  if (st.problem) {
    SkippedVariant skipped{v.id, *st.problem, {}};
    if (*st.problem == SkuProblem::duplicate_sku) skipped.sharing = parts_.catalog.catalog.skus().variants_with(st.sku);
    state.skipped.push_back(skipped);
    return Step::ok();
  }
  if (auto link = parts_.catalog.links.product_link(v.id); link && link->productcode == st.sku) {
    // Created by this import before a restart or a retry (counted then), or linked already.
    if (state.setting_up_variant_id != v.id) ++state.linked;
    return products_.finish_setup(*link, kP);
  }
  if (auto found = picqer_codes_.find(st.sku); found != picqer_codes_.end()) {
    // A product with this code exists: link it, leave its stock alone. One this job created
    // before a restart is found by its create intent inside the linker instead.
    bool ours = false;
    for (const auto& i : parts_.intents.intents()) ours |= i.kind == IntentKind::create_product && i.key == st.sku;
    if (!ours) {
      products_.link_existing(v.id, st.sku, found->second);
      ++state.linked;
      return Step::ok();
    }
  }
  // Counted in the commit that stores the link: a restart during the images or the base
  // stock finds the link and this mark, and finishes without counting again.
  // Not among the Picqer products listed when the import started: created without another
  // lookup (Picqer refuses a duplicate productcode).
  bool listed_absent = !picqer_codes_.count(st.sku);
  StepWith<int64_t> s = products_.create(
      v.id, st.sku, kP,
      [&] {
        ++state.created;
        state.setting_up_variant_id = v.id;
        parts_.bulk.put_bulk_import(state);
      },
      std::nullopt, 0, listed_absent);
  if (s.is_done()) {
    picqer_codes_[st.sku] = s.value;
    if (parts_.catalog.catalog.variants_of_product(v.product_id) == 1) parts_.catalog.catalog.drop_images(v.product_id);
  }
  return s;
}

bool BulkImportJob::needs_images(const ls::Variant& v) const {
  SkuStatus st = parts_.catalog.catalog.skus().status(v.id);
  if (st.problem) return false;
  if (auto link = parts_.catalog.links.product_link(v.id); link && link->productcode == st.sku) return !link->setup_done;
  return !picqer_codes_.count(st.sku);
}

BulkImportJob::ReadAhead BulkImportJob::read_ahead(const BulkImport& state) {
  ShopCatalog& catalog = parts_.catalog.catalog;
  const auto& variants = catalog.variants();
  ReadAhead out;
  int ahead = 0, looked_at = 0;
  // Variants to link or skip are passed over, but not without end (each run looks again).
  for (auto it = variants.upper_bound(state.last_variant_id);
       it != variants.end() && ahead < kReadAhead && looked_at < 10 * kReadAhead; ++it, ++looked_at) {
    const ls::Variant& v = it->second;
    if (!needs_images(v)) continue;
    ++ahead;
    if (!catalog.images(v.product_id)) {
      auto read = parts_.catalog.lightspeed.product_images(kP, v.product_id);
      if (read.outcome == CallOutcome::rate_limited) out.read_on = read.retry_at;
      if (!read.ok()) return out;
      catalog.put_images(v.product_id, read.value);
    }
    ++out.ready;
  }
  return out;
}

std::optional<Instant> BulkImportJob::run(Instant now) {
  BulkImport state = parts_.bulk.bulk_import();
  if (!state.running) return std::nullopt;
  if (!basics_.settings.active) return std::nullopt;  // woken on activation
  if (!prepared_) {
    Step s = prepare();
    if (s.kind == Step::stop) return s.retry_at;
    if (s.kind == Step::failed) {
      basics_.report.problem("bulk", "Import products cannot continue: " + s.message);
      return now + Duration::minutes(10);
    }
    state = parts_.bulk.bulk_import();
  }
  const auto& variants = parts_.catalog.catalog.variants();
  auto it = variants.upper_bound(state.last_variant_id);
  auto pause = [&](Instant until) {
    parts_.bulk.put_bulk_import(state);
    basics_.report.bulk = state;
    return until;
  };
  // Decide on SKUs at most a minute old: the merchant may be fixing SKUs meanwhile. With a
  // batch read ahead the fresh read goes first (reading ahead would spend the window it
  // needs); while the shop's budget holds the image lists back, it waits for a batch.
  bool stale = parts_.catalog.catalog.known_until() < now - kCatalogFreshness;
  // Once what is left fits in one Lightspeed window, a fresh read no longer delays a read
  // the import needs: it goes first, and every product read after it is created at once.
  static const int64_t shortest_window = lightspeed_limits().front().limit;  // 300 a 5 minutes
  bool final_stretch = state.total - state.done <= shortest_window;
  if (stale && (ready_ahead_ >= kCreateBatch || final_stretch)) {
    stale = !refresh_catalog(basics_, parts_.catalog, backoff_, kP).is_done();
  }
  ReadAhead ahead = read_ahead(state);
  ready_ahead_ = ahead.ready;
  std::optional<Instant> read_on = ahead.read_on;
  // A product this import created whose images or base stock a budget cut short is finished
  // whatever the catalogue's age: that decides nothing on SKUs. Only it, until a fresh read.
  bool finishing = it != variants.end() && it->first == state.setting_up_variant_id;
  int batch = kBatch;
  if (stale && read_on && ahead.ready < kCreateBatch) {
    if (!finishing) return read_on;
    batch = 1;
  } else if (stale) {
    Step s = refresh_catalog(basics_, parts_.catalog, backoff_, kP);
    if (s.kind == Step::stop && !finishing) return s.retry_at;
    if (s.kind == Step::stop) batch = 1;
  }
  for (int n = 0; n < batch && it != variants.end(); ++n, ++it) {
    // No product is created whose images the shop's budget does not let it read now: it would
    // stand in Picqer without them until that budget comes back.
    if (read_on && needs_images(it->second) && !parts_.catalog.catalog.images(it->second.product_id)) {
      return pause(*read_on);
    }
    Step s = handle(it->second, state);
    if (s.kind == Step::stop) return pause(read_on ? std::min(*read_on, s.retry_at) : s.retry_at);
    if (s.kind == Step::failed) {
      basics_.report.note("Import products: variant " + std::to_string(it->first) + ": " + s.message);
    }
    state.last_variant_id = it->first;
    state.setting_up_variant_id = 0;
    ++state.done;
  }
  if (it == variants.end()) {
    state.running = false;
    state.finished = true;
    state.finished_at = now;
    basics_.decide("bulk_import_finished", {{"linked", state.linked},
                                          {"created", state.created},
                                          {"skipped", state.skipped.size()}});
  }
  parts_.bulk.put_bulk_import(state);
  basics_.report.bulk = state;
  backoff_.succeeded();
  return state.running ? std::optional<Instant>(now) : std::nullopt;
}

}  // namespace lpsync
