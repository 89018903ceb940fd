#pragma once

namespace lpsync {

// Test hooks for the benchmark's naive baseline (lpsync bench). The defaults are the
// engine's behaviour; switching one off makes the engine spend requests the way a simple
// connector would, to show what each saving is worth.
struct Tuning {
  bool coalesce_stock = true;       // off: push every free-stock change at once, read each time
  bool reuse_product_links = true;  // off: look every order line's product up in Picqer
  bool incremental_reads = true;    // off: list the whole window and rescan the catalogue at
                                    // every poll, and read an order's lines again each time
};

}  // namespace lpsync
