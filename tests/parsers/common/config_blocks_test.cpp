#include "parsers/common/config_blocks.h"

#include <catch2/catch.hpp>

using gp::parsers::read_config_blocks;
using gp::parsers::split_words;

TEST_CASE("config blocks nest by indentation and keep line numbers", "[parsers][common]") {
  auto blocks = read_config_blocks(
      "hostname r1\r\n!\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n"
      " crypto map\n  deeper one\n shutdown\n\ninterface Gi0/1\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].text == "hostname r1");
  CHECK(blocks[0].line == 1);
  CHECK(blocks[1].text == "!");
  REQUIRE(blocks[2].children.size() == 3);
  CHECK(blocks[2].line == 3);
  CHECK(blocks[2].children[0].line == 4);
  CHECK(blocks[2].children[1].children.size() == 1);
  CHECK(blocks[2].children[1].children[0].text == "deeper one");
  CHECK(blocks[2].children[2].text == "shutdown");
  CHECK(blocks[3].line == 9);
}

TEST_CASE("config blocks accept invalid UTF-8 and empty input", "[parsers][common]") {
  CHECK(read_config_blocks("").empty());
  auto blocks = read_config_blocks("description \x82\xa0\xff\nhostname x");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].line == 2);
}

TEST_CASE("split_words keeps quoted strings together", "[parsers][common]") {
  auto w = split_words(" name \"a b\"  c");
  REQUIRE(w.size() == 3);
  CHECK(w[1] == "a b");
}
