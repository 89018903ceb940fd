#include "engine/core/connection.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(Connection, ThePicqerAccountIsTheHostOfItsUrl) {
  Connection c;
  c.picqer_key = "secret-key";
  c.picqer_url = "https://Acme.picqer.com";
  EXPECT_EQ(c.picqer_account(), "acme.picqer.com");
  c.picqer_url = "https://acme.picqer.com/";
  EXPECT_EQ(c.picqer_account(), "acme.picqer.com") << "two spellings of one account are one account";
  c.picqer_url = "http://127.0.0.1:8081";
  EXPECT_EQ(c.picqer_account(), "127.0.0.1:8081") << "fakes on other ports are other accounts";
  EXPECT_EQ(c.picqer_account().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace lpsync
