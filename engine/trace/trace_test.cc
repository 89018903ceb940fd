#include "engine/trace/trace.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

TEST(Trace, WritesOneJsonLinePerEventAndHashesThem) {
  std::ostringstream out;
  Trace t(true);
  t.write_to(&out);
  t.exchange(kT, "picqer", "POST", "/api/v1/orders", 201);
  t.decision(kT, "order_held", {{"order", "ORD1"}, {"reason", "not_paid"}});
  EXPECT_EQ(out.str(),
            "{\"t\":\"2027-01-15T08:00:00Z\",\"http\":\"picqer\",\"method\":\"POST\",\"target\":\"/api/v1/orders\","
            "\"status\":201}\n"
            "{\"t\":\"2027-01-15T08:00:00Z\",\"decision\":\"order_held\",\"order\":\"ORD1\",\"reason\":\"not_paid\"}\n");
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.lines().size(), 2u);

  Trace same, other;
  same.exchange(kT, "picqer", "POST", "/api/v1/orders", 201);
  same.decision(kT, "order_held", {{"order", "ORD1"}, {"reason", "not_paid"}});
  other.exchange(kT, "picqer", "POST", "/api/v1/orders", 500);
  other.decision(kT, "order_held", {{"order", "ORD1"}, {"reason", "not_paid"}});
  EXPECT_EQ(same.hash(), t.hash());
  EXPECT_NE(other.hash(), t.hash());
  EXPECT_TRUE(same.lines().empty());
}

TEST(Trace, TransportErrorsAreRecordedInsteadOfAStatus) {
  std::ostringstream out;
  Trace t;
  t.write_to(&out);
  t.exchange(kT, "lightspeed", "PUT", "/en/variants/1.json", 0, "timeout");
  EXPECT_NE(out.str().find("\"error\":\"timeout\""), std::string::npos);
  EXPECT_EQ(out.str().find("status"), std::string::npos);
}

}  // namespace
}  // namespace lpsync
