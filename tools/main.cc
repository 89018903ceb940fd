#include <iostream>

#include "tools/command.h"
#include "tools/standard_descriptors.h"

int main(int argc, char** argv) {
  // First of all, before anything makes a descriptor (tools/standard_descriptors.h).
  if (!lpsync::cli::open_standard_descriptors()) return 70;  // EX_SOFTWARE: cannot even say why
  std::vector<std::string> args(argv + 1, argv + argc);
  return lpsync::cli::run_lpsync(args, std::cout, std::cerr);
}
