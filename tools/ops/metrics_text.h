// Renders the operator's figures as Prometheus text exposition format 0.0.4 (the answer of
// `GET /metrics`). Pure: the same figures give the same text. Every family has its HELP and
// TYPE lines before its samples, counters end in _total, times are in seconds since the epoch.
#pragma once

#include <string>
#include <string_view>

#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

inline constexpr char kMetricsContentType[] = "text/plain; version=0.0.4; charset=utf-8";

std::string metrics_text(const OpsFigures& figures);

// A label value as the format writes it between double quotes: \ " and newline escaped.
std::string escape_label_value(std::string_view value);

}  // namespace lpsync::ops
