#include <iostream>

#include "tools/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return lpsync::cli::run_lpsync(args, std::cout, std::cerr);
}
